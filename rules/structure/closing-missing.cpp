// closing-missing: No sign-off line
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "closing-missing",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "No sign-off line",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(closing_missing, Rule_)

}  // namespace fulint::rules
