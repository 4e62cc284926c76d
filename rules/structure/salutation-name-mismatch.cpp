// salutation-name-mismatch: The greeting names someone who is none of the recipient names
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salutation-name-mismatch",
        .group = Group::Structure,
        .severity = Severity::Error,
        .summary = "The greeting names someone who is none of the recipient names",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salutation_name_mismatch, Rule_)

}  // namespace fulint::rules
