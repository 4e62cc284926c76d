// confused-words: Common confusions decided from the neighbouring word
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "confused-words",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "Common confusions decided from the neighbouring word",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(confused_words, Rule_)

}  // namespace fulint::rules
