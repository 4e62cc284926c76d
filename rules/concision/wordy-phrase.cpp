// wordy-phrase: A phrase with a shorter equal
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "wordy-phrase",
        .group = Group::Concision,
        .severity = Severity::Hint,
        .summary = "A phrase with a shorter equal",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(wordy_phrase, Rule_)

}  // namespace fulint::rules
