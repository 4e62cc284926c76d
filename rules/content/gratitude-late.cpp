// gratitude-late: the draft thanks the reader, but not in its first paragraph.
#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "gratitude-late",
        .group = Group::Content,
        .severity = Severity::Info,
        .summary = "The thanks come after the first paragraph (or only in the closing) instead of opening the message",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    // A check-in opens with its question; its thanks may close it.
    if (ctx.facts.check_in) return;
    const Document& doc = ctx.doc;
    if (!doc.first(PartKind::Paragraph)) return;
    content::Thanks t = content::find_thanks(ctx);
    if (!t.first || t.in_first_paragraph) return;
    std::string_view words = doc.str(t.first->span);
    std::string where;
    if (t.part->kind == PartKind::Closing) {
      where = "only in the closing";
    } else {
      int n = 0;
      for (const Part& p : doc.parts) {
        if (p.kind == PartKind::Paragraph) ++n;
        if (&p == t.part) break;
      }
      where = "only in paragraph " + std::to_string(n);
    }
    out.report(t.first->span, "The reader is thanked " + where + " (" + quoted(words) +
                                  "); thank them in the opening paragraph");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(gratitude_late, Rule_)

}  // namespace fulint::rules
