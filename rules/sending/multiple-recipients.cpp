// multiple-recipients: To
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "multiple-recipients",
        .group = Group::Sending,
        .severity = Severity::Warning,
        .summary = "To",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(multiple_recipients, Rule_)

}  // namespace fulint::rules
