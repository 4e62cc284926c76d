// name-consistency: A capitalised word in the author's text is one or two edits away from
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "name-consistency",
        .group = Group::Proofreading,
        .severity = Severity::Error,
        .summary = "A capitalised word in the author's text is one or two edits away from",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(name_consistency, Rule_)

}  // namespace fulint::rules
