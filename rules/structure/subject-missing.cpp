// subject-missing: An .eml has no Subject
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "subject-missing",
        .group = Group::Structure,
        .severity = Severity::Error,
        .summary = "An .eml has no Subject",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(subject_missing, Rule_)

}  // namespace fulint::rules
