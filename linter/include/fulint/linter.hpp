// Runs the rules over a parsed draft.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fulint/config.hpp"
#include "fulint/diagnostic.hpp"
#include "fulint/document.hpp"

namespace fulint {

class Speller;

// Which of the six key elements are present.
struct Summary {
  bool gratitude = false, personalization = false, qualifications = false, interest = false,
       call_to_action = false, proofread = false;
  int present() const;
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;  // sorted by position, then rule
  Summary summary;
  Facts facts;
};

struct LintEnv {
  std::optional<int64_t> now;  // --now; else the clock
  std::optional<int64_t> interview_date;  // --interview-date (after the header, before the config)
  const Speller* speller = nullptr;  // null = spelling rule skipped
};

Facts compute_facts(const Document& doc, const Config& cfg, const LintEnv& env);
LintResult lint(const Document& doc, const Config& cfg, const LintEnv& env);

// Fixes offered on request (spelling suggestions) for one diagnostic.
std::vector<Fix> deferred_fixes(const Document& doc, const Config& cfg, const LintEnv& env, const Diagnostic& d);

// Applies the safe fixes (non-overlapping, first come first served) to raw
// bytes. Returns the new text and how many fixes were applied.
std::string apply_fixes(std::string_view raw, const std::vector<Diagnostic>& diags, FixSafety max_safety,
                        size_t* applied = nullptr);

}  // namespace fulint
