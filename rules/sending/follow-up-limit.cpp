// follow-up-limit: The draft is a third or later follow-up
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "follow-up-limit",
        .group = Group::Sending,
        .severity = Severity::Warning,
        .summary = "The draft is a third or later follow-up",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(follow_up_limit, Rule_)

}  // namespace fulint::rules
