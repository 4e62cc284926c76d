// capitalization: A sentence that starts in lower case, or the pronoun \"i\" in lower case, with a quick fix
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "capitalization",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "A sentence that starts in lower case, or the pronoun \"i\" in lower case, with a quick fix",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(capitalization, Rule_)

}  // namespace fulint::rules
