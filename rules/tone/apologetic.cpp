// apologetic: Self-undermining openers
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "apologetic",
        .group = Group::Tone,
        .severity = Severity::Hint,
        .summary = "Self-undermining openers",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(apologetic, Rule_)

}  // namespace fulint::rules
