#include "fulint/span.hpp"

#include <algorithm>

#include "fulint/text.hpp"

namespace fulint {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.reserve(text.size() / 40 + 1);
  starts_.push_back(0);
  const size_t n = text.size();
  text::LineBreakFinder breaks(text);
  for (size_t i = breaks.next(0); i < n; i = breaks.next(i)) {
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    starts_.push_back(static_cast<uint32_t>(i));
  }
}

uint32_t LineIndex::line_of(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<uint32_t>(it - starts_.begin()) - 1;
}

uint32_t LineIndex::line_start(uint32_t line) const {
  if (line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  return starts_[line];
}

uint32_t LineIndex::line_end(uint32_t line) const {
  if (line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] : static_cast<uint32_t>(text_.size());
  if (end > starts_[line] && line + 1 < starts_.size()) {
    if (text_[end - 1] == '\n') --end;
    if (end > starts_[line] && text_[end - 1] == '\r') --end;
  }
  return end;
}

std::string_view LineIndex::line_text(uint32_t line) const {
  uint32_t b = line_start(line);
  return text_.substr(b, line_end(line) - b);
}

LineCol LineIndex::position(uint32_t offset, Units units) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  uint32_t line = line_of(offset);
  uint32_t b = starts_[line];
  uint32_t e = std::min(offset, line_end(line));
  if (units == Units::Bytes) return {line, offset - b};
  uint32_t col = 0;
  size_t i = b;
  while (i < e) {
    // An ASCII run is one column per byte in either unit.
    size_t ascii = text::ascii_prefix(text_.substr(i, e - i));
    col += static_cast<uint32_t>(ascii);
    i += ascii;
    if (i >= e) break;
    size_t len = 1;
    char32_t cp = text::decode(text_, i, len);
    if (i + len > e) len = e - i;  // an offset inside a character counts up to it
    col += (units == Units::Utf16 && cp != text::kInvalid && cp >= 0x10000) ? 2 : 1;
    i += len;
  }
  return {line, col};
}

uint32_t LineIndex::offset(LineCol pos, Units units) const {
  if (pos.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t b = starts_[pos.line];
  uint32_t e = line_end(pos.line);
  if (units == Units::Bytes) return std::min(b + pos.column, e);
  uint32_t col = 0;
  size_t i = b;
  while (i < e && col < pos.column) {
    size_t len = 1;
    char32_t cp = text::decode(text_, i, len);
    uint32_t w = (units == Units::Utf16 && cp != text::kInvalid && cp >= 0x10000) ? 2 : 1;
    if (col + w > pos.column) break;  // inside a surrogate pair: stay before it
    col += w;
    i += len;
  }
  return static_cast<uint32_t>(std::min<size_t>(i, e));
}

void SourceMap::add_linear(uint32_t text_begin, uint32_t raw_begin, uint32_t len) {
  if (len == 0) return;
  if (!runs_.empty()) {
    Run& r = runs_.back();
    if (r.linear && r.text + r.text_len == text_begin && r.raw + r.raw_len == raw_begin) {
      r.text_len += len;
      r.raw_len += len;
      return;
    }
  }
  runs_.push_back({text_begin, len, raw_begin, len, true});
}

void SourceMap::add_opaque(uint32_t text_begin, uint32_t text_len, uint32_t raw_begin, uint32_t raw_len) {
  if (text_len == 0) return;
  if (text_len == raw_len && raw_len == 1) {  // a single byte is exact either way
    add_linear(text_begin, raw_begin, 1);
    return;
  }
  runs_.push_back({text_begin, text_len, raw_begin, raw_len, false});
}

const SourceMap::Run* SourceMap::find(uint32_t off) const {
  if (runs_.empty()) return nullptr;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), off, [](uint32_t o, const Run& r) { return o < r.text; });
  if (it == runs_.begin()) return &runs_.front();
  return &*(it - 1);
}

uint32_t SourceMap::to_raw_offset(uint32_t off) const {
  const Run* r = find(off);
  if (!r) return off;
  if (off >= r->text + r->text_len) return r->raw + r->raw_len;
  if (r->linear) return r->raw + (off - r->text);
  return r->raw;
}

Span SourceMap::to_raw(Span t) const {
  if (runs_.empty()) return t;
  uint32_t b = to_raw_offset(t.begin);
  if (t.empty()) return {b, b};
  const Run* r = find(t.end - 1);
  uint32_t last = t.end - 1;
  uint32_t e;
  if (last >= r->text + r->text_len) e = r->raw + r->raw_len;
  else if (r->linear) e = r->raw + (last - r->text) + 1;
  else e = r->raw + r->raw_len;
  if (e < b) e = b;
  return {b, e};
}

bool SourceMap::is_exact(Span t) const {
  if (runs_.empty()) return true;
  const Run* r = find(t.begin);
  if (!r || !r->linear) return false;
  if (t.begin < r->text) return false;
  return t.end <= r->text + r->text_len;
}

bool SourceMap::identity() const {
  return runs_.empty() || (runs_.size() == 1 && runs_[0].linear && runs_[0].text == runs_[0].raw);
}

}  // namespace fulint
