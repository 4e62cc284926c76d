// quantify-achievements: the draft restates qualifications, but none carries a
// number, a percentage or an amount.
#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "quantify-achievements",
        .group = Group::Content,
        .severity = Severity::Hint,
        .summary = "The qualifications carry no number, percentage or amount; quantify the vaguest one",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const PhraseFamilyId kVague = family("vague-achievement");
    const Document& doc = ctx.doc;
    std::vector<uint32_t> quals = content::qualification_sentences(ctx);
    if (quals.empty()) return;
    for (uint32_t s : quals)
      if (content::sentence_has_figure(ctx, doc.sentences[s])) return;
    // The vaguest qualification sentence: the one holding the vaguest wording
    // (the vague-achievement list is ordered), else the first.
    uint32_t target = quals.front();
    const PhraseMatch* vague = nullptr;
    for (const PhraseMatch& m : ctx.phrases(kVague)) {
      for (uint32_t s : quals) {
        if (!doc.sentences[s].span.contains(m.span)) continue;
        if (!vague || m.phrase < vague->phrase) {
          vague = &m;
          target = s;
        }
        break;
      }
    }
    const Sentence& sent = doc.sentences[target];
    if (vague)
      out.report(sent.span, "No figure backs up your experience: " + quoted(doc.str(vague->span)) +
                                " says nothing of size; add a number (how much, how many, how often)");
    else
      out.report(sent.span,
                 "No figure backs up your experience; add a number to this achievement "
                 "(a percentage, an amount, a team size, a span of years)");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(quantify_achievements, Rule_)

}  // namespace fulint::rules
