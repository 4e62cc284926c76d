// Byte ranges, the line index of a file, and the map from analysis text to raw bytes.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace fulint {

// A half-open byte range [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return end <= begin; }
  constexpr bool contains(uint32_t off) const { return off >= begin && off < end; }
  constexpr bool contains(Span s) const { return s.begin >= begin && s.end <= end; }
  constexpr bool overlaps(Span s) const { return s.begin < end && begin < s.end; }
  friend constexpr bool operator==(Span, Span) = default;
};

inline std::string_view slice(std::string_view s, Span sp) {
  if (sp.begin > s.size()) return {};
  return s.substr(sp.begin, std::min<size_t>(sp.end, s.size()) - sp.begin);
}

// How columns are counted.
enum class Units : uint8_t { Bytes, CodePoints, Utf16 };

// A 0-based line and a 0-based column in the chosen units.
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
  friend constexpr bool operator==(LineCol, LineCol) = default;
};

// Line starts of a byte buffer, built once. "\n", "\r\n" and a lone "\r" end
// a line (as in LSP). Invalid UTF-8 bytes count as one code point / one UTF-16
// unit each, so every byte offset has a position and back.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  uint32_t line_of(uint32_t offset) const;
  uint32_t line_start(uint32_t line) const;
  // End of the line's content, before its line break.
  uint32_t line_end(uint32_t line) const;
  std::string_view line_text(uint32_t line) const;

  LineCol position(uint32_t offset, Units units) const;
  // The byte offset of a position; clamped to the line's content (LSP rule)
  // and to the end of the text.
  uint32_t offset(LineCol pos, Units units) const;

  std::string_view text() const { return text_; }
  // Points the index at a copy of the same text (after the owner moved).
  void rebind(std::string_view text) { text_ = text; }

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

// Maps offsets of a document's analysis text (decoded, UTF-8) to offsets of
// the raw file. Built by the parser as a list of runs: a linear run maps byte
// for byte (plain text), an opaque run maps a whole decoded piece to the raw
// bytes it came from (an encoded word, a quoted-printable escape, a base64
// quantum, a converted character, an HTML entity).
class SourceMap {
 public:
  void add_linear(uint32_t text_begin, uint32_t raw_begin, uint32_t len);
  void add_opaque(uint32_t text_begin, uint32_t text_len, uint32_t raw_begin, uint32_t raw_len);

  // Raw range of a text range. The begin maps to the start of the raw bytes of
  // its first text byte, the end to the end of the raw bytes of its last one.
  Span to_raw(Span text) const;
  uint32_t to_raw_offset(uint32_t text_offset) const;
  // True when the text range maps byte for byte onto raw bytes, so an edit of
  // it can be applied to the raw file as it is.
  bool is_exact(Span text) const;
  bool identity() const;
  void clear() { runs_.clear(); }

 private:
  struct Run {
    uint32_t text, text_len, raw, raw_len;
    bool linear;
  };
  const Run* find(uint32_t text_offset) const;
  std::vector<Run> runs_;
};

}  // namespace fulint
