// subject-length: the subject is too long to read at a glance in an inbox.
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {{"max_chars", OptionType::Int, "60", "Longest subject, in characters"},
                                              {"max_words", OptionType::Int, "10", "Longest subject, in words"}};
    static const RuleMeta m{
        .id = "subject-length",
        .group = Group::Structure,
        .severity = Severity::Info,
        .summary = "The subject is longer than 60 characters or 10 words",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Part* sp = doc.subject();
    if (!sp) return;
    std::string_view s = doc.str(sp->span);
    int64_t chars = static_cast<int64_t>(text::count_code_points(s));
    int64_t words = sp->word_end - sp->word_begin;
    int64_t max_chars = ctx.opt_int("max_chars"), max_words = ctx.opt_int("max_words");
    std::string what;
    if (chars > max_chars) what = std::to_string(chars) + " characters (over " + std::to_string(max_chars) + ")";
    if (words > max_words) {
      if (!what.empty()) what += " and ";
      what += std::to_string(words) + " words (over " + std::to_string(max_words) + ")";
    }
    if (what.empty()) return;
    out.report(sp->span, "Subject is " + what +
                             "; keep it short enough to read in an inbox, e.g. ‘Thank you – <role> interview’");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(subject_length, Rule_)

}  // namespace fulint::rules
