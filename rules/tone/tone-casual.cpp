// tone-casual: Slang or chat-speak
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "tone-casual",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Slang or chat-speak",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(tone_casual, Rule_)

}  // namespace fulint::rules
