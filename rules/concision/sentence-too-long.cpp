// sentence-too-long: A sentence has more than 30 words
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "sentence-too-long",
        .group = Group::Concision,
        .severity = Severity::Info,
        .summary = "A sentence has more than 30 words",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(sentence_too_long, Rule_)

}  // namespace fulint::rules
