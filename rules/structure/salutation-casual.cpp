// salutation-casual: The greeting is casual
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salutation-casual",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "The greeting is casual",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salutation_casual, Rule_)

}  // namespace fulint::rules
