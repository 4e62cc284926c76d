// salutation-missing: the body does not open with a greeting line.
#include "rules/common.hpp"
#include "rules/structure/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salutation-missing",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "The body does not open with a greeting line such as ‘Dear Ms. Patel,’",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    if (doc.salutation()) return;
    // The first paragraph; with none, whatever the author wrote first.
    const Part* first = nullptr;
    for (const Part& p : doc.parts)
      if (p.kind == PartKind::Paragraph) {
        first = &p;
        break;
      }
    if (!first)
      for (const Part& p : doc.parts)
        if (p.kind == PartKind::Closing || p.kind == PartKind::Signature) {
          first = &p;
          break;
        }
    if (!first) return;  // nothing written yet
    out.report(first_line(doc, *first), "The message does not open with a greeting; start with a line such as " +
                                            structure::example_greeting(ctx));
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salutation_missing, Rule_)

}  // namespace fulint::rules
