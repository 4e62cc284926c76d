// The .eml front end: RFC 5322 header block, address lists, RFC 2047 encoded
// words, MIME structure (RFC 2045/2046/2231), body choice, and the decoded
// analysis text with an exact map back to the raw bytes.
//
// Positions (how doc.map is built):
//  - subject: plain stretches map linearly onto the raw value; each decoded
//    encoded word maps opaquely onto its raw "=?...?=" span; unfolded line
//    breaks and the white space between two encoded words produce no text.
//  - "\n\n" between subject and body maps opaquely onto the raw start of the
//    body (zero raw bytes).
//  - body, 7bit/8bit UTF-8: linear runs (one for a clean body).
//  - quoted-printable: literal stretches linear, each "=XX" escape opaque onto
//    its 3 bytes; the escapes of one multi-byte character ("=C3=A9") map
//    together onto all their raw bytes; soft line breaks produce no text.
//  - base64: each decoded character maps onto the raw 4-character quantum (or
//    quanta) it came from, so its position is the raw line where its encoded
//    form starts (see mime::decode_base64).
//  - other charsets: each converted character maps onto its source bytes
//    (ICU's offsets), composed with the transfer decoding above.
//  - HTML: text characters keep their source bytes, an entity maps onto the
//    whole entity, a synthesized line break onto the tag that produced it.
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fulint/text.hpp"
#include "mime_decode.hpp"
#include "parse_internal.hpp"

namespace fulint::detail {
namespace {

// The raw line starting at pos (before e): where its content ends (before
// "\n" or "\r\n") and where the next line starts.
struct RawLine {
  uint32_t content_end;
  uint32_t next;
};
RawLine raw_line(std::string_view raw, uint32_t pos, uint32_t e) {
  const void* nl = std::memchr(raw.data() + pos, '\n', e - pos);
  uint32_t le = nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - raw.data()) : e;
  uint32_t ce = le;
  if (ce > pos && raw[ce - 1] == '\r') --ce;
  return {ce, nl ? le + 1 : e};
}

using mime::Buf;
using mime::Src;

inline bool is_wsp(char c) { return c == ' ' || c == '\t'; }
inline bool is_fws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string_view trim_fws(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_fws(s[b])) ++b;
  while (e > b && is_fws(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string lower_str(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = lower(c);
  return r;
}

void add_note(Document& doc, std::string note) {
  if (doc.notes.size() >= 32) return;
  for (const auto& n : doc.notes)
    if (n == note) return;
  doc.notes.push_back(std::move(note));
}

// ---- Header block -----------------------------------------------------------

struct Field {
  Span name;   // the field name (trailing blanks trimmed)
  Span value;  // after the colon and leading white space, to the end of the last line
  Span whole;  // name to the end of the value, without the final line break
};

struct Block {
  std::vector<Field> fields;
  uint32_t body = 0;        // where the body starts
  bool terminated = false;  // ended by an empty line
};

// Parses header fields in raw[b, e). Continuation lines (starting with a
// space or tab) extend the previous field; a line that is not a field ends
// the block and starts the body (as Python's feedparser does); an empty line
// ends it and is skipped.
void parse_block(std::string_view raw, uint32_t b, uint32_t e, bool top, Block& out) {
  out.fields.clear();
  out.terminated = false;
  uint32_t pos = b;
  if (top && e - b >= 3 && raw.compare(b, 3, "\xEF\xBB\xBF") == 0) pos += 3;
  bool first = true;
  while (pos < e) {
    auto [ce, next] = raw_line(raw, pos, e);
    if (ce == pos) {
      out.body = next;
      out.terminated = true;
      break;
    }
    char c = raw[pos];
    if (is_wsp(c)) {
      if (!out.fields.empty()) out.fields.back().whole.end = ce;
      pos = next;
      first = false;
      continue;
    }
    uint32_t i = pos;
    while (i < ce && static_cast<unsigned char>(raw[i]) > 0x20 && static_cast<unsigned char>(raw[i]) < 0x7F &&
           raw[i] != ':')
      ++i;
    uint32_t name_end = i;
    while (i < ce && is_wsp(raw[i])) ++i;
    if (i < ce && raw[i] == ':' && name_end > pos) {
      out.fields.push_back({{pos, name_end}, {i + 1, ce}, {pos, ce}});
    } else if (top && first && ce - pos >= 5 && raw.compare(pos, 5, "From ") == 0) {
      // an mbox "From " line: skipped
    } else if (i < ce && raw[i] == ':') {
      // ":value" with no name: skipped
    } else {
      out.body = pos;
      break;
    }
    first = false;
    pos = next;
  }
  if (!out.terminated && pos >= e) out.body = e;
  // Values: from after the colon, leading white space (and folds) skipped.
  for (Field& f : out.fields) {
    uint32_t v = f.value.begin;
    while (v < f.whole.end && is_fws(raw[v])) ++v;
    f.value = {v, std::max(v, f.whole.end)};
  }
}

const Field* find_field(std::string_view raw, const Block& bl, std::string_view name) {
  for (const Field& f : bl.fields)
    if (iequals(slice(raw, f.name), name)) return &f;
  return nullptr;
}

// ---- RFC 2047 ---------------------------------------------------------------

// Finds "?=" lazily: remembers the last search so that many "=?" openings
// without a close cannot make the scan quadratic.
struct CloseFinder {
  std::string_view s;
  size_t from = std::string_view::npos, found = std::string_view::npos;
  size_t find(size_t tb) {
    if (from != std::string_view::npos && tb >= from && (found == std::string_view::npos || tb <= found)) return found;
    from = tb;
    found = s.find("?=", tb);
    return found;
  }
};

// An encoded word "=?charset[*lang]?Q|B?text?=" starting at s[i]. On success
// sets end (just past "?=") and the decoded UTF-8 text.
bool parse_ew(std::string_view s, size_t i, CloseFinder& cf, size_t& end, std::string& dec) {
  const size_t n = s.size();
  if (i + 2 > n || s[i] != '=' || s[i + 1] != '?') return false;
  size_t p = i + 2, q1 = p;
  while (q1 < n && q1 - p <= 64 && s[q1] != '?' && !is_fws(s[q1])) ++q1;
  if (q1 >= n || s[q1] != '?' || q1 == p) return false;
  if (q1 + 2 >= n || s[q1 + 2] != '?') return false;
  char enc = lower(s[q1 + 1]);
  if (enc != 'q' && enc != 'b') return false;
  size_t tb = q1 + 3;
  size_t te = cf.find(tb);
  if (te == std::string_view::npos) return false;
  std::string_view txt = s.substr(tb, te - tb);
  if (txt.find_first_of("?\r\n") != std::string_view::npos) return false;
  std::string_view cs = s.substr(p, q1 - p);
  if (size_t star = cs.find('*'); star != std::string_view::npos) cs = cs.substr(0, star);
  std::string bytes = enc == 'q' ? mime::decode_q_plain(txt) : mime::decode_b_plain(txt);
  dec = mime::to_utf8_plain(bytes, cs);
  end = te + 2;
  return true;
}

// Scans an unstructured value (possibly still folded): calls plain(b, e) for
// literal stretches (never containing CR or LF) and word(b, e, decoded) for
// encoded words. White space between two encoded words is dropped; encoded
// words glued to text are decoded too (as Python's email does).
template <class Plain, class Word>
void scan_unstructured(std::string_view s, Plain&& plain, Word&& word) {
  const size_t n = s.size();
  CloseFinder cf{s};
  auto plain_nocrlf = [&](size_t b, size_t e) {
    size_t k = b;
    while (k < e) {
      size_t j = k;
      while (j < e && s[j] != '\r' && s[j] != '\n') ++j;
      if (j > k) plain(k, j);
      while (j < e && (s[j] == '\r' || s[j] == '\n')) ++j;
      k = j;
    }
  };
  bool prev_ew = false;
  size_t ws_b = std::string_view::npos, ws_e = 0;
  std::string dec;
  size_t i = 0;
  while (i < n) {
    char c = s[i];
    if (is_fws(c)) {
      size_t j = i;
      while (j < n && is_fws(s[j])) ++j;
      if (prev_ew) {
        ws_b = i;
        ws_e = j;
      } else {
        plain_nocrlf(i, j);
      }
      i = j;
      continue;
    }
    if (c == '=' && i + 1 < n && s[i + 1] == '?') {
      size_t end;
      if (parse_ew(s, i, cf, end, dec)) {
        if (!prev_ew && ws_b != std::string_view::npos) plain_nocrlf(ws_b, ws_e);
        ws_b = std::string_view::npos;
        word(i, end, dec);
        prev_ew = true;
        i = end;
        continue;
      }
    }
    if (ws_b != std::string_view::npos) {
      plain_nocrlf(ws_b, ws_e);
      ws_b = std::string_view::npos;
    }
    prev_ew = false;
    size_t j = i + 1;
    while (j < n && !is_fws(s[j]) && !(s[j] == '=' && j + 1 < n && s[j + 1] == '?')) ++j;
    plain(i, j);
    i = j;
  }
  if (ws_b != std::string_view::npos) plain_nocrlf(ws_b, ws_e);
}

// ---- Address lists ----------------------------------------------------------

enum class Tk : uint8_t { Atom, QStr, Comment, Ew, Lt, Gt, At, Comma, Semi, Colon, Ws };
struct Tok {
  Tk k;
  uint32_t b, e;     // in the value
  std::string text;  // QStr / Comment: unescaped content; Ew: decoded
};

bool is_special(char c) {
  return c == '<' || c == '>' || c == '@' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
         c == '[' || c == ']';
}

void tokenize(std::string_view v, std::vector<Tok>& toks) {
  const size_t n = v.size();
  toks.reserve(n / 2 + 4);  // "Name <a@b.c>" makes a token for every few bytes
  CloseFinder cf{v};
  std::string dec;
  size_t i = 0;
  while (i < n) {
    char c = v[i];
    size_t j = i + 1;
    if (is_fws(c) || c == ')') {
      while (j < n && (is_fws(v[j]) || v[j] == ')')) ++j;
      toks.push_back({Tk::Ws, uint32_t(i), uint32_t(j), {}});
    } else if (c == '(') {
      std::string t;
      int depth = 1;
      while (j < n && depth > 0) {
        char d = v[j];
        if (d == '\\' && j + 1 < n) {
          t.push_back(v[j + 1]);
          j += 2;
          continue;
        }
        if (d == '(') ++depth;
        if (d == ')' && --depth == 0) {
          ++j;
          break;
        }
        t.push_back(d);
        ++j;
      }
      toks.push_back({Tk::Comment, uint32_t(i), uint32_t(j), std::move(t)});
    } else if (c == '"') {
      std::string t;
      while (j < n && v[j] != '"') {
        if (v[j] == '\\' && j + 1 < n) {
          t.push_back(v[j + 1]);
          j += 2;
          continue;
        }
        t.push_back(v[j]);
        ++j;
      }
      if (j < n) ++j;
      toks.push_back({Tk::QStr, uint32_t(i), uint32_t(j), std::move(t)});
    } else if (c == '[') {
      while (j < n && v[j] != ']') ++j;
      if (j < n) ++j;
      toks.push_back({Tk::Atom, uint32_t(i), uint32_t(j), {}});
    } else if (c == '<' || c == '>' || c == '@' || c == ',' || c == ';' || c == ':' || c == ']') {
      Tk k = c == '<' ? Tk::Lt : c == '>' ? Tk::Gt : c == '@' ? Tk::At : c == ',' ? Tk::Comma : c == ';' ? Tk::Semi
             : c == ':' ? Tk::Colon : Tk::Atom;
      toks.push_back({k, uint32_t(i), uint32_t(j), {}});
    } else {
      size_t end;
      if (c == '=' && j < n && v[j] == '?' && parse_ew(v, i, cf, end, dec)) {
        toks.push_back({Tk::Ew, uint32_t(i), uint32_t(end), dec});
        j = end;
      } else {
        while (j < n && !is_fws(v[j]) && !is_special(v[j])) ++j;
        toks.push_back({Tk::Atom, uint32_t(i), uint32_t(j), {}});
      }
    }
    i = j;
  }
}

// A display name: words separated by single spaces (comments count as
// space), quoted strings unquoted, encoded words decoded (also inside quoted
// strings, as Python does); no space between adjacent encoded words (RFC 2047).
std::string phrase(std::string_view v, const std::vector<Tok>& t, size_t s, size_t e) {
  std::string out;
  bool sep = false, prev_ew = false;
  for (size_t k = s; k < e; ++k) {
    const Tok& tk = t[k];
    switch (tk.k) {
      case Tk::Ws:
      case Tk::Comment:
        sep = true;
        break;
      case Tk::Ew:
        if (!out.empty() && sep && !prev_ew) out.push_back(' ');
        out += tk.text;
        prev_ew = true;
        sep = false;
        break;
      case Tk::QStr:
        if (!out.empty() && sep) out.push_back(' ');
        out += tk.text.find("=?") != std::string::npos ? decode_rfc2047(tk.text) : tk.text;
        prev_ew = false;
        sep = false;
        break;
      default:
        if (!out.empty() && sep) out.push_back(' ');
        out += v.substr(tk.b, tk.e - tk.b);
        prev_ew = false;
        sep = false;
        break;
    }
  }
  return out;
}

std::string addr_spec(std::string_view v, const std::vector<Tok>& t, size_t s, size_t e) {
  std::string out;
  for (size_t k = s; k < e; ++k)
    if (t[k].k != Tk::Ws && t[k].k != Tk::Comment) out += v.substr(t[k].b, t[k].e - t[k].b);
  return out;
}

void mailbox(std::string_view v, const std::vector<Tok>& t, size_t s, size_t e, std::vector<Address>& out) {
  size_t lt = s;
  while (lt < e && t[lt].k != Tk::Lt) ++lt;
  Address a;
  if (lt < e) {
    a.name = phrase(v, t, s, lt);
    size_t gt = lt + 1;
    while (gt < e && t[gt].k != Tk::Gt) ++gt;
    size_t k = lt + 1;
    while (k < gt && (t[k].k == Tk::Ws || t[k].k == Tk::Comment)) ++k;
    if (k < gt && t[k].k == Tk::At) {  // obsolete route "@a,@b:": skipped
      size_t c = k;
      while (c < gt && t[c].k != Tk::Colon) ++c;
      if (c < gt) k = c + 1;
    }
    a.address = addr_spec(v, t, k, gt);
  } else {
    bool has_at = false;
    for (size_t k = s; k < e; ++k) has_at |= t[k].k == Tk::At;
    if (has_at) {
      a.address = addr_spec(v, t, s, e);
      // "addr (Comment Name)": the comment is the name (as email.utils.parseaddr).
      for (size_t k = s; k < e; ++k) {
        if (t[k].k != Tk::Comment) continue;
        std::string c(trim_fws(t[k].text));
        if (c.empty()) continue;
        if (!a.name.empty()) a.name.push_back(' ');
        a.name += c.find("=?") != std::string::npos ? decode_rfc2047(c) : c;
      }
    } else {
      a.name = phrase(v, t, s, e);  // a bare name, no address
    }
  }
  a.name = mime::sanitize_utf8(trim_fws(a.name));
  mime::sanitize_utf8_in_place(a.address);
  if (a.name.empty() && a.address.empty()) return;
  out.push_back(std::move(a));
}

size_t mailbox_end(const std::vector<Tok>& t, size_t i) {
  bool angle = false;
  for (size_t j = i; j < t.size(); ++j) {
    Tk k = t[j].k;
    if (k == Tk::Lt) angle = true;
    else if (k == Tk::Gt) angle = false;
    else if (!angle && (k == Tk::Comma || k == Tk::Semi)) return j;
  }
  return t.size();
}

// ---- MIME parameters (RFC 2045, RFC 2231) -------------------------------------

struct Param {
  std::string name;  // lower case, with any RFC 2231 suffix ("filename*0*")
  std::string value; // unquoted
};

struct MimeHeader {
  std::string value;  // e.g. "text/plain", "attachment" (lower case, trimmed)
  std::vector<Param> params;
  bool present = false;
};

MimeHeader parse_mime_header(std::string_view raw, const Field* f) {
  MimeHeader h;
  if (!f) return h;
  h.present = true;
  std::string v = unfold(slice(raw, f->value));
  std::string_view s = v;
  size_t semi = s.find(';');
  h.value = lower_str(trim_fws(s.substr(0, semi)));
  size_t i = semi == std::string_view::npos ? s.size() : semi + 1;
  const size_t n = s.size();
  while (i < n) {
    while (i < n && (is_fws(s[i]) || s[i] == ';')) ++i;
    if (i >= n) break;
    size_t nb = i;
    while (i < n && s[i] != '=' && s[i] != ';') ++i;
    std::string name = lower_str(trim_fws(s.substr(nb, i - nb)));
    if (i >= n || s[i] == ';') continue;
    ++i;  // '='
    while (i < n && is_wsp(s[i])) ++i;
    std::string val;
    if (i < n && s[i] == '"') {
      ++i;
      while (i < n && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < n) ++i;
        val.push_back(s[i]);
        ++i;
      }
      if (i < n) ++i;
      while (i < n && s[i] != ';') ++i;
    } else {
      size_t vb = i;
      while (i < n && s[i] != ';') ++i;
      val = std::string(trim_fws(s.substr(vb, i - vb)));
    }
    if (!name.empty() && h.params.size() < 64) h.params.push_back({std::move(name), std::move(val)});
  }
  return h;
}

std::string pct_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hv = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hv(s[i + 1]) >= 0 && hv(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hv(s[i + 1]) * 16 + hv(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// A parameter's value: a plain "name=" first (as Python), else the RFC 2231
// forms "name*=charset'lang'pct", "name*0*=...; name*1=...", assembled and
// converted to UTF-8. Encoded words in a plain value are decoded.
std::optional<std::string> get_param(const MimeHeader& h, std::string_view key) {
  for (const Param& p : h.params)
    if (p.name == key)
      return mime::sanitize_utf8(p.value.find("=?") != std::string::npos ? decode_rfc2047(p.value) : p.value);
  struct Seg {
    int idx;
    bool ext;
    const std::string* v;
  };
  std::vector<Seg> segs;
  for (const Param& p : h.params) {
    std::string_view nm = p.name;
    if (nm.size() <= key.size() || nm.compare(0, key.size(), key) != 0 || nm[key.size()] != '*') continue;
    std::string_view rest = nm.substr(key.size() + 1);
    if (rest.empty()) {
      segs.push_back({0, true, &p.value});
      continue;
    }
    int idx = 0;
    size_t k = 0;
    while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9' && idx < 10000) idx = idx * 10 + (rest[k++] - '0');
    if (k == 0) continue;
    bool ext = false;
    if (k < rest.size() && rest[k] == '*') {
      ext = true;
      ++k;
    }
    if (k != rest.size()) continue;
    segs.push_back({idx, ext, &p.value});
  }
  if (segs.empty()) return std::nullopt;
  std::stable_sort(segs.begin(), segs.end(), [](const Seg& a, const Seg& b) { return a.idx < b.idx; });
  std::string bytes, charset;
  int last = -1;
  bool first = true;
  for (const Seg& s : segs) {
    if (s.idx == last) continue;
    last = s.idx;
    std::string_view v = *s.v;
    if (s.ext) {
      if (first) {
        size_t q1 = v.find('\'');
        size_t q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
        if (q2 != std::string_view::npos) {
          charset = std::string(v.substr(0, q1));
          v = v.substr(q2 + 1);
        }
      }
      bytes += pct_decode(v);
    } else {
      bytes += v;
    }
    first = false;
  }
  return mime::to_utf8_plain(bytes, charset);
}

// ---- Multipart ----------------------------------------------------------------

// Splits raw[b, e) at lines "--boundary" (optionally "--" after, then blanks).
// The line break before a delimiter line belongs to the delimiter. Preamble
// and epilogue are dropped. Returns false when no delimiter was found.
bool split_multipart(std::string_view raw, uint32_t b, uint32_t e, std::string_view boundary,
                     std::vector<Span>& parts, bool& closed) {
  parts.clear();
  closed = false;
  bool found = false;
  uint32_t cur = b;
  uint32_t pos = b;
  const char* base = raw.data();
  const size_t bl = boundary.size();
  while (pos < e) {
    auto [ce, next] = raw_line(raw, pos, e);
    if (ce - pos >= 2 + bl && raw[pos] == '-' && raw[pos + 1] == '-' &&
        std::memcmp(base + pos + 2, boundary.data(), bl) == 0) {
      uint32_t r = pos + 2 + static_cast<uint32_t>(bl);
      bool close = false;
      if (r + 2 <= ce && raw[r] == '-' && raw[r + 1] == '-') {
        close = true;
        r += 2;
      }
      while (r < ce && is_wsp(raw[r])) ++r;
      if (r == ce) {
        if (found) {
          uint32_t pe = pos;
          if (pe > cur && raw[pe - 1] == '\n') {
            --pe;
            if (pe > cur && raw[pe - 1] == '\r') --pe;
          }
          parts.push_back({cur, pe});
        }
        found = true;
        if (close) {
          closed = true;
          return true;
        }
        cur = next;
      }
    }
    pos = next;
  }
  if (found) parts.push_back({cur, e});
  return found;
}

struct Leaf {
  uint32_t b = 0, e = 0;
  std::string cte;
  std::string charset;
  bool html = false;
};

constexpr int kMaxDepth = 40;

struct Walker {
  Document& doc;
  std::optional<Leaf> plain, html;

  void part(uint32_t b, uint32_t e, const Block* given, bool body_ok, int depth) {
    std::string_view raw = doc.raw;
    Block local;
    const Block* bl = given;
    if (!bl) {
      parse_block(raw, b, e, false, local);
      bl = &local;
    }
    uint32_t body_b = std::min(bl->body, e);
    if (body_b < b) body_b = b;
    const Field* ctf = find_field(raw, *bl, "Content-Type");
    const Field* cdf = find_field(raw, *bl, "Content-Disposition");
    const Field* ctef = find_field(raw, *bl, "Content-Transfer-Encoding");
    MimeHeader ct = parse_mime_header(raw, ctf);
    MimeHeader cd = parse_mime_header(raw, cdf);
    std::string type = ct.value;
    {
      size_t slash = type.find('/');
      if (!ct.present || slash == std::string::npos || slash == 0 || slash + 1 == type.size() ||
          type.find('/', slash + 1) != std::string::npos)
        type = "text/plain";
    }
    bool attachment = cd.present && cd.value == "attachment";
    if (type.compare(0, 10, "multipart/") == 0) {
      std::optional<std::string> boundary = get_param(ct, "boundary");
      if (!boundary || boundary->empty()) {
        add_note(doc, "multipart part without a boundary; read as text");
      } else if (depth >= kMaxDepth) {
        add_note(doc, "MIME parts nested too deeply; inner parts ignored");
        return;
      } else {
        std::vector<Span> parts;
        bool closed = false;
        if (!split_multipart(raw, body_b, e, *boundary, parts, closed)) {
          add_note(doc, "multipart boundary '" + mime::sanitize_utf8(*boundary) + "' not found; read as text");
        } else {
          if (!closed) add_note(doc, "multipart boundary '" + mime::sanitize_utf8(*boundary) + "' not closed");
          // multipart/related: only its start part (or the first) can be the body.
          size_t body_index = static_cast<size_t>(-1);
          bool related = type == "multipart/related";
          if (related) {
            body_index = 0;
            if (auto start = get_param(ct, "start"); start && !start->empty()) {
              Block pb;
              for (size_t k = 0; k < parts.size(); ++k) {
                parse_block(raw, parts[k].begin, parts[k].end, false, pb);
                const Field* cid = find_field(raw, pb, "Content-ID");
                if (cid && trim_fws(slice(raw, cid->value)) == trim_fws(*start)) {
                  body_index = k;
                  break;
                }
              }
            }
          }
          for (size_t k = 0; k < parts.size(); ++k) {
            bool ok = body_ok && !attachment && (!related || k == body_index);
            part(parts[k].begin, parts[k].end, nullptr, ok, depth + 1);
          }
          return;
        }
      }
      type = "text/plain";
    }
    // A leaf.
    std::optional<std::string> filename;
    const Field* named_by = nullptr;
    if ((filename = get_param(cd, "filename"))) named_by = cdf;
    else if ((filename = get_param(ct, "name"))) named_by = ctf;
    if (filename) {
      std::string fn(trim_fws(*filename));
      if (fn.empty()) filename.reset();  // filename="" names nothing (as Python)
      else doc.attachments.push_back({std::move(fn), type, named_by->whole});
    }
    if (!body_ok || attachment || filename) return;
    bool is_plain = type == "text/plain", is_html = type == "text/html";
    if (!is_plain && !is_html) return;
    if ((is_plain && plain) || (is_html && html)) return;
    Leaf l;
    l.b = body_b;
    l.e = e;
    l.cte = ctef ? lower_str(trim_fws(unfold(slice(raw, ctef->value)))) : std::string();
    if (auto cs = get_param(ct, "charset")) l.charset = *cs;
    l.html = is_html;
    (is_plain ? plain : html) = std::move(l);
  }
};

// ---- Emission -----------------------------------------------------------------

// Appends decoded bytes to doc.text: stretches that equal consecutive raw
// bytes one for one become linear runs, each group of bytes sharing a Src an
// opaque run.
void emit_buf(Document& doc, const Buf& buf) {
  std::string_view raw = doc.raw;
  const size_t n = buf.bytes.size();
  const Src* src = buf.src.data();
  const char* bytes = buf.bytes.data();
  doc.text.reserve(doc.text.size() + n);
  // Byte j is exact when it is the one raw byte it maps onto, and the next
  // byte was not made from that raw byte too.
  auto exact = [&](size_t j) {
    const Src x = src[j];
    return x.e - x.b == 1 && x.b < raw.size() && raw[x.b] == bytes[j] && !(j + 1 < n && src[j + 1] == x);
  };
  size_t i = 0;
  while (i < n) {
    Src s = src[i];
    uint32_t t = static_cast<uint32_t>(doc.text.size());
    if (exact(i)) {
      // The run of exact bytes from i maps onto raw[s.b, ...) in order. It
      // ends where the Src stop following on, at the end of raw, or at the
      // first byte that differs from its raw byte (memcmp finds none in a
      // clean stretch).
      size_t j = i + 1;
      for (uint32_t want = s.b + 1; j < n && src[j] == Src{want, want + 1}; ++want) ++j;
      j = std::min(j, i + (raw.size() - s.b));
      if (std::memcmp(bytes + i, raw.data() + s.b, j - i) != 0)
        j = static_cast<size_t>(std::mismatch(bytes + i, bytes + j, raw.data() + s.b).first - bytes);
      // Only the run's last byte can share its raw byte with its follower.
      if (j < n && src[j] == src[j - 1]) --j;
      doc.map.add_linear(t, s.b, static_cast<uint32_t>(j - i));
      doc.text.append(buf.bytes, i, j - i);
      i = j;
      continue;
    }
    size_t j = i + 1;
    while (j < n && src[j] == s) ++j;
    doc.map.add_opaque(t, static_cast<uint32_t>(j - i), s.b, s.e - s.b);
    doc.text.append(buf.bytes, i, j - i);
    i = j;
  }
}

void emit_body(Document& doc, const Leaf& l) {
  std::string_view raw = doc.raw;
  mime::Charset cs = mime::lookup_charset(l.charset);
  if (cs.kind == mime::CharsetKind::Unknown)
    add_note(doc, "unknown charset '" + mime::sanitize_utf8(l.charset) + "'; read as UTF-8");
  bool qp = l.cte == "quoted-printable", b64 = l.cte == "base64";
  if (!qp && !b64 && !l.cte.empty() && l.cte != "7bit" && l.cte != "8bit" && l.cte != "binary")
    add_note(doc, "unknown Content-Transfer-Encoding '" + mime::sanitize_utf8(l.cte) + "'; read as is");
  if (!qp && !b64 && !l.html) {
    bool utf8 = cs.kind == mime::CharsetKind::Utf8 || cs.kind == mime::CharsetKind::Unknown ||
                (cs.kind == mime::CharsetKind::Ascii && text::valid_utf8(raw.substr(l.b, l.e - l.b)));
    if (utf8) {  // the common case: one linear run
      append_raw_utf8(doc, l.b, l.e, true);
      return;
    }
  }
  thread_local Buf a, c, h;
  a.clear();
  c.clear();
  h.clear();
  if (qp) {
    mime::decode_qp(raw, l.b, l.e, a);
  } else if (b64) {
    if (!mime::decode_base64(raw, l.b, l.e, a)) add_note(doc, "invalid characters in base64 body; skipped");
  } else {
    mime::decode_identity(raw, l.b, l.e, a);
  }
  doc.body_encoded = qp || b64;
  const Buf* utf8 = &a;
  if (!mime::utf8_in_place(a, cs)) {
    mime::to_utf8(a, cs, c, &doc.invalid_utf8);
    utf8 = &c;
  }
  if (l.html) {
    mime::html_to_text(*utf8, h);
    emit_buf(doc, h);
  } else {
    emit_buf(doc, *utf8);
  }
  // Large one-off bodies should not pin memory in the thread-local buffers.
  if (a.bytes.capacity() > (4u << 20)) {
    a = Buf();
    c = Buf();
    h = Buf();
  }
}

bool structured(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "from",       "to",          "cc",          "bcc",        "reply-to",         "sender",
      "date",       "message-id",  "in-reply-to", "references", "content-type",     "content-transfer-encoding",
      "content-id", "mime-version", "received",   "return-path", "content-disposition", "resent-from",
      "resent-to",  "resent-cc",   "resent-date", "resent-sender", "resent-message-id", "dkim-signature"};
  for (auto n : kNames)
    if (iequals(name, n)) return true;
  return false;
}

}  // namespace

// ---- Public helpers -------------------------------------------------------------

std::string unfold(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  // Copies the stretches between line breaks whole (most values have none).
  text::LineBreakFinder breaks(value);
  size_t from = 0;
  for (size_t k = breaks.next(0); k < value.size(); k = breaks.next(from)) {
    out.append(value, from, k - from);
    from = k + 1;
  }
  out.append(value, from);
  return out;
}

std::string decode_rfc2047(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  bool ascii = true;
  scan_unstructured(
      value,
      [&](size_t b, size_t e) {
        for (size_t k = b; k < e; ++k) ascii &= static_cast<unsigned char>(value[k]) < 0x80;
        out.append(value.substr(b, e - b));
      },
      [&](size_t, size_t, const std::string& dec) { out += dec; });
  return ascii ? out : mime::sanitize_utf8(out);
}

std::vector<Address> parse_address_list(std::string_view value) {
  std::vector<Tok> t;
  tokenize(value, t);
  std::vector<Address> out;
  const size_t n = t.size();
  size_t i = 0;
  while (i < n) {
    // A group "Name: member, member;" when a colon comes before any of , < @ ; >.
    size_t j = i;
    bool group = false;
    for (; j < n; ++j) {
      Tk k = t[j].k;
      if (k == Tk::Colon) {
        group = true;
        break;
      }
      if (k == Tk::Comma || k == Tk::Lt || k == Tk::At || k == Tk::Semi || k == Tk::Gt) break;
    }
    if (group) {
      i = j + 1;
      while (i < n) {
        size_t e = mailbox_end(t, i);
        mailbox(value, t, i, e, out);
        i = e;
        if (i < n && t[i].k == Tk::Semi) {
          ++i;
          break;
        }
        if (i < n) ++i;
      }
      while (i < n && t[i].k != Tk::Comma) ++i;
      if (i < n) ++i;
      continue;
    }
    size_t e = mailbox_end(t, i);
    mailbox(value, t, i, e, out);
    i = e + 1;
  }
  return out;
}

// ---- The front end ----------------------------------------------------------------

std::vector<std::string> parse_message_ids(std::string_view v) {
  std::vector<std::string> ids;
  size_t p = 0;
  while ((p = v.find('<', p)) != std::string_view::npos) {
    size_t q = v.find('>', p);
    if (q == std::string_view::npos) break;
    ids.emplace_back(v.substr(p, q - p + 1));
    p = q + 1;
  }
  return ids;
}

void parse_eml(Document& doc) {
  std::string_view raw = doc.raw;
  if (raw.size() >= 0xF0000000u) {  // offsets are 32-bit; such a file is refused earlier
    add_note(doc, "file too large to parse");
    raw = raw.substr(0, 0xF0000000u);
  }
  const uint32_t n = static_cast<uint32_t>(raw.size());
  Block top;
  parse_block(raw, 0, n, true, top);
  if (!top.terminated && top.body >= n && !top.fields.empty()) add_note(doc, "header block has no body");

  // Headers.
  doc.headers.reserve(top.fields.size());
  const Field* subject = nullptr;
  for (const Field& f : top.fields) {
    Header h;
    h.name = mime::sanitize_utf8(slice(raw, f.name));
    std::string_view v = slice(raw, f.value);
    if (!subject && iequals(h.name, "Subject")) subject = &f;
    if (structured(h.name) || v.find("=?") == std::string_view::npos) {
      h.value = unfold(v);
      mime::sanitize_utf8_in_place(h.value);
    } else {
      h.value = decode_rfc2047(v);
    }
    h.raw = f.whole;
    h.raw_value = f.value;
    doc.headers.push_back(std::move(h));
  }
  auto first_value = [&](std::string_view name) -> const Header* {
    for (const Header& h : doc.headers)
      if (iequals(h.name, name)) return &h;
    return nullptr;
  };
  if (const Header* h = first_value("From")) doc.from = parse_address_list(h->value);
  if (const Header* h = first_value("To")) doc.to = parse_address_list(h->value);
  if (const Header* h = first_value("Cc")) doc.cc = parse_address_list(h->value);
  if (const Header* h = first_value("References")) {
    doc.references = parse_message_ids(h->value);
  }

  // MIME structure and the body choice.
  Walker w{doc};
  w.part(0, n, &top, true, 0);
  const Leaf* body = w.plain ? &*w.plain : w.html ? &*w.html : nullptr;

  // Text: subject, "\n\n", body.
  doc.text.clear();
  doc.map.clear();
  uint32_t body_raw = body ? body->b : std::min(top.body, n);
  if (subject) {
    uint32_t sb = static_cast<uint32_t>(doc.text.size());
    const uint32_t vb = subject->value.begin;
    std::string_view sv = slice(raw, subject->value);
    scan_unstructured(
        sv, [&](size_t b, size_t e) { append_raw_utf8(doc, vb + uint32_t(b), vb + uint32_t(e), true); },
        [&](size_t b, size_t e, const std::string& dec) {
          doc.map.add_opaque(static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(dec.size()), vb + uint32_t(b),
                             uint32_t(e - b));
          doc.text += dec;
        });
    Span st{sb, static_cast<uint32_t>(doc.text.size())};
    doc.subject_text = st;
    for (Header& h : doc.headers)
      if (h.raw == subject->whole) {
        h.value = std::string(doc.str(st));
        h.text_value = st;
        break;
      }
    doc.map.add_opaque(static_cast<uint32_t>(doc.text.size()), 2, body_raw, 0);
    doc.text += "\n\n";
  }
  uint32_t bb = static_cast<uint32_t>(doc.text.size());
  if (body) emit_body(doc, *body);
  else add_note(doc, "no text/plain or text/html body");
  doc.body = {bb, static_cast<uint32_t>(doc.text.size())};
}

}  // namespace fulint::detail
