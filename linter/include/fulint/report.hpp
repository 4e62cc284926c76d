// Output formats. A file's output is rendered on its own (on a worker
// thread); a Writer puts the pieces together in a stable order.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "fulint/document.hpp"
#include "fulint/linter.hpp"

namespace fulint {

enum class OutputFormat { Text, Json, Sarif, Github };

struct TextStyle {
  bool color = false;    // ANSI colours, source excerpts and ✓/✗ marks (a terminal)
  bool summary = true;   // the per-draft summary card
};

struct FileResult {
  std::string_view path;  // as the user gave it
  const Document& doc;
  const LintResult& result;
};

// Counts for the closing line and the exit status.
struct Totals {
  size_t files = 0, clean = 0, errors = 0, warnings = 0, infos = 0, hints = 0, fixed = 0;
  void add(const LintResult& r);
};

// 1-based line and code-point column of a raw offset, end exclusive.
struct Range1 {
  uint32_t line, column, end_line, end_column;
};
Range1 range1(const Document& doc, Span raw);

std::string render_file(OutputFormat f, const FileResult& r, const TextStyle& style);

class Writer {
 public:
  Writer(OutputFormat f, std::ostream& out, std::ostream& err, TextStyle style);
  void begin();
  void file(const std::string& rendered);  // in order
  void error(std::string_view path, std::string_view message);
  void finish(const Totals& totals);

 private:
  OutputFormat format_;
  std::ostream& out_;
  std::ostream& err_;
  TextStyle style_;
  size_t files_ = 0;
  std::vector<std::pair<std::string, std::string>> errors_;
};

// `fulint --parse`: the parsed draft as JSON.
std::string parse_json(const Document& doc);
// `fulint --list-rules` (text table or JSON) and `--explain`.
std::string list_rules(bool json, bool color);
std::string explain_rule(std::string_view id);

std::string_view version();

}  // namespace fulint
