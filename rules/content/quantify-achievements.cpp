// quantify-achievements: Qualification sentences exist but none carries a number, percentage or amount
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "quantify-achievements",
        .group = Group::Content,
        .severity = Severity::Hint,
        .summary = "Qualification sentences exist but none carries a number, percentage or amount",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(quantify_achievements, Rule_)

}  // namespace fulint::rules
