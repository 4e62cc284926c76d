// article-agreement: \"a\" before a vowel sound or \"an\" before a consonant sound
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "article-agreement",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "\"a\" before a vowel sound or \"an\" before a consonant sound",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(article_agreement, Rule_)

}  // namespace fulint::rules
