// too-long: The body has more than 4 paragraphs or more than 250 words
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "too-long",
        .group = Group::Concision,
        .severity = Severity::Warning,
        .summary = "The body has more than 4 paragraphs or more than 250 words",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(too_long, Rule_)

}  // namespace fulint::rules
