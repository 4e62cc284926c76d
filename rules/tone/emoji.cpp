// emoji: emoji (a whole sequence — ZWJ joins, skin tones, variation
// selectors, flags, keycaps — is one finding) and text emoticons in the
// author's text, with an unsafe fix that deletes them.
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

bool regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// Pictographs that are ordinary typography in text presentation (™, arrows,
// square bullets, CJK marks): emoji only when followed by U+FE0F.
bool text_style_symbol(char32_t cp) {
  return cp == 0x2122 || cp == 0x2139 || (cp >= 0x2194 && cp <= 0x2199) || cp == 0x21A9 || cp == 0x21AA ||
         cp == 0x2328 || cp == 0x23CF || cp == 0x24C2 || cp == 0x25AA || cp == 0x25AB || cp == 0x25B6 ||
         cp == 0x25C0 || (cp >= 0x25FB && cp <= 0x25FE) || (cp >= 0x2B05 && cp <= 0x2B07) || cp == 0x2934 ||
         cp == 0x2935 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
}

// Code points that extend an emoji: variation selectors, skin tones, the
// keycap mark, tag characters (subdivision flags).
bool emoji_extender(char32_t cp) {
  return cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x20E3 ||
         (cp >= 0xE0020 && cp <= 0xE007F);
}

// End of the emoji sequence starting at i (== i when there is none).
size_t emoji_end(std::string_view s, size_t i, size_t limit) {
  size_t len;
  char32_t cp = text::decode(s, i, len);
  size_t j = i + len;
  auto peek = [&](size_t at, size_t& l) -> char32_t { return at < limit ? text::decode(s, at, l) : text::kInvalid; };
  if (cp < 0x80) {
    // keycaps: 1️⃣ #️⃣ *️⃣
    if (!((cp >= '0' && cp <= '9') || cp == '#' || cp == '*')) return i;
    size_t l;
    char32_t c = peek(j, l);
    if (c == 0xFE0F) {
      j += l;
      c = peek(j, l);
    }
    return c == 0x20E3 ? j + l : i;
  }
  if (regional_indicator(cp)) {
    size_t l;
    if (regional_indicator(peek(j, l))) j += l;
    return j;
  }
  if (!text::is_emoji(cp)) return i;
  if (text_style_symbol(cp)) {
    size_t l;
    if (peek(j, l) != 0xFE0F) return i;
  }
  for (;;) {
    size_t l;
    char32_t c = peek(j, l);
    if (emoji_extender(c)) {
      j += l;
      continue;
    }
    if (c == 0x200D) {
      size_t l2;
      char32_t n = peek(j + l, l2);
      if (n != text::kInvalid && (text::is_emoji(n) || n == 0x2640 || n == 0x2642 || n == 0x2695)) {
        j += l + l2;
        continue;
      }
    }
    break;
  }
  return j;
}

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool hspace(char c) { return c == ' ' || c == '\t'; }

constexpr std::string_view kEmoticons[] = {":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":')", ":'(", "^_^",
                                           ":)",  ":(",  ":D",  ":P",  ":p",  ";)",  ";P", "=)",  "<3", "xD"};

// Units after "<3" that make it "less than 3": "<3 years", "<3%".
bool unit_word(std::string_view w) {
  return ieq_any(w, {"years", "year", "yrs", "yr", "months", "month", "mos", "weeks", "week", "wks", "days", "day",
                     "hours", "hour", "hrs", "hr", "h", "minutes", "minute", "mins", "min", "seconds", "second", "secs",
                     "sec", "s", "ms", "percent", "pct", "k", "m", "x", "kg", "lbs", "gb", "mb", "tb", "km", "mi"});
}

// Where the line holding i starts, within a part that starts at part_begin.
size_t line_start(std::string_view s, size_t i, size_t part_begin) {
  while (i > part_begin && s[i - 1] != '\n' && s[i - 1] != '\r') --i;
  return i;
}

// Length of the emoticon at i, or 0, in a part that starts at part_begin.
size_t emoticon_at(const Document& doc, size_t i, size_t limit, size_t part_begin) {
  std::string_view s = doc.text;
  if (i + 1 >= limit) return 0;
  // every face is a trigger character then one of ")(-'DPp3_"
  char c1 = s[i + 1];
  if (c1 != ')' && c1 != '(' && c1 != '-' && c1 != '\'' && c1 != 'D' && c1 != 'P' && c1 != 'p' && c1 != '3' && c1 != '_')
    return 0;
  for (std::string_view e : kEmoticons) {
    if (i + e.size() > limit || s.substr(i, e.size()) != e) continue;
    // found: every path below returns, so the line is looked for once
    const size_t line_begin = line_start(s, i, part_begin);
    char before = i > line_begin ? s[i - 1] : ' ';
    char after = i + e.size() < limit ? s[i + e.size()] : ' ';
    bool space_before = i == line_begin || hspace(before) || before == '\n' || before == '\r';
    if (ascii_alnum(after)) return 0;
    if (in_url_or_email(doc, static_cast<uint32_t>(i))) return 0;
    char last = e.back();
    if (e == "xD" || e == "=)" || e == "^_^" || e == "<3") {
      if (!space_before && !(before == '(' && e != "<3")) return 0;
    } else if (!space_before) {
      // ":)" may follow a word ("thanks:)"), other faces may not ("Note:Dates")
      if (last != ')' || (before >= '0' && before <= '9')) return 0;
    }
    if (e == "<3") {
      if (after == '%' || ((after == '.' || after == ',') && i + 3 < limit && ascii_alnum(s[i + 3]))) return 0;
      if (unit_word(next_word(doc, {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2)})) &&
          same_line(doc, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 3)))
        return 0;
    }
    if (last == ')') {
      // "(see above:)": the bracket closes a parenthesis opened on the line
      int open = 0;
      for (size_t k = line_begin; k < i; ++k) {
        if (s[k] == '(') ++open;
        // a ')' that ends an earlier face (":)", ";-)") closes nothing
        else if (s[k] == ')' && !(k > line_begin && s[k - 1] != 0 && std::strchr(":;-='", s[k - 1]) != nullptr)) --open;
      }
      if (open > 0 && after != ')') return 0;
    }
    return e.size();
  }
  return 0;
}

// Bytes that may start an emoji or an emoticon: lead bytes of code points
// from U+2000 up (0xE2 and above), keycap bases and the emoticons' first
// characters.
constexpr auto kInteresting = [] {
  std::array<bool, 256> t{};
  for (int b = 0xE2; b < 0x100; ++b) t[b] = true;
  for (char x : std::string_view("0123456789#*:;^=<x")) t[static_cast<unsigned char>(x)] = true;
  return t;
}();

bool interesting(char c) { return kInteresting[static_cast<unsigned char>(c)]; }

using text::swar::kOnes;

// The same test on eight ASCII bytes at once: the bytes of v (all below 0x80)
// that are interesting keep their high bit set in the result. The interesting
// ASCII bytes are 0x30-0x3D (digits : ; < =) and # * ^ x; the sums never carry
// from one byte into the next.
constexpr uint64_t interesting_ascii8(uint64_t v) {
  auto at_least = [v](unsigned c) { return v + kOnes * (0x80 - c); };          // high bit: byte >= c
  auto equal = [v](unsigned char c) { return ~((v ^ kOnes * c) + kOnes * 0x7F); };  // high bit: byte == c
  return ((at_least('0') & ~at_least('=' + 1)) | equal('#') | equal('*') | equal('^') | equal('x')) & text::swar::kHigh;
}

// The two tests agree on every ASCII byte, in every position of the eight.
static_assert([] {
  for (unsigned b = 0; b < 0x80; ++b)
    for (unsigned pos = 0; pos < 8; ++pos) {
      const uint64_t v = (kOnes * 'a' & ~(uint64_t{0xFF} << 8 * pos)) | uint64_t{b} << 8 * pos;
      if (interesting_ascii8(v) != (kInteresting[b] ? uint64_t{0x80} << 8 * pos : 0)) return false;
    }
  return true;
}());

// The first byte from i on, before limit, that may start a finding (limit
// when none). Nearly every byte of a draft is plain ASCII text: those go
// eight at a time.
size_t next_interesting(std::string_view s, size_t i, size_t limit) {
  if constexpr (std::endian::native == std::endian::little) {  // the first byte is the lowest
    while (i + 8 <= limit) {
      uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      if (v & text::swar::kHigh) {
        // a byte from 0x80 up among them: these eight one by one
        for (const size_t e = i + 8; i < e; ++i)
          if (interesting(s[i])) return i;
        continue;
      }
      if (const uint64_t hit = interesting_ascii8(v)) return i + static_cast<size_t>(std::countr_zero(hit)) / 8;
      i += 8;
    }
  }
  while (i < limit && !interesting(s[i])) ++i;
  return i;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "emoji",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Emoji or text emoticon (🙂, :), ;-), <3) in a professional follow-up",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::string_view s = doc.text;
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      const size_t limit = p.span.end;
      for (size_t i = p.span.begin; i < limit;) {
        i = next_interesting(s, i, limit);
        if (i >= limit) break;
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80 && ((c >= '0' && c <= '9') || c == '#' || c == '*')) {
          // a keycap ("1️⃣"): the next byte starts U+FE0F or U+20E3
          bool keycap = i + 1 < limit &&
                        (static_cast<unsigned char>(s[i + 1]) == 0xEF || static_cast<unsigned char>(s[i + 1]) == 0xE2);
          if (!keycap) {
            ++i;
            continue;
          }
        }
        size_t e = i;
        bool emoticon = false;
        if (c >= 0x80 || (c >= '0' && c <= '9') || c == '#' || c == '*') e = emoji_end(s, i, limit);
        if (e == i && c < 0x80) {
          size_t n = emoticon_at(doc, i, limit, p.span.begin);
          if (n) {
            e = i + n;
            emoticon = true;
          }
        }
        if (e == i) {
          size_t len;
          text::decode(s, i, len);
          i += len;
          continue;
        }
        report(doc, out, {static_cast<uint32_t>(i), static_cast<uint32_t>(e)}, emoticon, p.span.begin, limit);
        i = e;
      }
    }
  }

 private:
  static void report(const Document& doc, Reporter& out, Span sp, bool emoticon, size_t part_begin, size_t limit) {
    std::string_view s = doc.text;
    std::string_view what = doc.str(sp);
    Diagnostic& d = out.report(sp, std::string(emoticon ? "Emoticon " : "Emoji ") + quoted(what) +
                                       " is too casual for a follow-up email; remove it");
    // Delete it with one neighbouring space: the one before (on its line, as a
    // space is no line break), else the one after.
    Span del = sp;
    if (sp.begin > part_begin && hspace(s[sp.begin - 1])) del.begin -= 1;
    else if (sp.end < limit && hspace(s[sp.end])) del.end += 1;
    out.add_fix(d, "Remove " + quoted(what), FixSafety::Unsafe, {{del, ""}});
  }
};

}  // namespace

FULINT_RULE_INSTANCE(emoji, Rule_)

}  // namespace fulint::rules
