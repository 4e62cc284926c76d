// check-in-too-long: a check-in's body has more than 120 words.
#include "rules/common.hpp"
#include "rules/concision/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {
        {"max_words", OptionType::Int, "120", "Most words a check-in's body may have (a URL counts as one word)"},
    };
    static const RuleMeta m{
        .id = "check-in-too-long",
        .group = Group::Concision,
        .severity = Severity::Warning,
        .summary = "A check-in on an earlier message runs over 120 words: keep it shorter than the first note",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    if (!ctx.facts.check_in) return;
    const Document& doc = ctx.doc;
    const int64_t max_words = ctx.opt_int("max_words");
    if (max_words < 0) return;
    const concision::BodyCounts c = concision::body_counts(doc);
    if (c.words <= max_words) return;
    int64_t w = concision::nth_body_word(doc, static_cast<uint32_t>(max_words));
    if (w < 0) return;
    out.report(concision::sentence_of_word(doc, static_cast<uint32_t>(w)),
               "This check-in has " + std::to_string(c.words) + " words (limit " + std::to_string(max_words) +
                   "); keep it to a reminder of the interview, a polite question about the timeline and thanks");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(check_in_too_long, Rule_)

}  // namespace fulint::rules
