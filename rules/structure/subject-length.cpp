// subject-length: The subject is over 60 characters or over 10 words
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "subject-length",
        .group = Group::Structure,
        .severity = Severity::Info,
        .summary = "The subject is over 60 characters or over 10 words",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(subject_length, Rule_)

}  // namespace fulint::rules
