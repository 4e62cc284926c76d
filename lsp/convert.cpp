#include "lsp/convert.hpp"

#include <algorithm>

#include "fulint/text.hpp"

namespace fulint::lsp {

std::string_view to_string(Encoding e) { return e == Encoding::Utf8 ? "utf-8" : "utf-16"; }

Position to_position(const LineIndex& lines, uint32_t offset, Encoding enc) {
  LineCol lc = lines.position(offset, units_of(enc));
  return {lc.line, lc.column};
}

Range to_range(const LineIndex& lines, Span raw, Encoding enc) {
  return {to_position(lines, raw.begin, enc), to_position(lines, std::max(raw.begin, raw.end), enc)};
}

uint32_t to_offset(const LineIndex& lines, Position pos, Encoding enc) {
  return lines.offset({pos.line, pos.character}, units_of(enc));
}

namespace {

struct Located {
  uint32_t offset;
  bool clamped;
};

// The byte offset of a position, scanning from the start of the text. Line
// breaks are "\n", "\r\n" and a lone "\r", as in LSP and LineIndex.
Located locate(std::string_view t, Position pos, Encoding enc) {
  const size_t n = t.size();
  size_t i = 0;
  for (uint32_t line = 0; line < pos.line; ++line) {
    size_t nl = t.find_first_of("\r\n", i);
    if (nl == std::string_view::npos) return {static_cast<uint32_t>(n), true};
    i = nl + 1;
    if (t[nl] == '\r' && i < n && t[i] == '\n') ++i;
  }
  size_t e = t.find_first_of("\r\n", i);
  if (e == std::string_view::npos) e = n;
  if (enc == Encoding::Utf8) {
    if (i + pos.character > e) return {static_cast<uint32_t>(e), false};  // past the line end: allowed
    // A column inside a character stays before it (never split a character).
    size_t o = i + pos.character;
    while (o > i && o < e && (static_cast<unsigned char>(t[o]) & 0xC0) == 0x80) --o;
    return {static_cast<uint32_t>(o), false};
  }
  uint32_t col = 0;
  while (i < e && col < pos.character) {
    size_t len = 1;
    char32_t cp = text::decode(t, i, len);
    if (i + len > e) len = e - i;
    uint32_t w = (cp != text::kInvalid && cp >= 0x10000) ? 2 : 1;
    if (col + w > pos.character) break;  // inside a surrogate pair: stay before it
    col += w;
    i += len;
  }
  return {static_cast<uint32_t>(i), false};  // a column past the line end is allowed
}

}  // namespace

uint32_t offset_in(std::string_view text, Position pos, Encoding enc) { return locate(text, pos, enc).offset; }

ChangeResult apply_change(std::string& text, Range range, std::string_view replacement, Encoding enc) {
  Located b = locate(text, range.start, enc);
  Located e = locate(text, range.end, enc);
  ChangeResult r;
  r.clamped = b.clamped || e.clamped;
  if (e.offset < b.offset) {
    r.inverted = true;
    e.offset = b.offset;
  }
  text.replace(b.offset, e.offset - b.offset, replacement);
  r.begin = b.offset;
  r.end = b.offset + static_cast<uint32_t>(replacement.size());
  return r;
}

bool ends_in_letter(std::string_view s) {
  if (s.empty()) return false;
  size_t len = 0;
  char32_t cp = text::decode_before(s, s.size(), len);
  return cp != text::kInvalid && text::is_letter(cp);
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size() || text::ascii_lower(uri.substr(0, kScheme.size())) != kScheme) return std::nullopt;
  std::string_view rest = uri.substr(kScheme.size());
  // file://host/path: only an empty host or localhost is a local file.
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view host = rest.substr(0, slash);
  if (!host.empty() && text::ascii_lower(host) != "localhost") return std::nullopt;
  rest = rest.substr(slash);
  size_t q = rest.find_first_of("?#");
  if (q != std::string_view::npos) rest = rest.substr(0, q);
  std::string out;
  out.reserve(rest.size());
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 && hex_value(rest[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

std::string path_to_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                c == '.' || c == '_' || c == '~';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool repair_utf8(std::string& s) {
  if (text::valid_utf8(s)) return false;
  std::string out;
  out.reserve(s.size() + 16);
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    char32_t cp = text::decode(s, i, len);
    if (cp == text::kInvalid) {
      out += "\xEF\xBF\xBD";
      i += 1;
    } else {
      out.append(s, i, len);
      i += len;
    }
  }
  s = std::move(out);
  return true;
}

}  // namespace fulint::lsp
