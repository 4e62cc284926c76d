// repeated-content: Two sentences in the draft are the same or nearly the same
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "repeated-content",
        .group = Group::Concision,
        .severity = Severity::Info,
        .summary = "Two sentences in the draft are the same or nearly the same",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(repeated_content, Rule_)

}  // namespace fulint::rules
