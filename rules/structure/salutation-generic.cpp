// salutation-generic: The greeting names nobody
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salutation-generic",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "The greeting names nobody",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salutation_generic, Rule_)

}  // namespace fulint::rules
