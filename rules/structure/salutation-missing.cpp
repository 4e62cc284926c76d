// salutation-missing: The body does not open with a greeting line
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salutation-missing",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "The body does not open with a greeting line",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salutation_missing, Rule_)

}  // namespace fulint::rules
