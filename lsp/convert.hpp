// Conversions at the LSP edge: positions (UTF-16 or UTF-8 columns) to and from
// byte offsets, incremental text edits, file URIs, UTF-8 repair. The core
// speaks byte offsets only; nothing else in the server counts columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fulint/span.hpp"

namespace fulint::lsp {

// The negotiated position encoding (LSP 3.17 `positionEncoding`).
enum class Encoding : uint8_t { Utf16, Utf8 };

std::string_view to_string(Encoding e);
inline Units units_of(Encoding e) { return e == Encoding::Utf8 ? Units::Bytes : Units::Utf16; }

// An LSP position: 0-based line, 0-based column in the negotiated units.
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend constexpr bool operator==(Position, Position) = default;
};

struct Range {
  Position start, end;
  friend constexpr bool operator==(Range, Range) = default;
};

// Through a LineIndex built over the text (the document's own index).
Position to_position(const LineIndex& lines, uint32_t offset, Encoding enc);
Range to_range(const LineIndex& lines, Span raw, Encoding enc);
// Clamped as the LSP specification says: a column past the end of its line
// means the end of the line (before its line break), a line past the end of
// the document means the end of the document; a position inside a surrogate
// pair (UTF-16) or inside a character (UTF-8) stays before that character.
uint32_t to_offset(const LineIndex& lines, Position pos, Encoding enc);

// The same without an index, for one-off conversions on text that is about to
// change (an incremental edit): scans the text up to the position.
uint32_t offset_in(std::string_view text, Position pos, Encoding enc);

// What an incremental change did to a document.
struct ChangeResult {
  uint32_t begin = 0;        // byte offset where the new text starts
  uint32_t end = 0;          // byte offset where it ends (begin + inserted bytes)
  bool clamped = false;      // a line was past the end of the document
  bool inverted = false;     // the range ended before it started (treated as empty at the start)
};

// Replaces `range` (clamped, see to_offset) in `text` with `replacement`.
ChangeResult apply_change(std::string& text, Range range, std::string_view replacement, Encoding enc);

// Whether `text` ends with a letter (the writer is in the middle of a word).
bool ends_in_letter(std::string_view text);

// file:///home/a%20b/x.eml -> /home/a b/x.eml; nullopt for other schemes.
std::optional<std::string> uri_to_path(std::string_view uri);
// /home/a b/x.eml -> file:///home/a%20b/x.eml
std::string path_to_uri(std::string_view path);

// Replaces each invalid UTF-8 byte with U+FFFD. Returns whether anything changed.
bool repair_utf8(std::string& s);

}  // namespace fulint::lsp
