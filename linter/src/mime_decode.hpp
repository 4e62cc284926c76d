// Private helpers of the .eml front end (eml.cpp): transfer decodings,
// charset conversion (ICU) and HTML-to-text, each keeping, for every output
// byte, the raw bytes it came from. Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fulint/document.hpp"

namespace fulint::detail::mime {

// The raw range [b, e) one decoded byte came from. All bytes of one decoded
// piece (a quoted-printable escape, a base64 quantum, a converted character,
// an HTML entity) carry the same Src, which is how the emitter groups them.
struct Src {
  uint32_t b = 0, e = 0;
  friend constexpr bool operator==(Src, Src) = default;
};

// Decoded bytes with their provenance: src.size() == bytes.size().
struct Buf {
  std::string bytes;
  std::vector<Src> src;
  void clear() {
    bytes.clear();
    src.clear();
  }
  void push(char c, Src s) {
    bytes.push_back(c);
    src.push_back(s);
  }
  void push(std::string_view s, Src sp) {
    bytes.append(s);
    for (size_t i = 0; i < s.size(); ++i) src.push_back(sp);
  }
  // Appends raw[b, e), each byte mapped onto itself.
  void push_raw(std::string_view raw, uint32_t b, uint32_t e) {
    bytes.append(raw.substr(b, e - b));
    size_t o = src.size();
    src.resize(o + (e - b));
    Src* d = src.data() + o;
    for (uint32_t i = b; i < e; ++i) *d++ = {i, i + 1};
  }
};

// ---- Content-Transfer-Encoding -------------------------------------------

// 7bit / 8bit / binary: raw[b, e) as is, byte for byte.
void decode_identity(std::string_view raw, uint32_t b, uint32_t e, Buf& out);
// Quoted-printable as Python's binascii.a2b_qp: soft line breaks ("=\r\n",
// "=\n") vanish, "=XX" (either case) is one byte mapped onto its 3 raw bytes,
// a malformed "=" is kept literally ("==" gives one "=").
void decode_qp(std::string_view raw, uint32_t b, uint32_t e, Buf& out);
// Base64, lenient: characters outside the alphabet are skipped, padding may be
// missing, decoding goes on after a padded quantum. Each decoded byte maps to
// the raw range of its 4-character quantum, from its first to its last
// character (which may sit on two lines). Returns false when the data had
// junk or a dangling character (for a note).
bool decode_base64(std::string_view raw, uint32_t b, uint32_t e, Buf& out);
// Base64 / Q of an RFC 2047 encoded word, without positions.
std::string decode_b_plain(std::string_view s);
std::string decode_q_plain(std::string_view s);

// ---- Charsets --------------------------------------------------------------

enum class CharsetKind : uint8_t { Utf8, Ascii, Icu, Unknown };

struct Charset {
  CharsetKind kind = CharsetKind::Ascii;
  void* conv = nullptr;  // UConverter*, owned by a thread-local cache
};

// Looks up a charset label (case-insensitive; ICU aliases). An empty label is
// US-ASCII. iso-8859-1 / latin1 are read as windows-1252 (its superset, as
// browsers do: mail labelled latin-1 routinely holds 0x80-0x9F quotes).
Charset lookup_charset(std::string_view label);

// Converts `in` to UTF-8 into `out`, every output character carrying the
// union of the Src of the input bytes it came from.
//  - Utf8 (and Unknown): valid UTF-8 passes through; each invalid byte becomes
//    U+FFFD and, when `invalid` is given, its raw range is recorded there
//    (adjacent ranges merged).
//  - Ascii: all 7-bit, or valid UTF-8: as Utf8; otherwise windows-1252.
//  - Icu: ucnv_toUnicode with offsets, so each character knows its source bytes.
void to_utf8(const Buf& in, Charset cs, Buf& out, std::vector<Span>* invalid);
// to_utf8 in place for bytes that are valid UTF-8 read as Utf8, Unknown or
// Ascii (the common case): only the Src of multi-byte characters that did
// not come byte for byte are merged. Returns false (and changes nothing)
// when `buf` needs a real conversion.
bool utf8_in_place(Buf& buf, Charset cs);
// Plain conversion (header words, parameter values): invalid input replaced.
std::string to_utf8_plain(std::string_view bytes, std::string_view label);
// Replaces invalid UTF-8 by U+FFFD.
std::string sanitize_utf8(std::string_view s);
// The same in place: valid text (the common case) is left as it is.
void sanitize_utf8_in_place(std::string& s);

// ---- HTML -------------------------------------------------------------------

// Text of an HTML document: head, style, script, title dropped, tags removed,
// entities decoded, runs of white space collapsed to one space; block
// elements (div, br, li, tr, h1-h6, blockquote, ...) end the line and p gives
// a blank line; lines inside blockquote start with "> " per level, so quoted
// replies read as quoted. Text bytes keep their Src, an entity's character
// maps to the whole entity, a synthesized line break to the tag that produced
// it, a synthesized "> " to the tag that started its line.
void html_to_text(const Buf& in, Buf& out);

}  // namespace fulint::detail::mime
