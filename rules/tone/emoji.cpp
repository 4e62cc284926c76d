// emoji: Any emoji or text emoticon
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "emoji",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Any emoji or text emoticon",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(emoji, Rule_)

}  // namespace fulint::rules
