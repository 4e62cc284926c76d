// gratitude-missing: Nothing thanks the reader
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "gratitude-missing",
        .group = Group::Content,
        .severity = Severity::Error,
        .summary = "Nothing thanks the reader",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(gratitude_missing, Rule_)

}  // namespace fulint::rules
