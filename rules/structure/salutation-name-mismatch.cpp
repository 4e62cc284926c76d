// salutation-name-mismatch: the greeting names someone who is not a recipient.
#include "rules/common.hpp"
#include "rules/structure/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salutation-name-mismatch",
        .group = Group::Structure,
        .severity = Severity::Error,
        .summary = "The greeting names someone who is none of the recipients (‘Dear Mr. Smith,’ to Priya Patel)",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Facts& facts = ctx.facts;
    if (facts.recipient_tokens.empty()) return;  // nobody to compare with
    structure::Greeting g = structure::read_greeting(ctx);
    if (!g.part || g.placeholder) return;
    const Document& doc = ctx.doc;
    std::vector<std::string> recipients;  // folded once
    recipients.reserve(facts.recipient_tokens.size());
    for (const std::string& t : facts.recipient_tokens) recipients.push_back(text::fold(t));
    for (const auto& a : g.addressees) {
      if (a.nobody) continue;
      // The person matches when any of their names is a recipient's name or
      // within two edits of one (closer slips are name-consistency's).
      bool any_name = false, matches = false;
      for (uint32_t w = a.begin; w < a.end && !matches; ++w) {
        std::string_view t = structure::wtext(doc, w);
        if (structure::kTitles.contains(t) || structure::kNobody.contains(t)) continue;
        if (!doc.words[w].has(kWordHasLetter) || doc.words[w].has(kWordHasDigit)) continue;
        any_name = true;
        std::string f = text::fold(t);
        for (const std::string& r : recipients)
          if (f == r || text::edit_distance(f, r, 2) <= 2) {
            matches = true;
            break;
          }
      }
      if (!any_name || matches) continue;
      Span at{doc.words[a.begin].span.begin, doc.words[a.end - 1].span.end};
      std::string who = facts.recipient_names.empty() ? facts.recipient_tokens.front() : facts.recipient_names.front();
      for (size_t i = 1; i < facts.recipient_names.size() && i < 3; ++i) who += " or " + facts.recipient_names[i];
      auto& d = out.report(at, "Greeting names " + quoted(doc.str(at)) + ", but the message is to " + who +
                                   "; greet the person you are writing to");
      if (const Header* to = doc.header("To")) d.related.push_back({to->raw_value, "the recipient named here"});
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salutation_name_mismatch, Rule_)

}  // namespace fulint::rules
