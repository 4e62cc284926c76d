// call-to-action-missing: The last paragraph neither invites a reply nor offers more information
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "call-to-action-missing",
        .group = Group::Content,
        .severity = Severity::Warning,
        .summary = "The last paragraph neither invites a reply nor offers more information",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(call_to_action_missing, Rule_)

}  // namespace fulint::rules
