// formatting-artifacts: Characters pasted from a word processor
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "formatting-artifacts",
        .group = Group::Proofreading,
        .severity = Severity::Info,
        .summary = "Characters pasted from a word processor",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(formatting_artifacts, Rule_)

}  // namespace fulint::rules
