// UTF-8 decoding and character classes (Unicode properties come from ICU).
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace fulint::text {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one code point at s[i]; sets len to the bytes consumed (1 for an
// invalid byte, which yields kInvalid). ASCII is decoded inline.
char32_t decode_multibyte(std::string_view s, size_t i, size_t& len);
inline char32_t decode(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  return decode_multibyte(s, i, len);
}
// The code point that ends just before s[i]; len is its byte length.
char32_t decode_before(std::string_view s, size_t i, size_t& len);
void append_utf8(std::string& out, char32_t cp);
bool valid_utf8(std::string_view s);
// Number of code points (an invalid byte counts as one).
size_t count_code_points(std::string_view s);

// Length of the leading run of ASCII bytes of s, read 8 bytes at a time:
// fast paths skip plain text with it before decoding anything.
inline size_t ascii_prefix(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) break;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}
// Whether no byte of s has its top bit set. Words and names are short: they
// are read as one or two overlapping loads rather than byte by byte.
inline bool all_ascii(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t bits = 0;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      uint64_t v;
      std::memcpy(&v, p + i, 8);
      bits |= v;
    }
    uint64_t v;
    std::memcpy(&v, p + n - 8, 8);
    bits |= v;
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    bits = a | b;
  } else {
    for (size_t i = 0; i < n; ++i) bits |= static_cast<unsigned char>(p[i]);
  }
  return (bits & 0x8080808080808080ull) == 0;
}

// Classes of the ASCII characters by table, so that a scanner can classify a
// byte with one load (bytes from 0x80 up have no class: decode them).
enum AsciiClass : uint8_t {
  kAsciiUpper = 1,
  kAsciiLower = 2,
  kAsciiDigit = 4,
  kAsciiSpace = 8,  // space, \t \n \v \f \r
  kAsciiLetter = kAsciiUpper | kAsciiLower,
  kAsciiAlnum = kAsciiLetter | kAsciiDigit,
};
inline constexpr std::array<uint8_t, 256> kAsciiClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kAsciiUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kAsciiLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kAsciiDigit;
  for (int c = '\t'; c <= '\r'; ++c) t[c] = kAsciiSpace;
  t[' '] = kAsciiSpace;
  return t;
}();

// Eight bytes in one 64-bit integer, first byte lowest: a few integer
// operations test all of them at once.
namespace swar {
inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHigh = kOnes * 0x80;
// For bytes below 0x80 (v & kHigh == 0), whose sums never carry from one byte
// into the next: the bytes >= c (1 <= c <= 0x80), marked by their high bit.
constexpr uint64_t at_least(uint64_t v, unsigned c) { return (v + kOnes * (0x80 - c)) & kHigh; }
}  // namespace swar

// Where a run of ASCII letters and digits (ascii_alnum_end) or of lower-case
// ASCII letters (ascii_lower_end) that starts at i ends, at most at `end`.
// Eight bytes at a time, so that a scanner pays no mispredicted branch at the
// end of each word, which is where a byte loop would.
namespace detail {
template <bool kLowerOnly>
inline size_t ascii_run_end(std::string_view s, size_t i, size_t end) {
  using namespace swar;
  if constexpr (std::endian::native == std::endian::little) {  // the first byte is the lowest
    while (i + 8 <= end) {
      uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      const uint64_t x = v & ~kHigh;  // bytes from 0x80 are cleared of the mark below
      const uint64_t l = kLowerOnly ? x : x | (kOnes * 0x20);
      uint64_t in = at_least(l, 'a') & ~at_least(l, 'z' + 1);
      if (!kLowerOnly) in |= at_least(x, '0') & ~at_least(x, '9' + 1);
      const uint64_t stop = (~in & kHigh) | (v & kHigh);
      if (stop) return i + (static_cast<size_t>(std::countr_zero(stop)) >> 3);
      i += 8;
    }
  }
  const uint8_t want = kLowerOnly ? kAsciiLower : kAsciiAlnum;
  while (i < end && (kLowerOnly ? kAsciiClass[static_cast<unsigned char>(s[i])] == want
                                : (kAsciiClass[static_cast<unsigned char>(s[i])] & want) != 0))
    ++i;
  return i;
}
}  // namespace detail
inline size_t ascii_alnum_end(std::string_view s, size_t i, size_t end) { return detail::ascii_run_end<false>(s, i, end); }
inline size_t ascii_lower_end(std::string_view s, size_t i, size_t end) { return detail::ascii_run_end<true>(s, i, end); }

// Character classes: ASCII by table, the rest through ICU.
bool is_letter_u(char32_t cp);
bool is_digit_u(char32_t cp);
bool is_upper_u(char32_t cp);
bool is_lower_u(char32_t cp);
bool is_space_u(char32_t cp);
inline bool is_letter(char32_t cp) { return cp < 0x80 ? (kAsciiClass[cp] & kAsciiLetter) != 0 : is_letter_u(cp); }
inline bool is_digit(char32_t cp) { return cp < 0x80 ? (kAsciiClass[cp] & kAsciiDigit) != 0 : is_digit_u(cp); }
inline bool is_alnum(char32_t cp) {
  return cp < 0x80 ? (kAsciiClass[cp] & kAsciiAlnum) != 0 : is_letter_u(cp) || is_digit_u(cp);
}
inline bool is_upper(char32_t cp) { return cp < 0x80 ? (kAsciiClass[cp] & kAsciiUpper) != 0 : is_upper_u(cp); }
inline bool is_lower(char32_t cp) { return cp < 0x80 ? (kAsciiClass[cp] & kAsciiLower) != 0 : is_lower_u(cp); }
// Any white space, including NBSP and zero-width space.
inline bool is_space(char32_t cp) { return cp < 0x80 ? (kAsciiClass[cp] & kAsciiSpace) != 0 : is_space_u(cp); }
bool is_emoji(char32_t cp);  // pictographic emoji and their modifiers
inline bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019'; }
inline bool is_hyphen(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2011'; }

// Case folding for comparisons (full Unicode, via ICU), curly apostrophes
// straightened.
std::string fold(std::string_view s);
// ASCII-only lower-casing, for keys that are known to be ASCII.
std::string ascii_lower(std::string_view s);
// ASCII white space (space, tab, CR, LF) dropped at both ends.
inline std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (b < e && blank(s[b])) ++b;
  while (e > b && blank(s[e - 1])) --e;
  return std::string_view(s.data() + b, e - b);
}
// Runs of white space as one space, leading and trailing white space dropped.
std::string collapse_spaces(std::string_view s);
// ASCII case-insensitive comparisons.
inline bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}
inline bool istarts_with_ascii(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals_ascii(s.substr(0, prefix.size()), prefix);
}

// Finds the line breaks ('\n' or '\r') of a text from left to right with
// memchr, remembering the next of each kind: the text is scanned about once
// whatever its line endings (LF, CRLF, lone CR).
class LineBreakFinder {
 public:
  explicit LineBreakFinder(std::string_view s) : s_(s) {}
  // The first '\n' or '\r' at or after `from`, or s.size() when none.
  size_t next(size_t from) {
    if (lf_ == kUnknown || lf_ < from) lf_ = find(from, '\n');
    if (cr_ == kUnknown || cr_ < from) cr_ = find(from, '\r');
    return lf_ < cr_ ? lf_ : cr_;
  }

 private:
  static constexpr size_t kUnknown = static_cast<size_t>(-1);
  size_t find(size_t from, char c) const {
    if (from >= s_.size()) return s_.size();
    const void* p = std::memchr(s_.data() + from, c, s_.size() - from);
    return p ? static_cast<size_t>(static_cast<const char*>(p) - s_.data()) : s_.size();
  }
  std::string_view s_;
  size_t lf_ = kUnknown, cr_ = kUnknown;
};

// Damerau-Levenshtein (optimal string alignment) distance between two
// strings, compared by code point, bailing out above max.
int edit_distance(std::string_view a, std::string_view b, int max);

}  // namespace fulint::text
