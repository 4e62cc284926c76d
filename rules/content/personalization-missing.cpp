// personalization-missing: nothing refers to what was said in the interview.
#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "personalization-missing",
        .group = Group::Content,
        .severity = Severity::Warning,
        .summary = "Nothing in the body refers to something specific from the conversation",
        .element = Element::Personalization,
    };
    return m;
  }

  bool present(const Context& ctx) const override {
    static const PhraseFamilyId kPersonal = family("personalization");
    return content::first_hit(ctx, kPersonal, nullptr, {PartKind::Paragraph}) != nullptr;
  }

  void check(const Context& ctx, Reporter& out) const override {
    // A check-in asks about the decision; it need not recall the interview.
    if (ctx.facts.check_in || !content::has_body(ctx.doc) || present(ctx)) return;
    out.report(body_anchor(ctx.doc),
               "Nothing refers to the conversation itself; mention something you discussed, e.g. "
               "\u2018I enjoyed our conversation about \u2026\u2019 or \u2018You mentioned that \u2026\u2019");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(personalization_missing, Rule_)

}  // namespace fulint::rules
