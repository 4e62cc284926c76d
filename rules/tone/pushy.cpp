// pushy: Pressures the reader
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "pushy",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Pressures the reader",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(pushy, Rule_)

}  // namespace fulint::rules
