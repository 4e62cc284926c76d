// qualifications-missing: nothing restates a skill, experience or achievement.
#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "qualifications-missing",
        .group = Group::Content,
        .severity = Severity::Info,
        .summary = "Nothing in the body restates a relevant skill, experience or achievement",
        .element = Element::Qualifications,
    };
    return m;
  }

  bool present(const Context& ctx) const override {
    static const PhraseFamilyId kQual = family("qualifications");
    return content::first_hit(ctx, kQual, nullptr, {PartKind::Paragraph}) != nullptr;
  }

  void check(const Context& ctx, Reporter& out) const override {
    // A check-in is kept short: restating qualifications is not expected there.
    if (ctx.facts.check_in || !content::has_body(ctx.doc) || present(ctx)) return;
    out.report(body_anchor(ctx.doc),
               "Nothing restates what you bring; add a sentence tying one skill or result to the role, e.g. "
               "\u2018In my four years at \u2026, I led \u2026\u2019");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(qualifications_missing, Rule_)

}  // namespace fulint::rules
