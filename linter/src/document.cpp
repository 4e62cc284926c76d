// Format detection, the .txt front end and the body segmenter.
#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>

#include "fulint/document.hpp"
#include "fulint/text.hpp"
#include "parse_internal.hpp"

namespace fulint {

std::string_view to_string(PartKind k) {
  switch (k) {
    case PartKind::Subject: return "subject";
    case PartKind::Salutation: return "salutation";
    case PartKind::Paragraph: return "paragraph";
    case PartKind::Closing: return "closing";
    case PartKind::Signature: return "signature";
    case PartKind::Quoted: return "quoted";
  }
  return "?";
}

static bool iequals(std::string_view a, std::string_view b) { return text::iequals_ascii(a, b); }
static bool istarts(std::string_view s, std::string_view prefix) { return text::istarts_with_ascii(s, prefix); }

const Header* Document::header(std::string_view name) const {
  for (const Header& h : headers)
    if (iequals(h.name, name)) return &h;
  return nullptr;
}

const Part* Document::first(PartKind k) const {
  for (const Part& p : parts)
    if (p.kind == k) return &p;
  return nullptr;
}

std::vector<const Part*> Document::paragraphs() const {
  std::vector<const Part*> out;
  for (const Part& p : parts)
    if (p.kind == PartKind::Paragraph) out.push_back(&p);
  return out;
}

bool Document::in_authors_text(Span s) const {
  for (const Part& p : parts)
    if (p.kind != PartKind::Quoted && p.span.contains(s)) return true;
  return false;
}

namespace {

// One physical line of a buffer: [begin, end) without its line break.
struct Line {
  uint32_t begin, end;
};

std::vector<Line> split_lines(std::string_view s, uint32_t from, uint32_t to) {
  std::vector<Line> out;
  out.reserve((to - from) / 40 + 1);
  text::LineBreakFinder breaks(s);
  uint32_t b = from;
  for (size_t i = breaks.next(from); i < to; i = breaks.next(b)) {
    out.push_back({b, static_cast<uint32_t>(i)});
    if (s[i] == '\r' && i + 1 < to && s[i + 1] == '\n') ++i;
    b = static_cast<uint32_t>(i + 1);
  }
  if (b < to) out.push_back({b, to});
  return out;
}

// A header field name: printable ASCII without colon or space.
size_t header_name_len(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 76) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == ':') return i;
    if (c <= 32 || c >= 127) return 0;
    ++i;
  }
  return 0;
}

constexpr std::array<std::string_view, 9> kTxtHeaders = {
    "Subject", "To", "Cc", "From", "Date", "X-Interview-Date", "X-Follow-Up-Number", "X-Fulint-Disable", "References"};

bool is_txt_header(std::string_view name) {
  for (auto h : kTxtHeaders)
    if (iequals(h, name)) return true;
  return false;
}

struct HeaderScan {
  bool has_key = false;        // From/To/Subject/Date/MIME-Version
  bool has_blank_end = false;  // ended by an empty line
  bool only_txt_fields = true;
  size_t fields = 0;
};

HeaderScan scan_header_block(std::string_view raw) {
  HeaderScan r;
  size_t i = 0;
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < raw.size()) {
    size_t e = raw.find('\n', i);
    if (e == std::string_view::npos) e = raw.size();
    std::string_view line = raw.substr(i, e - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      r.has_blank_end = r.fields > 0;
      return r;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      if (r.fields == 0) return r;
    } else {
      size_t n = header_name_len(line);
      if (n == 0) return r;
      std::string_view name = line.substr(0, n);
      ++r.fields;
      if (iequals(name, "From") || iequals(name, "To") || iequals(name, "Subject") || iequals(name, "Date") ||
          iequals(name, "MIME-Version"))
        r.has_key = true;
      if (!is_txt_header(name)) r.only_txt_fields = false;
    }
    i = e + 1;
  }
  return r;
}

}  // namespace

bool looks_like_eml(std::string_view raw) {
  HeaderScan s = scan_header_block(raw);
  return s.has_key && s.has_blank_end;
}

Document parse_document(std::string path, std::string raw, const ParseOptions& opts) {
  Document doc;
  doc.path = std::move(path);
  doc.raw = std::move(raw);
  doc.lines = LineIndex(doc.raw);
  HeaderScan s = scan_header_block(doc.raw);
  bool eml_shape = s.has_key && s.has_blank_end;
  std::string ext = text::ascii_lower(opts.extension_hint);
  bool eml;
  if (ext == ".txt") eml = eml_shape && !s.only_txt_fields;  // a plain draft's own header block stays .txt
  else if (ext == ".eml") eml = eml_shape;
  else eml = eml_shape && !s.only_txt_fields ? true : (eml_shape && s.fields > 0 && ext != ".txt" && ext != "");
  doc.format = eml ? Format::Eml : Format::Txt;
  if (eml) detail::parse_eml(doc);
  else detail::parse_txt(doc);
  detail::segment(doc);
  return doc;
}

namespace detail {

void append_raw_utf8(Document& doc, uint32_t raw_begin, uint32_t raw_end, bool record_invalid) {
  std::string_view raw = doc.raw;
  uint32_t i = raw_begin;
  uint32_t run = raw_begin;
  auto flush = [&](uint32_t upto) {
    if (upto > run) {
      doc.map.add_linear(static_cast<uint32_t>(doc.text.size()), run, upto - run);
      doc.text.append(raw.substr(run, upto - run));
    }
  };
  while (i < raw_end) {
    i += static_cast<uint32_t>(text::ascii_prefix(raw.substr(i, raw_end - i)));
    if (i >= raw_end) break;
    size_t len;
    char32_t cp = text::decode(raw.substr(0, raw_end), i, len);
    if (cp != text::kInvalid) {
      i += static_cast<uint32_t>(len);
      continue;
    }
    flush(i);
    uint32_t bad_b = i;
    // A run of invalid bytes: one U+FFFD each, each mapped onto its byte.
    while (i < raw_end) {
      unsigned char cc = static_cast<unsigned char>(raw[i]);
      if (cc < 0x80) break;
      size_t l2;
      if (text::decode(raw.substr(0, raw_end), i, l2) != text::kInvalid) break;
      doc.map.add_opaque(static_cast<uint32_t>(doc.text.size()), 3, i, 1);
      doc.text.append("\xEF\xBF\xBD");
      ++i;
    }
    if (record_invalid) doc.invalid_utf8.push_back({bad_b, i});
    run = i;
  }
  flush(raw_end);
}

void parse_txt(Document& doc) {
  const std::string_view raw = doc.raw;
  const uint32_t n = static_cast<uint32_t>(raw.size());
  doc.text.reserve(raw.size());
  append_raw_utf8(doc, 0, n, true);
  // Optional header block of known fields at the top, ended by a blank line
  // (or by the first line that is not a header field).
  std::string_view t = doc.text;
  uint32_t i = 0;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  uint32_t body_start = i;
  bool any = false;
  while (i < t.size()) {
    uint32_t e = static_cast<uint32_t>(std::min(t.find('\n', i), t.size()));
    uint32_t le = e;
    if (le > i && t[le - 1] == '\r') --le;
    std::string_view line = t.substr(i, le - i);
    if (line.empty() || text::trim(line).empty()) {
      if (any) body_start = std::min<uint32_t>(e + 1, static_cast<uint32_t>(t.size()));
      break;
    }
    size_t nl = header_name_len(line);
    if (nl == 0 || !is_txt_header(line.substr(0, nl))) {
      if (any) body_start = i;
      break;
    }
    any = true;
    uint32_t vb = i + static_cast<uint32_t>(nl) + 1;
    while (vb < le && (t[vb] == ' ' || t[vb] == '\t')) ++vb;
    uint32_t ve = le;
    while (ve > vb && (t[ve - 1] == ' ' || t[ve - 1] == '\t')) --ve;
    Header h;
    h.name = std::string(line.substr(0, nl));
    h.value = std::string(t.substr(vb, ve - vb));
    h.raw = doc.map.to_raw({i, le});
    h.raw_value = doc.map.to_raw({vb, ve});
    h.text_value = Span{vb, ve};
    doc.headers.push_back(std::move(h));
    body_start = std::min<uint32_t>(e + 1, static_cast<uint32_t>(t.size()));
    i = e + 1;
  }
  for (const Header& h : doc.headers) {
    if (iequals(h.name, "Subject") && !doc.subject_text) doc.subject_text = h.text_value;
    else if (iequals(h.name, "To")) {
      auto a = parse_address_list(h.value);
      doc.to.insert(doc.to.end(), a.begin(), a.end());
    } else if (iequals(h.name, "Cc")) {
      auto a = parse_address_list(h.value);
      doc.cc.insert(doc.cc.end(), a.begin(), a.end());
    } else if (iequals(h.name, "From")) {
      auto a = parse_address_list(h.value);
      doc.from.insert(doc.from.end(), a.begin(), a.end());
    } else if (iequals(h.name, "References")) {
      auto ids = parse_message_ids(h.value);
      doc.references.insert(doc.references.end(), ids.begin(), ids.end());
    }
  }
  doc.body = {body_start, static_cast<uint32_t>(doc.text.size())};
}

// ---------------------------------------------------------------------------
// Segmentation
// ---------------------------------------------------------------------------

namespace {

struct Cursor {
  std::string_view s;
  char32_t at(size_t i, size_t& len) const { return text::decode(s, i, len); }
};

// Lines come from split_lines over d.text, so they lie inside it.
std::string_view view(const Document& d, Line l) { return std::string_view(d.text.data() + l.begin, l.end - l.begin); }

bool is_blank(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    size_t len;
    char32_t cp = text::decode(line, i, len);
    if (!text::is_space(cp)) return false;
    i += len;
  }
  return true;
}

// Line without leading/trailing white space (Unicode-aware).
Line trim_line(const Document& d, Line l) {
  std::string_view s = d.text;
  while (l.begin < l.end) {
    size_t len;
    char32_t cp = text::decode(s, l.begin, len);
    if (!text::is_space(cp)) break;
    l.begin += static_cast<uint32_t>(len);
  }
  while (l.end > l.begin) {
    // An ASCII byte is a whole character: no need to look further back.
    size_t len = 1;
    char32_t cp = static_cast<unsigned char>(s[l.end - 1]);
    if (cp >= 0x80) cp = text::decode_before(s, l.end, len);
    if (!text::is_space(cp)) break;
    l.end -= static_cast<uint32_t>(len);
  }
  return l;
}

// Number of words (runs of non-space characters) of s, or `cap` when there
// are more: callers only compare the count with a small bound, and the lines
// they ask about can be whole paragraphs.
int count_words_upto(std::string_view s, int cap) {
  int n = 0;
  bool in = false;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t cp = text::decode(s, i, len);
    bool w = !text::is_space(cp);
    if (w && !in && ++n >= cap) return cap;
    in = w;
    i += len;
  }
  return n;
}

bool is_quote_line(std::string_view l) {
  size_t i = 0;
  while (i < l.size() && i < 3 && l[i] == ' ') ++i;
  return i < l.size() && l[i] == '>';
}

bool ends_with_wrote(std::string_view l) {
  l = text::trim(l);
  static constexpr std::string_view kEnds[] = {"wrote:", "a écrit :", "a écrit:", "schrieb:", "escribió:"};
  for (auto e : kEnds)
    if (l.size() >= e.size() && iequals(l.substr(l.size() - e.size()), e)) return true;
  return false;
}

bool is_forward_marker(std::string_view l) {
  l = text::trim(l);
  // The prefix first: it rules out nearly every line without a search.
  if (l.substr(0, 3) == "---" && (l.find("Forwarded message") != std::string_view::npos ||
                                  l.find("Original Message") != std::string_view::npos))
    return true;
  if (istarts(l, "Begin forwarded message")) return true;
  return false;
}

// A line made only of underscores or dashes, as clients put above a quoted header block.
bool is_rule_line(std::string_view l) {
  l = text::trim(l);
  if (l.size() < 10) return false;
  return std::all_of(l.begin(), l.end(), [](char c) { return c == '_' || c == '-'; });
}

bool is_sig_delimiter(std::string_view l) { return l == "-- " || l == "--"; }

constexpr std::string_view kGreetings[] = {
    "dear", "hello", "hi", "hey", "hiya", "heya", "yo", "sup", "howdy", "greetings", "good morning",
    "good afternoon", "good evening", "good day", "morning", "afternoon", "evening", "to whom it may concern",
    "hey there", "hi there", "hello there", "dear sir", "dear madam", "g'day", "salutations", "hallo"};

constexpr std::string_view kTitles[] = {"mr", "ms", "mrs", "miss", "mx", "dr", "prof", "professor", "sir", "madam"};

// Length of the greeting word(s) a line starts with, or 0.
size_t greeting_prefix(std::string_view l) {
  size_t best = 0;
  for (auto g : kGreetings) {
    if (l.size() >= g.size() && iequals(l.substr(0, g.size()), g)) {
      if (l.size() == g.size()) { best = std::max(best, g.size()); continue; }
      unsigned char c = static_cast<unsigned char>(l[g.size()]);
      if (c == ' ' || c == ',' || c == ':' || c == '!' || c == '.' || c == '\t' || c >= 0x80)
        best = std::max(best, g.size());
    }
  }
  return best;
}

bool word_is_title(std::string_view w) {
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  for (auto t : kTitles)
    if (iequals(w, t)) return true;
  return false;
}

// "Priya," / "Ms. Patel," / "Dr. Kim:" : names alone ending with , or :
bool is_name_only_greeting(std::string_view l) {
  if (l.empty() || (l.back() != ',' && l.back() != ':')) return false;
  std::string_view body = l.substr(0, l.size() - 1);
  int n = 0;
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && body[i] == ' ') ++i;
    size_t b = i;
    while (i < body.size() && body[i] != ' ') ++i;
    if (b == i) break;
    std::string_view w = body.substr(b, i - b);
    ++n;
    size_t len;
    char32_t cp = text::decode(w, 0, len);
    if (!word_is_title(w) && !text::is_upper(cp)) return false;
    for (char c : w)
      if (c == '@' || (c >= '0' && c <= '9')) return false;
  }
  return n >= 1 && n <= 4;
}

// "Priya Patel," / "Tom and Ana!": only names (capitalised words, titles, "and").
bool names_only(std::string_view l) {
  int n = 0;
  size_t i = 0;
  while (i < l.size()) {
    while (i < l.size() && (l[i] == ' ' || l[i] == ',' || l[i] == ':' || l[i] == '!' || l[i] == '.')) ++i;
    size_t b = i;
    while (i < l.size() && l[i] != ' ' && l[i] != ',') ++i;
    if (b == i) break;
    std::string_view w = l.substr(b, i - b);
    while (!w.empty() && (w.back() == ':' || w.back() == '!' || w.back() == '.')) w.remove_suffix(1);
    if (w.empty()) continue;
    if (++n > 8) return false;
    size_t len;
    char32_t cp = text::decode(w, 0, len);
    if (!text::is_upper(cp) && !word_is_title(w) && !iequals(w, "and") && w != "&" && !iequals(w, "or")) return false;
  }
  return n > 0;
}

constexpr std::string_view kClosings[] = {
    "best regards", "kind regards", "warm regards", "warmest regards", "kindest regards", "regards", "best wishes",
    "all the best", "best", "sincerely", "yours sincerely", "sincerely yours", "yours truly", "yours faithfully",
    "respectfully", "respectfully yours", "thank you", "thank you again", "thank you so much", "thanks",
    "thanks again", "thanks so much", "many thanks", "with thanks", "with gratitude", "with appreciation",
    "gratefully", "cheers", "warmly", "warm wishes", "with best regards", "with kind regards", "cordially",
    "take care", "talk soon", "looking forward", "best of luck", "very best", "all best", "yours",
    "thank you for your time", "thank you for your consideration", "thanks for your time",
    "thank you kindly", "appreciatively", "regards and thanks", "ciao", "later", "peace", "xoxo", "love",
    "thank you for your time and consideration", "thank you again for your time",
    "thank you again for your consideration", "thank you again for the opportunity", "thanks again for your time",
    "thank you for the opportunity", "with many thanks", "many thanks again", "best regards and thank you",
    "with warm regards", "with warmest regards", "warm wishes and thanks", "kind regards and thanks",
    "looking forward to hearing from you", "sincerely and gratefully",
    "thanks and regards", "thanks & regards", "best, and thank you", "respectfully submitted", "with respect",
    "best wishes and thanks", "with sincere thanks", "with sincere appreciation", "kind wishes", "fond regards",
    "all my best", "my best", "be well", "until soon", "have a great day", "have a great weekend",
    "have a nice day", "have a good day", "have a good weekend", "enjoy your weekend", "cordialement",
    "bien cordialement", "bien à vous", "saludos", "saludos cordiales", "un saludo", "atentamente",
    "mit freundlichen grüßen", "viele grüße", "beste grüße", "met vriendelijke groet", "cordiali saluti",
    "atenciosamente", "abraços"};

constexpr bool has_ascii_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

// Orders by length first, so that a binary search mostly compares lengths.
constexpr bool shorter_or_less(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// kClosings sorted, for a binary search of a lower-cased line. The entries
// are lower case, so ASCII case-insensitive equality is equality after
// lower-casing the line's ASCII letters.
constexpr auto kClosingsSorted = [] {
  std::array<std::string_view, std::size(kClosings)> a{};
  std::copy(std::begin(kClosings), std::end(kClosings), a.begin());
  std::sort(a.begin(), a.end(), shorter_or_less);
  return a;
}();
static_assert(std::none_of(kClosingsSorted.begin(), kClosingsSorted.end(), has_ascii_upper));
constexpr size_t kLongestClosing = kClosingsSorted.back().size();

// Whether s is one of kClosings, ignoring ASCII case.
bool is_closing_phrase(std::string_view s) {
  if (s.empty() || s.size() > kLongestClosing) return false;
  char low[kLongestClosing];
  for (size_t i = 0; i < s.size(); ++i) low[i] = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] + 32) : s[i];
  return std::binary_search(kClosingsSorted.begin(), kClosingsSorted.end(), std::string_view(low, s.size()),
                            shorter_or_less);
}

// Length of the closing phrase a line is, ignoring case and a trailing , . ! —
// 0 when the line is not a closing. `comma` tells whether it ends with a comma.
size_t closing_len(std::string_view l, bool& comma, size_t& name_after) {
  comma = false;
  name_after = 0;
  std::string_view core = l;
  while (!core.empty() && (core.back() == ',' || core.back() == '.' || core.back() == '!' || core.back() == ' '))
    core.remove_suffix(1);
  comma = !l.empty() && l.back() == ',';
  if (is_closing_phrase(core)) return core.size();
  // "Best, Jordan" / "Thanks, Priya Patel": a closing then a short name. The
  // closing is checked first: it rules out a long line at once.
  size_t p = core.find(',');
  if (p != std::string_view::npos && p + 1 < core.size()) {
    std::string_view head = core.substr(0, p);
    if (!is_closing_phrase(head)) return 0;
    std::string_view tail = text::trim(core.substr(p + 1));
    int tw = count_words_upto(tail, 4);
    size_t len;
    if (tw >= 1 && tw <= 3 && text::is_upper(text::decode(tail, 0, len))) {
      comma = true;
      name_after = static_cast<size_t>(tail.data() - l.data());  // position of the name in l
      return head.size();
    }
  }
  return 0;
}

// Bytes that can make a line look like contact details (see looks_like_contact).
constexpr std::array<bool, 256> kContactByte = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  t['@'] = t[':'] = t['l'] = t['L'] = true;
  return t;
}();

// A phone number (7 digits or more), an e-mail address, a URL or a LinkedIn
// profile. One pass that stops at the first sign: the line may be a paragraph.
bool looks_like_contact(std::string_view l) {
  int digits = 0;
  for (size_t i = 0; i < l.size(); ++i) {
    char c = l[i];
    if (!kContactByte[static_cast<unsigned char>(c)]) continue;
    if (c >= '0' && c <= '9') {
      if (++digits >= 7) return true;
    } else if (c == '@' || (c == ':' && l.substr(i, 3) == "://") || (c == 'l' && l.substr(i, 12) == "linkedin.com") ||
               (c == 'L' && l.substr(i, 8) == "LinkedIn")) {
      return true;
    }
  }
  return istarts(text::trim(l), "www.");
}

bool looks_like_name(std::string_view l) {
  l = text::trim(l);
  if (l.empty() || l.size() > 60) return false;
  int words = 0;
  size_t i = 0;
  while (i < l.size()) {
    while (i < l.size() && l[i] == ' ') ++i;
    size_t b = i;
    while (i < l.size() && l[i] != ' ') ++i;
    if (b == i) break;
    std::string_view w = l.substr(b, i - b);
    ++words;
    size_t len;
    char32_t cp = text::decode(w, 0, len);
    if (!text::is_upper(cp) && !word_is_title(w)) {
      // particles in names: de, van, von, da, bin, al, ní, mac…
      static constexpr std::string_view kParticles[] = {"de", "van", "von", "da", "del", "der", "den", "bin", "binti",
                                                        "al", "el", "la", "le", "ní", "ní", "mac", "dos", "das", "du", "di", "y"};
      bool ok = false;
      for (auto pp : kParticles) ok |= iequals(w, pp);
      if (!ok) return false;
    }
    for (char c : w)
      if (c == '@' || c == ':' || c == '/' || (c >= '0' && c <= '9')) return false;
  }
  if (l.back() == '.' && words > 1 && l.size() > 3 && l[l.size() - 3] != ' ') {
    // "Jordan Lee." is still a name, "Dr." handled as title; a sentence ends with a lower-case word
  }
  return words >= 1 && words <= 5;
}

bool is_mobile_footer(std::string_view l) {
  l = text::trim(l);
  return istarts(l, "sent from my ") || istarts(l, "sent from outlook") || istarts(l, "get outlook for") ||
         istarts(l, "sent via ");
}

bool is_abbreviation(std::string_view w);

// Whether every word of a line starts with an upper-case letter or a
// non-letter ("Senior Analyst, Acme Corp.", "VP of Sales" has "of": no).
bool title_case(std::string_view l) {
  size_t i = 0;
  while (i < l.size()) {
    while (i < l.size() && l[i] == ' ') ++i;
    if (i >= l.size()) break;
    size_t len;
    char32_t cp = text::decode(l, i, len);
    if (text::is_lower(cp)) return false;
    while (i < l.size() && l[i] != ' ') ++i;
  }
  return true;
}

// Signature-ish line: short, no sentence.
bool is_sig_line(std::string_view l) {
  l = text::trim(l);
  if (l.empty()) return true;
  if (looks_like_contact(l) || is_mobile_footer(l)) return true;
  int words = count_words_upto(l, 9);
  if (words > 8) return false;
  char last = l.back();
  if (last == '?' || last == '!') return false;
  if (last == '.' && words > 3) {
    // "Senior Analyst, Acme Corp." / "Jordan Lee, Ph.D.": a title or a name, not a sentence.
    size_t sp = l.find_last_of(" ,");
    std::string_view lastw = l.substr(sp == std::string_view::npos ? 0 : sp + 1);
    lastw.remove_suffix(1);
    return title_case(l) || is_abbreviation(lastw);
  }
  return true;
}

// "P.S. …" / "PS: …": a postscript after the signature is still the author's text.
bool is_postscript(std::string_view l) {
  l = text::trim(l);
  return istarts(l, "p.s.") || istarts(l, "p.p.s") || istarts(l, "ps:") || istarts(l, "ps -") || istarts(l, "ps,") ||
         istarts(l, "p.s:") || istarts(l, "p.s ");
}

// Words after which a full stop never ends a sentence.
constexpr std::string_view kAbbrev[] = {
    "mr", "ms", "mrs", "dr", "prof", "sr", "jr", "st", "mt", "e.g", "i.e", "etc", "vs", "u.s", "u.k", "u.s.a", "a.m",
    "p.m", "approx", "dept", "est", "fig", "ph.d", "b.sc", "m.sc", "b.a", "m.a", "cf", "al", "ave", "rd", "blvd",
    "mx", "messrs", "capt", "gen", "lt", "col", "sgt", "rev", "hon", "govt", "assn", "bros"};
// Abbreviations that only hold before a number ("Nov. 20", "No. 5", "ext. 204"):
// elsewhere "Sun." or "no." can end a sentence.
constexpr std::string_view kAbbrevBeforeNumber[] = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thurs", "fri", "sat", "sun", "no", "nos", "ext", "tel", "vol", "pp", "p"};

// A word of at most 7 bytes as one integer, ASCII lower-cased, its length in
// the top byte (0 for a longer word): the abbreviation lists become sorted
// integer arrays, searched without a string compare.
constexpr uint64_t short_key(std::string_view w) {
  if (w.size() > 7) return 0;
  uint64_t k = static_cast<uint64_t>(w.size()) << 56;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    k |= static_cast<uint64_t>(c) << (8 * (6 - i));
  }
  return k;
}

template <size_t N>
constexpr std::array<uint64_t, N> sorted_keys(const std::string_view (&words)[N]) {
  std::array<uint64_t, N> keys{};
  for (size_t i = 0; i < N; ++i) keys[i] = short_key(words[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}

constexpr auto kAbbrevKeys = sorted_keys(kAbbrev);
constexpr auto kAbbrevBeforeNumberKeys = sorted_keys(kAbbrevBeforeNumber);
static_assert(kAbbrevKeys.front() != 0 && kAbbrevBeforeNumberKeys.front() != 0, "an abbreviation longer than 7 bytes");

// Whether a full stop right after this word leaves the sentence open.
// `prev_dot`: the word follows a full stop ("g" in "e.g."); `next_digit`: the
// next word starts with a digit.
bool is_abbreviation(std::string_view w, bool prev_dot, bool next_digit) {
  if (w.size() > 6) return false;
  const uint64_t key = short_key(w);
  if (std::binary_search(kAbbrevKeys.begin(), kAbbrevKeys.end(), key)) return true;
  if (next_digit && std::binary_search(kAbbrevBeforeNumberKeys.begin(), kAbbrevBeforeNumberKeys.end(), key))
    return true;
  // initials ("J. Smith") and the inner letters of "e.g.", "U.S.", "a.m."
  if (w.size() == 1 && w[0] != 'I' && w[0] >= 'A' && w[0] <= 'Z') return true;
  if (prev_dot && w.size() <= 2) return true;
  return false;
}

bool is_abbreviation(std::string_view w) { return is_abbreviation(w, false, false); }

bool url_start(std::string_view s, size_t i) {
  std::string_view r = s.substr(i);
  return istarts(r, "http://") || istarts(r, "https://") || istarts(r, "www.") || istarts(r, "mailto:");
}

// A character as the tokenizer sees it. Returned by value, so that it stays
// in registers on the ASCII path.
struct WordChar {
  char32_t cp;
  uint8_t len;  // bytes
  uint8_t cls;  // kAsciiDigit, kAsciiUpper / kAsciiLower for an upper case / other letter, 0 for the rest
};

// word_class of a character that does not start with an ASCII byte: through
// ICU, a digit first (as is_alnum then is_digit would decide).
WordChar word_class_u(std::string_view s, size_t i) {
  size_t len;
  char32_t cp = text::decode_multibyte(s, i, len);
  uint8_t cls = 0;
  if (text::is_digit_u(cp)) cls = text::kAsciiDigit;
  else if (text::is_letter_u(cp)) cls = text::is_upper_u(cp) ? text::kAsciiUpper : text::kAsciiLower;
  return {cp, static_cast<uint8_t>(len), cls};
}

// The character at s[i] for the tokenizer; ASCII by table.
inline WordChar word_class(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 0x80) return word_class_u(s, i);
  return {c, 1, static_cast<uint8_t>(text::kAsciiClass[c] & text::kAsciiAlnum)};
}

// Characters after a word that may continue it into a URL or an e-mail address.
constexpr std::array<bool, 256> kUrlPunct = [] {
  std::array<bool, 256> t{};
  for (char c : std::string_view("@.:/_+%")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

// Tokenizes [b, e) of doc.text into words (Unicode letters/digits with inner
// apostrophes and hyphens; a URL or an e-mail address is one word).
void tokenize(Document& doc, uint32_t b, uint32_t e) {
  std::string_view s = doc.text;
  uint32_t i = b;
  while (i < e) {
    if (WordChar c = word_class(s, i); !c.cls) {
      i += c.len;
      continue;
    }
    // The word: letters and digits with inner apostrophes and hyphens.
    uint32_t wb = i;
    uint32_t we = i;
    uint16_t flags = 0;
    int letters = 0, upper = 0;
    bool first = true;
    uint32_t end_len = 0;  // byte length of the character that ended the word (0 at e)
    while (we < e) {
      // Lower-case ASCII letters, the bulk of most words, take a tight loop.
      auto run = static_cast<uint32_t>(text::ascii_lower_end(s, we, e));
      if (run > we) {
        letters += static_cast<int>(run - we);
        first = false;
        we = run;
        if (we >= e) break;
      }
      const WordChar c = word_class(s, we);
      if (c.cls) {
        if (c.cls == text::kAsciiDigit) {
          flags |= kWordHasDigit;
        } else {
          ++letters;
          if (c.cls == text::kAsciiUpper) {
            ++upper;
            if (first) flags |= kWordCapitalized;
          }
        }
        first = false;
        we += c.len;
        continue;
      }
      if (text::is_apostrophe(c.cp) || text::is_hyphen(c.cp)) {
        uint32_t nx = we + c.len;
        if (nx < e && word_class(s, nx).cls) {
          we = nx;
          continue;
        }
      }
      end_len = c.len;
      break;
    }
    // A URL or an e-mail address is one word. Only a word followed by URL or
    // address punctuation can start one, so most words skip this.
    if (we + 1 < e && kUrlPunct[static_cast<unsigned char>(s[we])]) {
      uint32_t chunk_end = we;
      while (chunk_end < e) {
        size_t l2;
        char32_t c2 = text::decode(s, chunk_end, l2);
        if (text::is_space(c2) || c2 == '<' || c2 == '>' || c2 == '(' || c2 == ')' || c2 == '"' || c2 == ',' ||
            c2 == ';' || c2 == U'\u201C' || c2 == U'\u201D')
          break;
        chunk_end += static_cast<uint32_t>(l2);
      }
      std::string_view chunk = s.substr(wb, chunk_end - wb);
      bool url = url_start(s, wb) || chunk.find("://") != std::string_view::npos;
      bool email = false;
      size_t at = chunk.find('@');
      if (!url && at != std::string_view::npos && at > 0) {
        size_t dot = chunk.find('.', at);
        email = dot != std::string_view::npos && dot > at + 1 && dot + 1 < chunk.size();
      }
      if (!url && !email) {
        // bare domains with a path: linkedin.com/in/name
        size_t slash = chunk.find('/');
        size_t dot = chunk.find('.');
        if (slash != std::string_view::npos && dot != std::string_view::npos && dot < slash && dot > 0 &&
            dot + 2 < slash) {
          std::string_view host = chunk.substr(0, slash);
          url = std::all_of(host.begin(), host.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || (c >= 'A' && c <= 'Z');
          });
        }
      }
      if (url || email) {
        uint32_t ue = chunk_end;
        while (ue > wb) {
          char c = s[ue - 1];
          if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == ']' || c == '}')
            --ue;
          else
            break;
        }
        doc.words.push_back({{wb, ue}, static_cast<uint16_t>((url ? kWordUrl : kWordEmail) | kWordHasLetter)});
        i = ue;
        continue;
      }
    }
    if (letters > 0) flags |= kWordHasLetter;
    if (letters >= 2 && upper == letters) flags |= kWordAllCaps;
    doc.words.push_back({{wb, we}, flags});
    i = we + end_len;  // the character that ended the word is no letter or digit
  }
}

// Splits the words [wb, we) of a paragraph into sentences.
void split_sentences(Document& doc, Part& part) {
  std::string_view s = doc.text;
  part.sentence_begin = static_cast<uint32_t>(doc.sentences.size());
  uint32_t start_word = part.word_begin;
  uint32_t sent_begin = part.span.begin;
  auto is_bullet_start = [&](uint32_t off) {
    // Whether the line containing off starts with a bullet marker before off.
    uint32_t ls = off;
    while (ls > part.span.begin && s[ls - 1] != '\n') --ls;
    std::string_view pre = text::trim(s.substr(ls, off - ls));
    return ls > part.span.begin && (pre == "-" || pre == "*" || pre == "\u2022" || pre == "–" ||
                                     (pre.size() <= 3 && !pre.empty() && (pre.back() == '.' || pre.back() == ')') &&
                                      pre[0] >= '0' && pre[0] <= '9'));
  };
  for (uint32_t w = part.word_begin; w < part.word_end; ++w) {
    const Word& word = doc.words[w];
    uint32_t gap_end = w + 1 < part.word_end ? doc.words[w + 1].span.begin : part.span.end;
    // Most words are followed by one space and another word: no sentence
    // ends there.
    if (gap_end == word.span.end + 1 && s[word.span.end] == ' ' && w + 1 < part.word_end) continue;
    std::string_view gap = s.substr(word.span.end, gap_end - word.span.end);
    // The gap is short: a plain loop beats find_first_of's memchr per byte.
    size_t term = std::string_view::npos;
    for (size_t k = 0; k < gap.size(); ++k)
      if (gap[k] == '.' || gap[k] == '?' || gap[k] == '!') {
        term = k;
        break;
      }
    bool ends = false;
    uint32_t end_off = word.span.end;
    if (term != std::string_view::npos) {
      // Only punctuation/quotes/emoji between the word and the terminator.
      bool clean_prefix = text::trim(gap.substr(0, term)).find_first_of(" \t\n") == std::string_view::npos;
      if (clean_prefix) {
        size_t k = term;
        while (k < gap.size() && std::strchr(".?!\"')]\xE2\x80\x9D\xE2\x80\x99", gap[k]) != nullptr && gap[k] != 0) ++k;
        // the rest must start with space or be the end
        // (at the end of the gap, only the end of the paragraph counts: "3.5", "end.Next" go on)
        bool followed_by_space = k >= gap.size() ? w + 1 == part.word_end
                                                 : gap[k] == ' ' || gap[k] == '\n' || gap[k] == '\r' || gap[k] == '\t';
        if (followed_by_space) {
          bool next_ok = true;
          if (w + 1 < part.word_end) {
            size_t len;
            char32_t c = text::decode(s, doc.words[w + 1].span.begin, len);
            next_ok = text::is_upper(c) || text::is_digit(c) || !text::is_letter(c);
          }
          // "Co.." (a doubled full stop, not an ellipsis) ends the sentence all the same
          bool doubled = term + 1 < gap.size() && gap[term + 1] == '.' && !(term + 2 < gap.size() && gap[term + 2] == '.');
          bool prev_dot = word.span.begin > 0 && s[word.span.begin - 1] == '.';
          bool next_digit = false;
          if (w + 1 < part.word_end) {
            size_t len;
            next_digit = text::is_digit(text::decode(s, doc.words[w + 1].span.begin, len));
          }
          bool abbrev = gap[term] == '.' && term == 0 && !doubled && !(word.flags & (kWordUrl | kWordEmail)) &&
                        is_abbreviation(s.substr(word.span.begin, word.span.size()), prev_dot, next_digit);
          // "U.S." style: the word is followed by ".X." chains
          if (next_ok && !abbrev) {
            ends = true;
            end_off = word.span.end + static_cast<uint32_t>(k);
          }
        }
      }
    }
    if (!ends && w + 1 < part.word_end) {
      // a line break before a bullet item, or a blank gap, ends a sentence
      uint32_t nb = doc.words[w + 1].span.begin;
      if (std::find(gap.begin(), gap.end(), '\n') != gap.end() && is_bullet_start(nb)) {
        ends = true;
        // the item runs to the end of its line ("… by 20%", "… (Python);")
        end_off = word.span.end + static_cast<uint32_t>(gap.find_first_of("\r\n"));
        while (end_off > word.span.end && (s[end_off - 1] == ' ' || s[end_off - 1] == '\t')) --end_off;
      }
    }
    if (w + 1 == part.word_end) {
      ends = true;
      if (end_off == word.span.end) {
        // extend over trailing punctuation up to the end of the paragraph
        uint32_t x = part.span.end;
        end_off = std::max(end_off, x);
      }
    }
    if (ends) {
      Sentence sent;
      sent.span = {std::min(sent_begin, doc.words[start_word].span.begin), end_off};
      sent.word_begin = start_word;
      sent.word_end = w + 1;
      doc.sentences.push_back(sent);
      start_word = w + 1;
      if (w + 1 < part.word_end) {
        // the next sentence starts at its first non-space char after the terminator
        uint32_t nb = end_off;
        while (nb < doc.words[w + 1].span.begin) {
          size_t len;
          char32_t c = text::decode(s, nb, len);
          if (!text::is_space(c) && c != '-' && c != '*' && c != U'\u2022') break;
          nb += static_cast<uint32_t>(len);
        }
        sent_begin = nb;
      }
    }
  }
  part.sentence_end = static_cast<uint32_t>(doc.sentences.size());
}

// A web address without a scheme: a token like "jordanlee.dev" or "github.com/jlee".
bool has_domain_token(std::string_view v) {
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && v[i] == ' ') ++i;
    size_t b = i;
    while (i < v.size() && v[i] != ' ') ++i;
    std::string_view t = v.substr(b, i - b);
    while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ')' || t.back() == ';')) t.remove_suffix(1);
    if (t.empty() || t.find('@') != std::string_view::npos) continue;
    std::string_view host = t.substr(0, t.find('/'));
    size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0) continue;
    std::string_view tld = host.substr(dot + 1);
    bool letters = tld.size() >= 2 && tld.size() <= 6 &&
                   std::all_of(tld.begin(), tld.end(), [](char c) { return (c >= 'a' && c <= 'z'); });
    char c0 = host[0];
    bool lead = (c0 >= 'a' && c0 <= 'z') || (c0 >= '0' && c0 <= '9') || (c0 >= 'A' && c0 <= 'Z');
    if (letters && lead && host[dot - 1] != '.') return true;
  }
  return false;
}

// One piece of a signature line: a whole line, or a piece of "Name | Title | Phone".
void classify_signature_piece(Document& doc, Line piece, bool& seen_name) {
  SignatureInfo& info = doc.signature;
  piece = trim_line(doc, piece);
  std::string_view v = view(doc, piece);
  if (v.empty()) return;
  if (is_mobile_footer(v)) {
    info.mobile_footer = true;
    return;
  }
  bool linkedin = false;
  for (size_t k = 0; k + 8 <= v.size() && !linkedin; ++k)
    linkedin = (v[k] | 0x20) == 'l' && iequals(v.substr(k, 8), "linkedin");
  int digits = 0;
  for (char c : v) digits += (c >= '0' && c <= '9');
  bool has_scheme = v.find("://") != std::string_view::npos;
  bool email = false, url = false;
  size_t at = v.find('@');
  if (at != std::string_view::npos && v.find('.', at) != std::string_view::npos) email = true;
  bool phone = digits >= 7 && !email && !has_scheme && !linkedin;
  if (has_scheme || v.find("www.") != std::string_view::npos || linkedin || (!email && has_domain_token(v)))
    url = true;
  if (email && !has_scheme && !linkedin && v.find("www.") == std::string_view::npos) url = false;
  info.linkedin |= linkedin;
  info.phone |= phone;
  info.email |= email;
  info.url |= url;
  if (phone || email || url || linkedin) return;
  if (!seen_name) {
    // "- Jordan" / "~Jordan": a dash before the name.
    Line n = piece;
    while (n.begin < n.end) {
      size_t len;
      char32_t cp = text::decode(doc.text, n.begin, len);
      if (cp != '-' && cp != '~' && cp != U'\u2013' && cp != U'\u2014' && !text::is_space(cp)) break;
      n.begin += static_cast<uint32_t>(len);
    }
    std::string_view nv = view(doc, n);
    // "Jordan Lee, Data Analyst": the name, then a title.
    size_t comma = nv.find(',');
    if (comma != std::string_view::npos && comma > 0 && looks_like_name(nv.substr(0, comma))) {
      info.name = Span{n.begin, n.begin + static_cast<uint32_t>(comma)};
      if (!text::trim(nv.substr(comma + 1)).empty()) info.title = true;
      seen_name = true;
      return;
    }
    if (looks_like_name(nv)) {
      info.name = Span{n.begin, n.end};
      seen_name = true;
    }
    return;
  }
  // A line repeating the name (a "-- " block after "Best, Jordan Lee") is no title.
  if (info.name && doc.str(*info.name) == v) return;
  info.title = true;
}

void fill_signature_info(Document& doc, const std::vector<Line>& lines) {
  bool seen_name = false;
  for (Line l : lines) {
    std::string_view v = view(doc, l);
    if (text::trim(v).empty() || is_sig_delimiter(v)) continue;
    // Split "Jordan Lee | Data Analyst | 555-123-4567" at | • ·
    uint32_t b = l.begin;
    for (uint32_t i = l.begin; i < l.end;) {
      size_t len;
      char32_t cp = text::decode(doc.text, i, len);
      if (cp == '|' || cp == U'\u2022' || cp == U'\u00B7') {
        classify_signature_piece(doc, {b, i}, seen_name);
        b = i + static_cast<uint32_t>(len);
      }
      i += static_cast<uint32_t>(len);
    }
    classify_signature_piece(doc, {b, l.end}, seen_name);
  }
}

}  // namespace

void segment(Document& doc) {
  std::string_view s = doc.text;
  std::vector<Part> parts;
  if (doc.subject_text) {
    Part p;
    p.kind = PartKind::Subject;
    p.span = *doc.subject_text;
    parts.push_back(p);
  }
  std::vector<Line> lines = split_lines(s, doc.body.begin, doc.body.end);
  const size_t n = lines.size();
  // 1. Quoted lines and where quoting takes over the rest.
  std::vector<uint8_t> quoted(n, 0);
  size_t quote_from = n;
  for (size_t i = 0; i < n; ++i) {
    std::string_view l = view(doc, lines[i]);
    std::string_view t = text::trim(l);
    if (is_forward_marker(l)) { quote_from = i; break; }
    if (istarts(t, "On ") && ends_with_wrote(l)) { quote_from = i; break; }
    if (istarts(t, "On ") && i + 1 < n && ends_with_wrote(view(doc, lines[i + 1])) &&
        count_words_upto(view(doc, lines[i + 1]), 9) <= 8) { quote_from = i; break; }
    if (is_rule_line(l) && i + 1 < n && istarts(text::trim(view(doc, lines[i + 1])), "From:")) { quote_from = i; break; }
    if (istarts(t, "From:") && i + 1 < n &&
        (istarts(text::trim(view(doc, lines[i + 1])), "Sent:") || istarts(text::trim(view(doc, lines[i + 1])), "Date:"))) {
      quote_from = i;
      break;
    }
    if (is_quote_line(l)) quoted[i] = 1;
  }
  for (size_t i = quote_from; i < n; ++i) quoted[i] = 1;
  // 2. The author's lines end at the first quote-only region after the last author line.
  size_t main_end = quote_from;  // lines [0, main_end) may hold author text
  // signature delimiter
  size_t delim = main_end;
  for (size_t i = 0; i < main_end; ++i)
    if (!quoted[i] && is_sig_delimiter(view(doc, lines[i]))) { delim = i; break; }
  // 3. Blocks of non-blank, non-quoted lines before the delimiter.
  struct Block { size_t first, last; };  // line indexes, inclusive
  std::vector<Block> blocks;
  for (size_t i = 0; i < delim; ++i) {
    if (quoted[i] || is_blank(view(doc, lines[i]))) continue;
    if (!blocks.empty() && blocks.back().last + 1 == i) blocks.back().last = i;
    else blocks.push_back({i, i});
  }
  // Trailing mobile footers belong to the signature region.
  size_t footer_line = n;
  if (!blocks.empty()) {
    Block& b = blocks.back();
    if (is_mobile_footer(view(doc, lines[b.last]))) {
      footer_line = b.last;
      if (b.first == b.last) blocks.pop_back();
      else b.last -= 1;
    }
  }
  // 4. Salutation.
  std::optional<Span> salutation;
  size_t para_first_line = blocks.empty() ? 0 : blocks.front().first;
  uint32_t para_first_offset = 0;  // when the greeting shares its line with text
  if (!blocks.empty()) {
    Line l = trim_line(doc, lines[blocks.front().first]);
    std::string_view v = view(doc, l);
    size_t g = greeting_prefix(v);
    bool whole = false;
    if (g > 0) {
      int wc = count_words_upto(v, 11);
      char last = v.empty() ? 0 : v.back();
      // "Hi Priya, thank you for …": the greeting ends at the first comma
      // within five words, unless only names follow ("Hello Priya, Tom,").
      size_t comma = v.find(',');
      bool split = false;
      if (comma != std::string_view::npos && count_words_upto(v.substr(0, comma), 6) <= 5) {
        std::string_view rest = text::trim(v.substr(comma + 1));
        split = !rest.empty() && !names_only(rest);
      }
      if (split) {
        salutation = Span{l.begin, l.begin + static_cast<uint32_t>(comma) + 1};
        para_first_line = blocks.front().first;
        para_first_offset = l.begin + static_cast<uint32_t>(comma) + 1;
      } else if (last == ',' || last == ':') {
        whole = wc <= 10;
      } else if (last == '!' || last == '.' || last == '-') {
        whole = wc <= 6;
      } else {
        whole = wc <= 5;
      }
    } else if (is_name_only_greeting(v)) {
      whole = true;
    }
    if (whole) {
      salutation = Span{l.begin, l.end};
      Block& b = blocks.front();
      if (b.first == b.last) {
        blocks.erase(blocks.begin());
      } else {
        b.first += 1;
      }
    }
  }
  // 5. Closing and signature, from the end. Postscripts ("P.S. …") after the
  // signature stay paragraphs; they are set aside while looking.
  std::optional<Span> closing;
  std::optional<Span> sig_span;
  std::vector<Line> sig_lines;
  std::vector<Block> postscripts;
  while (blocks.size() > 1 && is_postscript(view(doc, lines[blocks.back().first]))) {
    postscripts.insert(postscripts.begin(), blocks.back());
    blocks.pop_back();
  }
  const size_t sig_end = postscripts.empty() ? delim : postscripts.front().first;
  if (!blocks.empty()) {
    // Walk back over the trailing short lines of the last two blocks.
    std::vector<size_t> tail;  // line indexes, from the end
    for (size_t bi = blocks.size(); bi-- > 0 && tail.size() < 12;) {
      bool stop = false;
      for (size_t li = blocks[bi].last + 1; li-- > blocks[bi].first;) {
        bool comma_unused;
        size_t name_unused;
        if (!is_sig_line(view(doc, lines[li])) &&
            closing_len(text::trim(view(doc, lines[li])), comma_unused, name_unused) == 0) {
          stop = true;
          break;
        }
        tail.push_back(li);
        if (tail.size() >= 12) break;
      }
      if (stop || blocks.size() - bi >= 2) break;
    }
    // The closing nearest the end wins.
    size_t closing_line = n;
    for (size_t k = 0; k < tail.size(); ++k) {
      size_t li = tail[k];
      Line t = trim_line(doc, lines[li]);
      std::string_view v = view(doc, t);
      bool next_line_follows = k > 0 && tail[k - 1] == li + 1;
      bool comma;
      size_t name_after;
      size_t cl = closing_len(v, comma, name_after);
      if (cl > 0) {
        // "Thank you for your time." is a closing only right above the name.
        bool followed_by_name = k > 0 && (v.back() != '.' || next_line_follows);
        if (comma || followed_by_name || name_after) {
          closing_line = li;
          if (name_after) closing = Span{t.begin, t.begin + static_cast<uint32_t>(cl) + 1};
          else closing = Span{t.begin, t.end};
          if (name_after) sig_lines.push_back({t.begin + static_cast<uint32_t>(name_after), t.end});
          break;
        }
        continue;
      }
      // A sign-off we do not know, right above a name: "Looking forward to working with you,\nJordan".
      if (!next_line_follows || v.size() < 2 || v.back() != ',' || count_words_upto(v, 8) > 7 || looks_like_contact(v))
        continue;
      size_t len;
      if (!text::is_upper(text::decode(v, 0, len))) continue;
      // the line before must not run on into this one (a hard-wrapped sentence)
      if (li > 0 && !is_blank(view(doc, lines[li - 1])) && !quoted[li - 1]) {
        std::string_view prev = text::trim(view(doc, lines[li - 1]));
        char pc = prev.empty() ? '.' : prev.back();
        if (pc != '.' && pc != '!' && pc != '?' && pc != ':' && pc != ',') continue;
      }
      std::string_view name = text::trim(view(doc, lines[tail[k - 1]]));
      if (!looks_like_name(name) || (name.back() == '.' && name.size() > 2)) continue;
      closing_line = li;
      closing = Span{t.begin, t.end};
      break;
    }
    if (closing_line < n) {
      // everything after the closing line (up to the delimiter or a postscript) is signature
      for (size_t li = closing_line + 1; li < sig_end; ++li)
        if (!quoted[li] && li != footer_line && !is_blank(view(doc, lines[li])))
          sig_lines.push_back(trim_line(doc, lines[li]));
      // drop the blocks from the closing on
      while (!blocks.empty() && blocks.back().first > closing_line) blocks.pop_back();
      if (!blocks.empty() && blocks.back().last >= closing_line) {
        if (blocks.back().first == closing_line) blocks.pop_back();
        else blocks.back().last = closing_line - 1;
      }
    } else if (blocks.size() >= 2 || (salutation && !blocks.empty())) {
      // No closing: a last block of short lines opening with a name is a signature.
      Block b = blocks.back();
      bool all_sig = true;
      for (size_t li = b.first; li <= b.last; ++li) all_sig &= is_sig_line(view(doc, lines[li]));
      std::string_view firstl = text::trim(view(doc, lines[b.first]));
      if (all_sig && (looks_like_name(firstl) || looks_like_contact(firstl)) && b.last - b.first < 8 &&
          !(firstl.size() && (firstl.back() == '.' || firstl.back() == '?')) && blocks.size() + (salutation ? 1 : 0) >= 2) {
        for (size_t li = b.first; li <= b.last; ++li) sig_lines.push_back(trim_line(doc, lines[li]));
        blocks.pop_back();
      } else if (b.last > b.first) {
        // "… hearing from you.\nJordan Lee\n555-0100": a name block right under the last sentence.
        size_t j = b.last + 1;
        for (size_t li = b.last; li > b.first && b.last - li < 6; --li) {
          if (!is_sig_line(view(doc, lines[li]))) break;
          std::string_view v = text::trim(view(doc, lines[li]));
          std::string_view prev = text::trim(view(doc, lines[li - 1]));
          char pc = prev.empty() ? 0 : prev.back();
          if (looks_like_name(v) && count_words_upto(v, 5) <= 4 && v.back() != '.' && v.back() != ',' &&
              (pc == '.' || pc == '!' || pc == '?'))
            j = li;
        }
        if (j <= b.last) {
          for (size_t li = j; li <= b.last; ++li) sig_lines.push_back(trim_line(doc, lines[li]));
          blocks.back().last = j - 1;
        }
      }
    }
  }
  blocks.insert(blocks.end(), postscripts.begin(), postscripts.end());
  // delimited signature block
  if (delim < main_end) {
    doc.signature.delimited = true;
    for (size_t li = delim + 1; li < main_end; ++li)
      if (!quoted[li] && !is_blank(view(doc, lines[li]))) sig_lines.push_back(trim_line(doc, lines[li]));
  }
  if (footer_line < n) sig_lines.push_back(trim_line(doc, lines[footer_line]));
  if (!sig_lines.empty()) {
    std::sort(sig_lines.begin(), sig_lines.end(), [](Line a, Line b) { return a.begin < b.begin; });
    sig_span = Span{sig_lines.front().begin, sig_lines.back().end};
    fill_signature_info(doc, sig_lines);
  }
  // 6. Parts.
  if (salutation) parts.push_back({PartKind::Salutation, *salutation});
  for (size_t bi = 0; bi < blocks.size(); ++bi) {
    Line fl = lines[blocks[bi].first];
    Line ll = lines[blocks[bi].last];
    uint32_t b = fl.begin;
    if (para_first_offset && blocks[bi].first == para_first_line) b = para_first_offset;
    Line t = trim_line(doc, {b, ll.end});
    if (t.begin >= t.end) continue;
    parts.push_back({PartKind::Paragraph, {t.begin, t.end}});
  }
  if (closing) parts.push_back({PartKind::Closing, *closing});
  if (sig_span && !(doc.signature.mobile_footer && !doc.signature.name && sig_lines.size() == 1)) {
    parts.push_back({PartKind::Signature, *sig_span});
  } else if (sig_span && doc.signature.mobile_footer) {
    doc.signature.mobile_footer = true;
  }
  // Quoted parts: runs of quoted lines (blank lines inside kept).
  for (size_t i = 0; i < n;) {
    if (!quoted[i]) { ++i; continue; }
    size_t j = i;
    while (j + 1 < n && (quoted[j + 1] || (is_blank(view(doc, lines[j + 1])) && j + 2 < n && quoted[j + 2]))) ++j;
    parts.push_back({PartKind::Quoted, {lines[i].begin, lines[j].end}});
    i = j + 1;
  }
  std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.span.begin < b.span.begin; });
  // 7. Words and sentences of the author's parts.
  doc.words.reserve(s.size() / 6);
  for (Part& p : parts) {
    p.word_begin = static_cast<uint32_t>(doc.words.size());
    if (p.kind != PartKind::Quoted) tokenize(doc, p.span.begin, p.span.end);
    p.word_end = static_cast<uint32_t>(doc.words.size());
    if (p.kind == PartKind::Paragraph && p.word_end > p.word_begin) split_sentences(doc, p);
    else p.sentence_begin = p.sentence_end = static_cast<uint32_t>(doc.sentences.size());
  }
  doc.parts = std::move(parts);
}

}  // namespace detail
}  // namespace fulint
