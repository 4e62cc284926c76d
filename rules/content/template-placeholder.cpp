// template-placeholder: Unfilled template text
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "template-placeholder",
        .group = Group::Content,
        .severity = Severity::Error,
        .summary = "Unfilled template text",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(template_placeholder, Rule_)

}  // namespace fulint::rules
