// punctuation-spacing: Space before , .
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "punctuation-spacing",
        .group = Group::Proofreading,
        .severity = Severity::Info,
        .summary = "Space before , .",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(punctuation_spacing, Rule_)

}  // namespace fulint::rules
