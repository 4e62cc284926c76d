// UTF-8 decoding and character classes (Unicode properties come from ICU).
#pragma once

#include <cstdint>
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

// Character classes: ASCII inline, the rest through ICU.
bool is_letter_u(char32_t cp);
bool is_digit_u(char32_t cp);
bool is_upper_u(char32_t cp);
bool is_lower_u(char32_t cp);
bool is_space_u(char32_t cp);
inline bool is_letter(char32_t cp) { return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : is_letter_u(cp); }
inline bool is_digit(char32_t cp) { return cp < 0x80 ? (cp >= '0' && cp <= '9') : is_digit_u(cp); }
inline bool is_alnum(char32_t cp) { return is_letter(cp) || is_digit(cp); }
inline bool is_upper(char32_t cp) { return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : is_upper_u(cp); }
inline bool is_lower(char32_t cp) { return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : is_lower_u(cp); }
// Any white space, including NBSP and zero-width space.
inline bool is_space(char32_t cp) {
  return cp < 0x80 ? (cp == ' ' || (cp >= '\t' && cp <= '\r')) : is_space_u(cp);
}
bool is_emoji(char32_t cp);  // pictographic emoji and their modifiers
inline bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019'; }
inline bool is_hyphen(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2011'; }

// Case folding for comparisons (full Unicode, via ICU), curly apostrophes
// straightened.
std::string fold(std::string_view s);
// ASCII-only lower-casing, for keys that are known to be ASCII.
std::string ascii_lower(std::string_view s);
std::string_view trim(std::string_view s);
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

// Damerau-Levenshtein (optimal string alignment) distance between two
// strings, compared by code point, bailing out above max.
int edit_distance(std::string_view a, std::string_view b, int max);

}  // namespace fulint::text
