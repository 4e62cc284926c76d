// closing-missing: no sign-off line before the signature.
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "closing-missing",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "No sign-off line (‘Best regards,’ ‘Sincerely,’ ‘Thank you,’) before the signature",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    if (doc.closing()) return;
    const Part* last = nullptr;
    for (const Part& p : doc.parts)
      if (p.kind == PartKind::Paragraph) last = &p;
    if (!last) return;  // no body yet
    out.report(last_line(doc, *last),
               "No closing line after the message; end with a sign-off such as ‘Best regards,’ before your name");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(closing_missing, Rule_)

}  // namespace fulint::rules
