// salutation-generic: the greeting names nobody.
#include "rules/common.hpp"
#include "rules/structure/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salutation-generic",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "The greeting names nobody (‘To whom it may concern’, ‘Dear Hiring Manager’, ‘Hi there’)",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    structure::Greeting g = structure::read_greeting(ctx);
    if (!g.part || g.placeholder) return;  // none (salutation-missing) or a template (template-placeholder)
    for (const auto& a : g.addressees)
      if (!a.nobody) return;
    const Document& doc = ctx.doc;
    // The range: the greeting line without its final punctuation.
    Span at = g.part->span;
    if (g.end > g.begin) at = {doc.words[g.begin].span.begin, doc.words[g.end - 1].span.end};
    out.report(at, "Greeting " + quoted(doc.str(at)) + " names nobody; address the interviewer by name, e.g. " +
                       structure::example_greeting(ctx));
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salutation_generic, Rule_)

}  // namespace fulint::rules
