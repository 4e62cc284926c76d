// signature-missing: No name after the closing
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "signature-missing",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "No name after the closing",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(signature_missing, Rule_)

}  // namespace fulint::rules
