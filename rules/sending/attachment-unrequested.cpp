// attachment-unrequested: The message attaches a résumé or CV
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "attachment-unrequested",
        .group = Group::Sending,
        .severity = Severity::Info,
        .summary = "The message attaches a résumé or CV",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    (void)ctx;
    (void)out;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(attachment_unrequested, Rule_)

}  // namespace fulint::rules
