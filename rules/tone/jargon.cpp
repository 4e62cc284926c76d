// jargon: Buzzwords and clichés
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "jargon",
        .group = Group::Tone,
        .severity = Severity::Hint,
        .summary = "Buzzwords and clichés",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(jargon, Rule_)

}  // namespace fulint::rules
