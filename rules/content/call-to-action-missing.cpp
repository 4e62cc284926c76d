// call-to-action-missing: the last paragraph neither invites a reply nor
// offers more information.
#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {

const Part* last_paragraph(const Document& doc) {
  const Part* last = nullptr;
  for (const Part& p : doc.parts)
    if (p.kind == PartKind::Paragraph) last = &p;
  return last;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "call-to-action-missing",
        .group = Group::Content,
        .severity = Severity::Warning,
        .summary = "The last paragraph neither invites a reply nor offers more information",
        .element = Element::CallToAction,
    };
    return m;
  }

  bool present(const Context& ctx) const override {
    static const PhraseFamilyId kCta = family("call-to-action");
    const Document& doc = ctx.doc;
    const Part* last = last_paragraph(doc);
    if (!last) return false;
    // A question to the reader invites a reply.
    for (uint32_t i = last->sentence_begin; i < last->sentence_end; ++i) {
      std::string_view t = doc.str(doc.sentences[i].span);
      while (!t.empty() && std::string_view(")]\"'").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
      if (t.ends_with("\u201D") || t.ends_with("\u2019")) t.remove_suffix(3);
      if (!t.empty() && t.back() == '?') return true;
    }
    const Part* closing = doc.closing();
    bool found = false;
    content::for_each_hit(ctx, kCta, nullptr, {PartKind::Paragraph, PartKind::Closing},
                          [&](const PhraseMatch&, const Part& p) {
                            found = &p == last || &p == closing;
                            return !found;
                          });
    return found;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Part* last = last_paragraph(ctx.doc);
    if (!last || present(ctx)) return;
    out.report(last_line(ctx.doc, *last),
               "The last paragraph does not invite a reply; end with a line such as "
               "\u2018I look forward to hearing from you\u2019 or "
               "\u2018Please let me know if I can provide anything else\u2019");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(call_to_action_missing, Rule_)

}  // namespace fulint::rules
