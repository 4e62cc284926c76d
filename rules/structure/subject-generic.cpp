// subject-generic: The subject does not name the role or the interview
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "subject-generic",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "The subject does not name the role or the interview",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(subject_generic, Rule_)

}  // namespace fulint::rules
