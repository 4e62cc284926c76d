// readability: The body's Flesch–Kincaid grade is above 12
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "readability",
        .group = Group::Concision,
        .severity = Severity::Info,
        .summary = "The body's Flesch–Kincaid grade is above 12",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(readability, Rule_)

}  // namespace fulint::rules
