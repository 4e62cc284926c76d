// shouting: A word of 4+ letters in ALL CAPS that is not a known acronym or in the vocabulary
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "shouting",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "A word of 4+ letters in ALL CAPS that is not a known acronym or in the vocabulary",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(shouting, Rule_)

}  // namespace fulint::rules
