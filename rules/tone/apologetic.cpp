// apologetic: openers that undermine the writer ("sorry to bother you",
// "I know you are busy but", "just wanted to"), with an unsafe rewording
// where one exists.
#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "apologetic",
        .group = Group::Tone,
        .severity = Severity::Hint,
        .summary = "Self-undermining opener: \"sorry to bother you\", \"I know you are busy but\", \"just wanted to\"",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const auto kApologetic = family("apologetic");
    const Document& doc = ctx.doc;
    const auto& phrases = PhraseBook::instance().phrases(kApologetic);
    for (const PhraseMatch& m : ctx.phrases(kApologetic)) {
      std::string_view t = doc.str(m.span);
      const Phrase& ph = phrases[m.phrase];
      if (ieq(t.substr(0, 4), "just")) {
        // bare "just wanted to": the writer's own opener only ("Just wanted to
        // say thanks", "we just wanted to"), not "she just wanted to know"
        std::string_view prev = prev_word(doc, m.span);
        bool opener = sentence_span(doc, m.span).begin == m.span.begin;
        if (!opener && !ieq(prev, "we")) continue;
      }
      Diagnostic& d = out.report(m.span, flat_quoted(t) + " undercuts your message; write with confidence and get to the point");
      if (ph.has_replacement && !ph.replacement.empty()) {
        std::string repl = match_case(t, ph.replacement);
        out.add_fix(d, "Replace " + flat_quoted(t) + " with " + flat_quoted(repl), FixSafety::Unsafe, {{m.span, repl}});
      }
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(apologetic, Rule_)

}  // namespace fulint::rules
