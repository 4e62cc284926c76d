// exclamation-overuse: More than one ! in the author's text, or !! anywhere in it
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "exclamation-overuse",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "More than one ! in the author's text, or !! anywhere in it",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(exclamation_overuse, Rule_)

}  // namespace fulint::rules
