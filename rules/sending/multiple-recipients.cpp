// multiple-recipients: To: names more than one person.
#include <set>

#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "multiple-recipients",
        .group = Group::Sending,
        .severity = Severity::Warning,
        .summary = "To: names more than one person: send each interviewer a separate, tailored note",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    if (doc.to.size() < 2) return;
    const Header* h = doc.header("To");
    if (!h) return;
    // People, not entries: the same address (or bare name) twice is one person.
    std::set<std::string, std::less<>> seen;
    std::string names;
    for (const Address& a : doc.to) {
      std::string key = text::fold(a.address.empty() ? a.name : a.address);
      if (key.empty() || !seen.insert(key).second) continue;
      if (!names.empty()) names += ", ";
      names += a.name.empty() ? a.address : a.name;
    }
    if (seen.size() < 2) return;
    out.report_raw(h->raw_value, "To: names " + std::to_string(seen.size()) + " people (" + names +
                                     "); send each interviewer a separate note that refers to your conversation "
                                     "with them (a recruiter or coordinator can go in Cc:)");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(multiple_recipients, Rule_)

}  // namespace fulint::rules
