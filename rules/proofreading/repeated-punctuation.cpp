// repeated-punctuation: ,, ..
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "repeated-punctuation",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = ",, ..",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(repeated_punctuation, Rule_)

}  // namespace fulint::rules
