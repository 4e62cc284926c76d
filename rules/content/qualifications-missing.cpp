// qualifications-missing: Nothing restates a skill, experience or achievement
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "qualifications-missing",
        .group = Group::Content,
        .severity = Severity::Info,
        .summary = "Nothing restates a skill, experience or achievement",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(qualifications_missing, Rule_)

}  // namespace fulint::rules
