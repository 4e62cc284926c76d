// gratitude-late: Thanks appear, but not in the first paragraph of the body
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "gratitude-late",
        .group = Group::Content,
        .severity = Severity::Info,
        .summary = "Thanks appear, but not in the first paragraph of the body",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(gratitude_late, Rule_)

}  // namespace fulint::rules
