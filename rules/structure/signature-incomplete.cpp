// signature-incomplete: The signature has a name but no way to reach the writer
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "signature-incomplete",
        .group = Group::Structure,
        .severity = Severity::Info,
        .summary = "The signature has a name but no way to reach the writer",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(signature_incomplete, Rule_)

}  // namespace fulint::rules
