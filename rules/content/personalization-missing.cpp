// personalization-missing: Nothing refers to the conversation itself
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "personalization-missing",
        .group = Group::Content,
        .severity = Severity::Warning,
        .summary = "Nothing refers to the conversation itself",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(personalization_missing, Rule_)

}  // namespace fulint::rules
