// The rule interface: metadata, options, the context a rule reads and the
// reporter it writes to. Rules are stateless const singletons, safe to run on
// many threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "fulint/diagnostic.hpp"
#include "fulint/document.hpp"
#include "fulint/phrases.hpp"

namespace fulint {

enum class Group : uint8_t { Structure, Content, Tone, Concision, Proofreading, Sending };
std::string_view to_string(Group g);

enum class OptionType : uint8_t { Bool, Int, Number, String, StringList };
std::string_view to_string(OptionType t);

struct OptionSpec {
  std::string_view name;
  OptionType type;
  std::string_view default_json;  // the default as JSON text: "250", "true", "[\"phone\"]"
  std::string_view help;
  // For StringList/String: the accepted values ("" = any).
  std::span<const std::string_view> choices = {};
};

using OptionValue = std::variant<bool, int64_t, double, std::string, std::vector<std::string>>;

// Which fixes a rule can offer.
enum class Fixability : uint8_t { None, Safe, Unsafe, Mixed };
std::string_view to_string(Fixability f);

// The key elements of the summary card.
enum class Element : uint8_t { Gratitude, Personalization, Qualifications, Interest, CallToAction };

struct RuleMeta {
  std::string_view id;
  Group group;
  Severity severity;
  std::string_view summary;  // one line
  std::span<const OptionSpec> options = {};
  Fixability fix = Fixability::None;
  std::optional<Element> element = std::nullopt;  // the rule decides this summary element
};

// Per-rule settings resolved from defaults, config files and the command line.
struct RuleSettings {
  bool enabled = true;
  Severity severity = Severity::Warning;
  std::vector<OptionValue> options;  // parallel to RuleMeta::options
};

// What is known about the draft beyond its text: recipients, company, times.
struct Facts {
  std::vector<std::string> recipient_names;  // full names ("Priya Patel")
  std::vector<std::string> recipient_tokens; // single names ("Priya", "Patel")
  std::vector<std::string> sender_tokens;    // the writer's names
  std::string company;                       // "" when unknown
  std::vector<std::string> company_tokens;
  std::optional<int64_t> message_time;       // Unix seconds
  std::optional<int64_t> interview_time;     // Unix seconds
  std::string interview_time_source;         // "X-Interview-Date header", "--interview-date", "config"
  bool check_in = false;
  int follow_up_number = 0;                  // 0 = not given
  std::vector<std::string> user_words;       // from config, folded
};

class Speller;  // fulint/spell.hpp

struct Environment;

class Context {
 public:
  Context(const Document& doc, const Facts& facts, const PhraseHits& hits, const RuleMeta& meta,
          const RuleSettings& settings, const Speller* speller)
      : doc(doc), facts(facts), speller(speller), hits_(hits), meta_(meta), settings_(settings) {}

  const Document& doc;
  const Facts& facts;

  // Matches of a phrase family (rules/data/<family>.txt) in the author's text.
  std::span<const PhraseMatch> phrases(PhraseFamilyId family) const { return hits_.of(family); }

  bool opt_bool(std::string_view name) const;
  int64_t opt_int(std::string_view name) const;
  double opt_number(std::string_view name) const;
  const std::string& opt_string(std::string_view name) const;
  const std::vector<std::string>& opt_list(std::string_view name) const;

  const Speller* speller;  // null when spelling is not loaded

 private:
  const OptionValue& opt(std::string_view name) const;
  const PhraseHits& hits_;
  const RuleMeta& meta_;
  const RuleSettings& settings_;
};

// Collects a rule's diagnostics, filling in its id and severity and mapping
// text ranges to raw ones.
class Reporter {
 public:
  Reporter(const Document& doc, std::string_view rule, Severity severity, std::vector<Diagnostic>& out)
      : doc_(doc), rule_(rule), severity_(severity), out_(out) {}

  Diagnostic& report(Span text, std::string message);
  Diagnostic& report_raw(Span raw, std::string message);
  // Adds a fix made of text-range replacements. Returns false (and adds
  // nothing) when a range does not map byte for byte onto the raw file, e.g.
  // inside a quoted-printable body.
  bool add_fix(Diagnostic& d, std::string title, FixSafety safety,
               std::initializer_list<std::pair<Span, std::string_view>> edits);
  void set_severity(Severity s) { severity_ = s; }
  Severity severity() const { return severity_; }

 private:
  const Document& doc_;
  std::string_view rule_;
  Severity severity_;
  std::vector<Diagnostic>& out_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(const Context& ctx, Reporter& out) const = 0;
  // For a rule with meta().element: whether the element is present. Called
  // for the summary card even when the rule is off.
  virtual bool present(const Context&) const { return true; }
  // Fixes computed on request only (spelling suggestions).
  virtual std::vector<Fix> deferred_fixes(const Context&, const Diagnostic&) const { return {}; }
};

}  // namespace fulint
