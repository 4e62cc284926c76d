// interest-missing: nothing reaffirms interest in, or enthusiasm for, the role.
#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "interest-missing",
        .group = Group::Content,
        .severity = Severity::Warning,
        .summary = "Nothing in the body reaffirms interest in or enthusiasm for the role or the company",
        .element = Element::Interest,
    };
    return m;
  }

  bool present(const Context& ctx) const override {
    static const PhraseFamilyId kInterest = family("interest");
    return content::first_hit(ctx, kInterest, nullptr, {PartKind::Paragraph}) != nullptr;
  }

  void check(const Context& ctx, Reporter& out) const override {
    if (!content::has_body(ctx.doc) || present(ctx)) return;
    std::string example = ctx.facts.company.empty()
                              ? "\u2018I remain very interested in the role\u2019"
                              : "\u2018I remain very interested in joining " + ctx.facts.company + "\u2019";
    out.report(body_anchor(ctx.doc),
               "Nothing reaffirms your interest in the role; say so plainly, e.g. " + example);
  }
};

}  // namespace

FULINT_RULE_INSTANCE(interest_missing, Rule_)

}  // namespace fulint::rules
