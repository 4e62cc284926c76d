// interest-missing: Nothing reaffirms interest or enthusiasm for the role or company
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "interest-missing",
        .group = Group::Content,
        .severity = Severity::Warning,
        .summary = "Nothing reaffirms interest or enthusiasm for the role or company",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(interest_missing, Rule_)

}  // namespace fulint::rules
