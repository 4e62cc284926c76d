// check-in-too-long: A check-in's body has more than 120 words
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "check-in-too-long",
        .group = Group::Concision,
        .severity = Severity::Warning,
        .summary = "A check-in's body has more than 120 words",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(check_in_too_long, Rule_)

}  // namespace fulint::rules
