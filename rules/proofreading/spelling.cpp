// spelling: A word of the author's text is in none of the dictionaries
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "spelling",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "A word of the author's text is in none of the dictionaries",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(spelling, Rule_)

}  // namespace fulint::rules
