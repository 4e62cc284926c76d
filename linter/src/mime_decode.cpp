// Transfer decodings, charset conversion and HTML-to-text for the .eml front
// end, each output byte keeping the raw range it came from (see mime_decode.hpp).
#include "mime_decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "fulint/text.hpp"

namespace fulint::detail::mime {
namespace {

inline int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// -1: not in the alphabet, -2: '=' padding, -3: white space.
constexpr std::array<int8_t, 256> make_b64_table() {
  std::array<int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 26; ++i) {
    t['A' + i] = static_cast<int8_t>(i);
    t['a' + i] = static_cast<int8_t>(26 + i);
  }
  for (int i = 0; i < 10; ++i) t['0' + i] = static_cast<int8_t>(52 + i);
  t['+'] = 62;
  t['/'] = 63;
  t['='] = -2;
  t[' '] = t['\t'] = t['\r'] = t['\n'] = t['\f'] = t['\v'] = -3;
  return t;
}
constexpr std::array<int8_t, 256> kB64 = make_b64_table();

// Decodes base64 calling sink(byte, first_char_pos, last_char_pos + 1) for
// each byte. Returns false on junk or a dangling single character.
template <class Sink>
bool base64_core(std::string_view s, size_t b, size_t e, Sink&& sink) {
  int q[4];
  size_t pos[4];
  int n = 0;
  bool clean = true;
  auto finish = [&](int count) {
    size_t pb = pos[0], pe = pos[count - 1] + 1;
    unsigned v0 = static_cast<unsigned>(q[0]), v1 = static_cast<unsigned>(q[1]);
    sink(static_cast<char>((v0 << 2) | (v1 >> 4)), pb, pe);
    if (count >= 3) {
      unsigned v2 = static_cast<unsigned>(q[2]);
      sink(static_cast<char>(((v1 & 15) << 4) | (v2 >> 2)), pb, pe);
      if (count == 4) {
        unsigned v3 = static_cast<unsigned>(q[3]);
        sink(static_cast<char>(((v2 & 3) << 6) | v3), pb, pe);
      }
    }
  };
  for (size_t i = b; i < e; ++i) {
    int v = kB64[static_cast<unsigned char>(s[i])];
    if (v >= 0) {
      q[n] = v;
      pos[n] = i;
      if (++n == 4) {
        finish(4);
        n = 0;
      }
    } else if (v == -2) {  // padding ends the quantum
      if (n >= 2) finish(n);
      else if (n == 1) clean = false;
      n = 0;
    } else if (v == -1) {
      clean = false;
    }
  }
  if (n >= 2) finish(n);
  else if (n == 1) clean = false;
  return clean;
}

void record_invalid(std::vector<Span>* invalid, Src s) {
  if (!invalid) return;
  if (!invalid->empty() && invalid->back().end == s.b) invalid->back().end = s.e;
  else invalid->push_back({s.b, s.e});
}

// UTF-8 pass-through: valid characters copied; a multi-byte character whose
// bytes do not come byte for byte from consecutive raw bytes gets the union
// of their ranges on all its bytes; invalid bytes become U+FFFD.
void utf8_pass(const Buf& in, Buf& out, std::vector<Span>* invalid) {
  const std::string& s = in.bytes;
  const size_t n = s.size();
  out.bytes.reserve(out.bytes.size() + n);
  out.src.reserve(out.src.size() + n);
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push(s[i], in.src[i]);
      ++i;
      continue;
    }
    size_t len = 1;
    char32_t cp = text::decode(s, i, len);
    if (cp == text::kInvalid) {
      out.push(std::string_view("\xEF\xBF\xBD", 3), in.src[i]);
      record_invalid(invalid, in.src[i]);
      ++i;
      continue;
    }
    bool lin = in.src[i].e - in.src[i].b == 1;
    for (size_t k = 1; k < len && lin; ++k)
      lin = in.src[i + k].b == in.src[i + k - 1].e && in.src[i + k].e - in.src[i + k].b == 1;
    if (lin) {
      for (size_t k = 0; k < len; ++k) out.push(s[i + k], in.src[i + k]);
    } else {
      Src u{in.src[i].b, std::max(in.src[i].e, in.src[i + len - 1].e)};
      out.push(std::string_view(s).substr(i, len), u);
    }
    i += len;
  }
}

// ---- ICU converters, cached per thread by label ----------------------------

struct ConvCache {
  struct Entry {
    std::string key;
    CharsetKind kind;
    UConverter* conv;
  };
  std::vector<Entry> entries;
  ~ConvCache() {
    for (auto& e : entries)
      if (e.conv) ucnv_close(e.conv);
  }
};

thread_local ConvCache t_cache;

std::string normalize_label(std::string_view label) {
  std::string k;
  for (char c : label) {
    if (c == '"' || c == '\'' || c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    k.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  return k;
}

Charset open_charset(const std::string& key) {
  for (auto& e : t_cache.entries)
    if (e.key == key) return {e.kind, e.conv};
  CharsetKind kind = CharsetKind::Icu;
  UConverter* conv = nullptr;
  // Only plain charset names reach ICU: a '/' would make ucnv_open load a
  // converter file from that path, a ',' would pass options.
  bool plain = key.size() <= 64;
  for (char c : key)
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
                      c == ':' || c == '+');
  if (!plain) {
    kind = CharsetKind::Unknown;
  } else {
    std::string open_name = key;
    if (key == "iso-8859-1" || key == "iso8859-1" || key == "latin1" || key == "latin-1" || key == "l1" ||
        key == "iso_8859-1" || key == "cp819" || key == "ibm819" || key == "iso-ir-100")
      open_name = "windows-1252";
    UErrorCode err = U_ZERO_ERROR;
    conv = ucnv_open(open_name.c_str(), &err);
    if (U_FAILURE(err) || !conv) {
      if (conv) ucnv_close(conv);
      conv = nullptr;
      kind = CharsetKind::Unknown;
    } else {
      UErrorCode e2 = U_ZERO_ERROR;
      const char* canon = ucnv_getName(conv, &e2);
      if (canon && std::strcmp(canon, "UTF-8") == 0) kind = CharsetKind::Utf8;
      else if (canon && std::strcmp(canon, "US-ASCII") == 0) kind = CharsetKind::Ascii;
      if (kind != CharsetKind::Icu) {
        ucnv_close(conv);
        conv = nullptr;
      }
    }
  }
  if (t_cache.entries.size() >= 32) {  // bounded: a hostile file cannot grow it
    if (t_cache.entries.front().conv) ucnv_close(t_cache.entries.front().conv);
    t_cache.entries.erase(t_cache.entries.begin());
  }
  t_cache.entries.push_back({key, kind, conv});
  return {kind, conv};
}

// ICU conversion keeping, for each output character, the union of the Src of
// the input bytes it came from. ucnv_toUnicode's `offsets` give the source
// index of each UTF-16 unit (relative to the source pointer of that call);
// a character spans from its offset to the next larger offset.
void icu_convert(UConverter* cnv, const Buf& in, Buf& out) {
  const size_t n = in.bytes.size();
  if (n == 0) return;
  thread_local std::vector<UChar> u;
  thread_local std::vector<int32_t> off;
  thread_local std::vector<char32_t> cps;
  thread_local std::vector<int32_t> coff;
  ucnv_reset(cnv);
  size_t cap = n * 2 + 16;
  if (u.size() < cap) {
    u.resize(cap);
    off.resize(cap);
  }
  const char* base = in.bytes.data();
  const char* s = base;
  const char* lim = base + n;
  size_t produced = 0;
  for (;;) {
    UChar* t0 = u.data() + produced;
    UChar* t = t0;
    const char* s0 = s;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &t, u.data() + u.size(), &s, lim, off.data() + produced, true, &err);
    size_t got = static_cast<size_t>(t - t0);
    int32_t delta = static_cast<int32_t>(s0 - base);
    for (size_t k = produced; k < produced + got; ++k)
      if (off[k] >= 0) off[k] += delta;
    produced += got;
    if (err == U_BUFFER_OVERFLOW_ERROR && s <= lim) {
      u.resize(u.size() * 2);
      off.resize(u.size());
      continue;
    }
    break;
  }
  cps.clear();
  coff.clear();
  int32_t prev = 0;
  for (size_t k = 0; k < produced; ++k) {
    UChar c = u[k];
    int32_t o = off[k] >= 0 ? off[k] : prev;
    if (o < prev) o = prev;
    if (o >= static_cast<int32_t>(n)) o = static_cast<int32_t>(n) - 1;
    char32_t cp;
    if (U16_IS_LEAD(c) && k + 1 < produced && U16_IS_TRAIL(u[k + 1])) {
      cp = U16_GET_SUPPLEMENTARY(c, u[k + 1]);
      ++k;
    } else if (U16_IS_SURROGATE(c)) {
      cp = 0xFFFD;
    } else {
      cp = c;
    }
    cps.push_back(cp);
    coff.push_back(o);
    prev = o;
  }
  // End of each character's source: the next larger offset (or the end).
  std::vector<int32_t>& cend = off;  // reuse: produced >= cps.size()
  int32_t next = static_cast<int32_t>(n), last = static_cast<int32_t>(n);
  for (size_t k = cps.size(); k-- > 0;) {
    if (coff[k] != last) {
      next = last;
      last = coff[k];
    }
    cend[k] = next;
  }
  char tmp[4];
  for (size_t k = 0; k < cps.size(); ++k) {
    size_t o = static_cast<size_t>(coff[k]), e = static_cast<size_t>(cend[k]);
    if (e <= o) e = o + 1;
    Src sp{in.src[o].b, std::max(in.src[o].e, in.src[e - 1].e)};
    char32_t cp = cps[k];
    size_t len;
    if (cp < 0x80) {
      tmp[0] = static_cast<char>(cp);
      len = 1;
    } else if (cp < 0x800) {
      tmp[0] = static_cast<char>(0xC0 | (cp >> 6));
      tmp[1] = static_cast<char>(0x80 | (cp & 0x3F));
      len = 2;
    } else if (cp < 0x10000) {
      tmp[0] = static_cast<char>(0xE0 | (cp >> 12));
      tmp[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      tmp[2] = static_cast<char>(0x80 | (cp & 0x3F));
      len = 3;
    } else {
      tmp[0] = static_cast<char>(0xF0 | (cp >> 18));
      tmp[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      tmp[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      tmp[3] = static_cast<char>(0x80 | (cp & 0x3F));
      len = 4;
    }
    out.push(std::string_view(tmp, len), sp);
  }
}

}  // namespace

// ---- Transfer encodings ---------------------------------------------------

void decode_identity(std::string_view raw, uint32_t b, uint32_t e, Buf& out) { out.push_raw(raw, b, e); }

void decode_qp(std::string_view raw, uint32_t b, uint32_t e, Buf& out) {
  out.bytes.reserve(out.bytes.size() + (e - b));
  out.src.reserve(out.src.size() + (e - b));
  uint32_t i = b;
  while (i < e) {
    // Literal bytes up to the next '=' go in as one run.
    const void* eq = std::memchr(raw.data() + i, '=', e - i);
    uint32_t lit_end = eq ? static_cast<uint32_t>(static_cast<const char*>(eq) - raw.data()) : e;
    out.push_raw(raw, i, lit_end);
    i = lit_end;
    if (i + 1 >= e) break;  // the end, or a final "=" (dropped)
    char n = raw[i + 1];
    if (n == '\n' || n == '\r') {  // soft line break: no text
      uint32_t j = i + 1;
      while (j < e && raw[j] != '\n') ++j;
      i = j < e ? j + 1 : e;
      continue;
    }
    if (n == '=') {  // "==" gives "=" (as binascii does)
      out.push('=', {i, i + 2});
      i += 2;
      continue;
    }
    int h1 = hexval(static_cast<unsigned char>(n));
    int h2 = i + 2 < e ? hexval(static_cast<unsigned char>(raw[i + 2])) : -1;
    if (h1 >= 0 && h2 >= 0) {
      out.push(static_cast<char>(h1 * 16 + h2), {i, i + 3});
      i += 3;
      continue;
    }
    out.push('=', {i, i + 1});  // malformed: kept literally
    ++i;
  }
}

// Positions of base64 text: each decoded byte maps to its 4-character
// quantum, from the quantum's first character to its last. So a character's
// raw begin sits on the encoded line where its quantum starts, and a
// diagnostic's line is the raw line holding the start of its encoded form.
// (A quantum split over two lines maps across the line break.)
bool decode_base64(std::string_view raw, uint32_t b, uint32_t e, Buf& out) {
  out.bytes.reserve(out.bytes.size() + (e - b) * 3 / 4 + 3);
  out.src.reserve(out.src.size() + (e - b) * 3 / 4 + 3);
  return base64_core(raw, b, e, [&](char c, size_t pb, size_t pe) {
    out.push(c, {static_cast<uint32_t>(pb), static_cast<uint32_t>(pe)});
  });
}

std::string decode_b_plain(std::string_view s) {
  std::string out;
  base64_core(s, 0, s.size(), [&](char c, size_t, size_t) { out.push_back(c); });
  return out;
}

std::string decode_q_plain(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      out.push_back(' ');
    } else if (c == '=' && i + 2 < s.size() && hexval(static_cast<unsigned char>(s[i + 1])) >= 0 &&
               hexval(static_cast<unsigned char>(s[i + 2])) >= 0) {
      out.push_back(static_cast<char>(hexval(static_cast<unsigned char>(s[i + 1])) * 16 +
                                      hexval(static_cast<unsigned char>(s[i + 2]))));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// ---- Charsets -------------------------------------------------------------

Charset lookup_charset(std::string_view label) {
  std::string key = normalize_label(label);
  if (key.empty() || key == "us-ascii" || key == "ascii" || key == "unknown-8bit") return {CharsetKind::Ascii, nullptr};
  if (key == "utf-8" || key == "utf8") return {CharsetKind::Utf8, nullptr};
  return open_charset(key);
}

void to_utf8(const Buf& in, Charset cs, Buf& out, std::vector<Span>* invalid) {
  switch (cs.kind) {
    case CharsetKind::Utf8:
    case CharsetKind::Unknown:
      utf8_pass(in, out, invalid);
      return;
    case CharsetKind::Ascii:
      if (text::all_ascii(in.bytes)) {
        out.bytes.append(in.bytes);
        out.src.insert(out.src.end(), in.src.begin(), in.src.end());
      } else if (text::valid_utf8(in.bytes)) {
        utf8_pass(in, out, invalid);
      } else {
        Charset w = open_charset("windows-1252");
        if (w.conv) icu_convert(static_cast<UConverter*>(w.conv), in, out);
        else utf8_pass(in, out, invalid);
      }
      return;
    case CharsetKind::Icu:
      icu_convert(static_cast<UConverter*>(cs.conv), in, out);
      return;
  }
}

bool utf8_in_place(Buf& buf, Charset cs) {
  if (cs.kind == CharsetKind::Icu || !text::valid_utf8(buf.bytes)) return false;
  const std::string& s = buf.bytes;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    i += text::ascii_prefix(std::string_view(s).substr(i));  // ASCII needs nothing
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;  // valid UTF-8
    if (len > 1 && i + len <= n) {
      bool lin = buf.src[i].e - buf.src[i].b == 1;
      for (size_t k = 1; k < len && lin; ++k)
        lin = buf.src[i + k].b == buf.src[i + k - 1].e && buf.src[i + k].e - buf.src[i + k].b == 1;
      if (!lin) {
        Src u{buf.src[i].b, std::max(buf.src[i].e, buf.src[i + len - 1].e)};
        for (size_t k = 0; k < len; ++k) buf.src[i + k] = u;
      }
    }
    i += len;
  }
  return true;
}

void sanitize_utf8_in_place(std::string& s) {
  if (!text::valid_utf8(s)) s = sanitize_utf8(std::string_view(s));
}

std::string sanitize_utf8(std::string_view s) {
  if (text::valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    if (static_cast<unsigned char>(s[i]) < 0x80 || text::decode(s, i, len) != text::kInvalid) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

std::string to_utf8_plain(std::string_view bytes, std::string_view label) {
  Charset cs = lookup_charset(label);
  if (cs.kind == CharsetKind::Utf8 || cs.kind == CharsetKind::Unknown) return sanitize_utf8(bytes);
  if (cs.kind == CharsetKind::Ascii) {  // 7-bit, else UTF-8 if valid, else windows-1252
    if (text::valid_utf8(bytes)) return std::string(bytes);
  }
  // Icu: converted even when all bytes are 7-bit (ISO-2022-JP, UTF-7 are 7-bit).

  thread_local Buf in, out;
  in.clear();
  out.clear();
  in.bytes.assign(bytes);
  in.src.assign(bytes.size(), Src{0, 1});
  to_utf8(in, cs, out, nullptr);
  return out.bytes;
}

// ---- HTML -------------------------------------------------------------------

namespace {

// Latin-1 entity names for U+00A0..U+00FF, in order.
constexpr const char* kLatin1Entities[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct NamedEntity {
  const char* name;
  char32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},        {"lt", '<'},          {"gt", '>'},          {"quot", '"'},        {"apos", '\''},
    {"hellip", 0x2026},  {"mdash", 0x2014},    {"ndash", 0x2013},    {"lsquo", 0x2018},    {"rsquo", 0x2019},
    {"sbquo", 0x201A},   {"ldquo", 0x201C},    {"rdquo", 0x201D},    {"bdquo", 0x201E},    {"bull", 0x2022},
    {"trade", 0x2122},   {"euro", 0x20AC},     {"dagger", 0x2020},   {"Dagger", 0x2021},   {"permil", 0x2030},
    {"lsaquo", 0x2039},  {"rsaquo", 0x203A},   {"OElig", 0x152},     {"oelig", 0x153},     {"Scaron", 0x160},
    {"scaron", 0x161},   {"Yuml", 0x178},      {"fnof", 0x192},      {"circ", 0x2C6},      {"tilde", 0x2DC},
    {"ensp", 0x2002},    {"emsp", 0x2003},     {"thinsp", 0x2009},   {"zwnj", 0x200C},     {"zwj", 0x200D},
    {"lrm", 0x200E},     {"rlm", 0x200F},      {"prime", 0x2032},    {"Prime", 0x2033},    {"larr", 0x2190},
    {"rarr", 0x2192},    {"uarr", 0x2191},     {"darr", 0x2193},     {"harr", 0x2194},     {"minus", 0x2212},
    {"hearts", 0x2665},  {"check", 0x2713},    {"star", 0x2606},     {"nbsp", 0xA0},
};

// Windows-1252 meaning of numeric references 0x80..0x9F (HTML spec).
constexpr char16_t kC1[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                              0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                              0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

char32_t lookup_entity(std::string_view name) {
  for (const auto& e : kEntities)
    if (name == e.name) return e.cp;
  for (int i = 0; i < 96; ++i)
    if (name == kLatin1Entities[i]) return static_cast<char32_t>(0xA0 + i);
  // Case-insensitive fallback for the basic ones (&AMP; &NBSP;).
  std::string low = text::ascii_lower(name);
  if (low == "amp") return '&';
  if (low == "lt") return '<';
  if (low == "gt") return '>';
  if (low == "quot") return '"';
  if (low == "nbsp") return 0xA0;
  return text::kInvalid;
}

bool name_in(std::string_view n, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (n == s) return true;
  return false;
}

// Line breaks a tag asks for: 2 (a blank line) for p, 1 for block elements, 0 otherwise.
int block_breaks(std::string_view name) {
  if (name == "p") return 2;
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return 1;
  if (name_in(name, {"br", "div", "li", "tr", "blockquote", "ul", "ol", "table", "hr", "pre", "section", "article",
                     "header", "footer", "nav", "aside", "address", "dl", "dt", "dd", "figure", "figcaption", "main",
                     "center", "form", "fieldset", "tbody", "thead", "tfoot", "caption", "body", "html"}))
    return 1;
  return 0;
}

bool ci_starts(std::string_view s, size_t i, std::string_view pre) {
  if (i + pre.size() > s.size()) return false;
  for (size_t k = 0; k < pre.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != pre[k]) return false;
  }
  return true;
}

struct HtmlOut {
  Buf& out;
  int pending_breaks = 0;
  Src break_src{};
  bool pending_space = false;
  Src space_src{};
  bool line_start = true;

  void breaks(int n, Src tag, bool additive) {
    int want = additive ? std::min(pending_breaks + n, 2) : std::max(pending_breaks, n);
    if (want > pending_breaks) {
      if (pending_breaks == 0) break_src = tag;
      pending_breaks = want;
    }
  }
  void space(Src s) {
    if (!pending_space) {
      pending_space = true;
      space_src = s;
    }
  }
  void text(std::string_view bytes, Src s) {
    if (pending_breaks > 0) {
      if (!out.bytes.empty()) {
        for (int k = 0; k < pending_breaks; ++k) out.push('\n', break_src);
        line_src = break_src;
      }
      pending_breaks = 0;
      pending_space = false;
      line_start = true;
    }
    if (pending_space) {
      if (!line_start) out.push(' ', space_src);
      pending_space = false;
    }
    if (line_start && !quote_src.empty()) {
      // Text inside <blockquote> reads as quoted mail: "> " per level,
      // mapped onto the tag that started the line (the blockquote tag for
      // its first line), so the map stays in raw order.
      Src ps = out.bytes.empty() ? quote_src.back() : line_src;
      for (size_t k = 0; k < quote_src.size(); ++k) out.push(std::string_view("> ", 2), ps);
    }
    out.push(bytes, s);
    line_start = false;
  }
  std::vector<Src> quote_src;  // open blockquote tags
  Src line_src{};              // the tag whose line break started the current line
};

}  // namespace

void html_to_text(const Buf& in, Buf& out) {
  const std::string& s = in.bytes;
  const size_t n = s.size();
  HtmlOut h{out};
  size_t i = 0;
  auto src_of = [&](size_t b, size_t e) { return Src{in.src[b].b, in.src[e - 1].e}; };
  auto skip_to_gt = [&](size_t j) {  // index just past the '>' closing a tag at j
    char quote = 0;
    for (; j < n; ++j) {
      char c = s[j];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        // Only an attribute value opens a quote (after '='), so a stray
        // apostrophe in a malformed tag does not swallow the document.
        size_t k = j;
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n' || s[k - 1] == '\r')) --k;
        if (k > 0 && s[k - 1] == '=') quote = c;
      } else if (c == '>') {
        return j + 1;
      }
    }
    return n;
  };
  while (i < n) {
    char c = s[i];
    if (c == '<') {
      if (s.compare(i, 4, "<!--") == 0) {
        size_t e = s.find("-->", i + 4);
        i = e == std::string::npos ? n : e + 3;
        continue;
      }
      if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
        i = skip_to_gt(i + 2);
        continue;
      }
      bool closing = i + 1 < n && s[i + 1] == '/';
      size_t nb = i + (closing ? 2 : 1);
      size_t ne = nb;
      while (ne < n && ((s[ne] >= 'a' && s[ne] <= 'z') || (s[ne] >= 'A' && s[ne] <= 'Z') ||
                        (ne > nb && s[ne] >= '0' && s[ne] <= '9')))
        ++ne;
      if (ne == nb) {  // not a tag: a literal '<'
        h.text(std::string_view(s).substr(i, 1), in.src[i]);
        ++i;
        continue;
      }
      std::string name = text::ascii_lower(std::string_view(s).substr(nb, ne - nb));
      size_t end = skip_to_gt(ne);
      Src tag = src_of(i, end);
      bool self_closing = end >= 2 && s[end - 1] == '>' && s[end - 2] == '/';
      if (!closing && !self_closing &&
          name_in(name, {"head", "style", "script", "title", "template", "noscript", "xml"})) {
        // Drop the element's content up to its closing tag.
        size_t j = end;
        std::string close = "</" + name;
        for (;;) {
          size_t k = s.find("</", j);
          if (k == std::string::npos) {
            j = n;
            break;
          }
          if (ci_starts(s, k, close)) {
            j = skip_to_gt(k + close.size());
            break;
          }
          j = k + 2;
        }
        i = j;
        if (name == "head") h.breaks(1, tag, false);
        continue;
      }
      if (name == "blockquote") {
        if (!closing && !self_closing && h.quote_src.size() < 16) h.quote_src.push_back(tag);
        else if (closing && !h.quote_src.empty()) h.quote_src.pop_back();
      }
      int br = block_breaks(name);
      if (name == "br") h.breaks(1, tag, true);
      else if (br > 0) h.breaks(br, tag, false);
      else if (name == "td" || name == "th") h.space(tag);
      i = end;
      continue;
    }
    if (c == '&') {
      size_t j = i + 1;
      char32_t cp = text::kInvalid;
      if (j < n && s[j] == '#') {
        ++j;
        bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
        if (hex) ++j;
        size_t db = j;
        uint32_t v = 0;
        while (j < n && j - db < 8 && (hex ? hexval(static_cast<unsigned char>(s[j])) >= 0 : (s[j] >= '0' && s[j] <= '9'))) {
          v = v * (hex ? 16 : 10) + static_cast<uint32_t>(hex ? hexval(static_cast<unsigned char>(s[j])) : s[j] - '0');
          ++j;
        }
        if (j > db) {
          if (v >= 0x80 && v <= 0x9F) cp = kC1[v - 0x80];
          else if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) cp = 0xFFFD;
          else cp = v;
          if (j < n && s[j] == ';') ++j;
        }
      } else {
        size_t nb = j;
        while (j < n && j - nb < 10 && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                                        (s[j] >= '0' && s[j] <= '9')))
          ++j;
        if (j > nb && j < n && s[j] == ';') {
          cp = lookup_entity(std::string_view(s).substr(nb, j - nb));
          ++j;
        }
      }
      if (cp == text::kInvalid) {
        h.text(std::string_view(s).substr(i, 1), in.src[i]);
        ++i;
        continue;
      }
      Src es = src_of(i, j);
      if (cp == 0xA0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
        h.space(es);
      } else {
        std::string enc;
        text::append_utf8(enc, cp);
        h.text(enc, es);
      }
      i = j;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      h.space(in.src[i]);
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      h.space(src_of(i, i + 2));  // a literal NBSP counts as a space
      i += 2;
      continue;
    }
    // A run of text bytes up to the next markup or space (whole UTF-8
    // characters: markup and spaces are ASCII).
    size_t j = i + 1;
    while (j < n && s[j] != '<' && s[j] != '&' && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r' &&
           s[j] != '\f' && static_cast<unsigned char>(s[j]) != 0xC2)
      ++j;
    // Push byte by byte so each keeps its own Src.
    h.text(std::string_view(s).substr(i, 1), in.src[i]);
    for (size_t k = i + 1; k < j; ++k) h.out.push(s[k], in.src[k]);
    i = j;
  }
}

}  // namespace fulint::detail::mime
