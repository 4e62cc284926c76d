// send-timing: The interview time is known
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "send-timing",
        .group = Group::Sending,
        .severity = Severity::Warning,
        .summary = "The interview time is known",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(send_timing, Rule_)

}  // namespace fulint::rules
