// paragraph-too-long: A paragraph has more than 5 sentences or more than 100 words
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "paragraph-too-long",
        .group = Group::Concision,
        .severity = Severity::Info,
        .summary = "A paragraph has more than 5 sentences or more than 100 words",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(paragraph_too_long, Rule_)

}  // namespace fulint::rules
