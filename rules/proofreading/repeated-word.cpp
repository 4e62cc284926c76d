// repeated-word: The same word twice in a row
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "repeated-word",
        .group = Group::Proofreading,
        .severity = Severity::Error,
        .summary = "The same word twice in a row",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(repeated_word, Rule_)

}  // namespace fulint::rules
