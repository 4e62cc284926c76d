// salary-benefits: A sentence raises salary, pay, compensation, benefits, bonus, vacation/PTO,…
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salary-benefits",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "A sentence raises salary, pay, compensation, benefits, bonus, vacation/PTO,…",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salary_benefits, Rule_)

}  // namespace fulint::rules
