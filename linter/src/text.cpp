#include "fulint/text.hpp"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <vector>

namespace fulint::text {

char32_t decode_multibyte(std::string_view s, size_t i, size_t& len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  len = 1;
  if (c < 0x80) return c;
  size_t need;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) { need = 1; cp = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { need = 2; cp = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { need = 3; cp = c & 0x07; min = 0x10000; }
  else return kInvalid;
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= n) return kInvalid;
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  len = need + 1;
  return cp;
}

char32_t decode_before(std::string_view s, size_t i, size_t& len) {
  len = 0;
  if (i == 0) return kInvalid;
  size_t start = i - 1;
  size_t back = 0;
  while (start > 0 && back < 3 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
    ++back;
  }
  size_t l = 1;
  char32_t cp = decode(s, start, l);
  if (start + l == i) {
    len = l;
    return cp;
  }
  len = 1;
  return decode(s, i - 1, l) == kInvalid ? kInvalid : static_cast<unsigned char>(s[i - 1]);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    i += ascii_prefix(s.substr(i));
    if (i >= n) break;
    size_t len;
    if (decode(s, i, len) == kInvalid) return false;
    i += len;
  }
  return true;
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t ascii = ascii_prefix(s.substr(i));  // one code point per byte
    n += ascii;
    i += ascii;
    if (i >= s.size()) break;
    size_t len;
    decode(s, i, len);
    i += len;
    ++n;
  }
  return n;
}

bool is_letter_u(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp == kInvalid) return false;
  // Letters, and combining marks so that decomposed accents stay inside a word.
  return u_isalpha(static_cast<UChar32>(cp)) || u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

bool is_digit_u(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  if (cp == kInvalid) return false;
  return u_isdigit(static_cast<UChar32>(cp));
}

bool is_upper_u(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp == kInvalid) return false;
  return u_isUUppercase(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool is_lower_u(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp == kInvalid) return false;
  return u_isULowercase(static_cast<UChar32>(cp));
}

bool is_space_u(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  if (cp == kInvalid) return false;
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0x200B || cp == 0xFEFF;
}

bool is_emoji(char32_t cp) {
  if (cp < 0x2000 || cp == kInvalid) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EMOJI_PRESENTATION);
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    // ASCII runs are copied and lower-cased in place, without decoding.
    if (size_t ascii = ascii_prefix(s.substr(i))) {
      size_t o = out.size();
      out.append(s, i, ascii);
      for (size_t k = o; k < out.size(); ++k)
        if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] + 32);
      i += ascii;
      continue;
    }
    size_t len;
    char32_t cp = decode(s, i, len);
    if (cp == kInvalid) {
      out.append(s.substr(i, len));
    } else if (cp == U'\u2019' || cp == U'\u2018') {
      out.push_back('\'');
    } else {
      append_utf8(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)));
    }
    i += len;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

static std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len;
    out.push_back(decode(s, i, len));
    i += len;
  }
  return out;
}

int edit_distance(std::string_view as, std::string_view bs, int max) {
  std::u32string a = to_u32(as), b = to_u32(bs);
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max) return max + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace fulint::text
