// What a rule reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fulint/span.hpp"

namespace fulint {

enum class Severity : uint8_t { Error = 1, Warning = 2, Info = 3, Hint = 4 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

// A replacement of raw file bytes.
struct Edit {
  Span raw;
  std::string text;
};

enum class FixSafety : uint8_t {
  Safe,    // applied by --fix and "fix all": the meaning cannot change
  Unsafe,  // offered in the editor only (a guess, a rewording)
};

struct Fix {
  std::string title;
  FixSafety safety = FixSafety::Safe;
  std::vector<Edit> edits;
};

// A second place a diagnostic involves (e.g. the header a greeting contradicts).
struct Related {
  Span raw;
  std::string message;
};

struct Diagnostic {
  std::string_view rule;  // the rule id (static storage)
  Severity severity = Severity::Warning;
  std::string message;
  Span raw;  // in the raw file
  std::vector<Fix> fixes;
  std::vector<Related> related;
  // The rule can compute further fixes on request (spelling suggestions),
  // through Rule::deferred_fixes.
  bool deferred_fixes = false;
};

}  // namespace fulint
