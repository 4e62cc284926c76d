// entitlement: Presumes the outcome
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "entitlement",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Presumes the outcome",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(entitlement, Rule_)

}  // namespace fulint::rules
