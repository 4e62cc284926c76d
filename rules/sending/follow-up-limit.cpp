// follow-up-limit: a third or later follow-up.
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "follow-up-limit",
        .group = Group::Sending,
        .severity = Severity::Warning,
        .summary = "A third or later follow-up: after two unanswered messages, stop and move on",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Facts& f = ctx.facts;
    if (f.follow_up_number >= 3) {
      if (const Header* h = doc.header("X-Follow-Up-Number"))
        out.report_raw(h->raw_value, "This is follow-up number " + std::to_string(f.follow_up_number) +
                                         "; after a thank-you note and one check-in go unanswered, stop writing and "
                                         "move on — more messages hurt your standing with the company");
      return;
    }
    if (f.check_in && doc.references.size() >= 2) {
      const Header* h = doc.header("References");
      if (!h) return;
      out.report_raw(h->raw_value, "This check-in follows " + std::to_string(doc.references.size()) +
                                       " earlier messages in the thread (References:); after a thank-you note and one "
                                       "check-in go unanswered, stop writing and move on");
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(follow_up_limit, Rule_)

}  // namespace fulint::rules
