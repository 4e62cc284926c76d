// salary-benefits: a sentence that raises pay, benefits or perks as a topic
// for the reader — a question, or a request ("I would like to know …").
// Topic words alone ("payroll systems", "the benefits of your approach", a
// statement about the writer's own expectations) stay silent.
#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

// What makes a sentence a request to the reader (searched only in the
// sentence of a topic match).
const CueSet& asks() {
  static const CueSet cues{
      "(?:I|we)(?: would|'d) (?:\\w+ )?like to (?:know|discuss|ask|learn|understand|hear|find out|clarify|confirm|talk about|go over|get)",
      "(?:could|can|would|will) (?:you|we) (?:\\w+ )?(?:tell|share|send|provide|explain|clarify|confirm|discuss|talk|go over|let me know|give)",
      "(?:please )?let me know (?:what|how|whether|if|about)",
      "wonder(?:ing|ed)?",
      "curious",
      "(?:ask|asking|inquire|inquiring|enquire|enquiring) (?:about|regarding|whether|if|what)",
      "question (?:about|regarding|on)",
      "(?:what|how much|how many) (?:is|are|does|do|would|will)",
      "negotiable",
      "negotiate",
      "before (?:I|we) (?:decide|go further|proceed|move forward|commit)",
  };
  return cues;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salary-benefits",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Asks about salary, pay, benefits, bonus, vacation or perks in a follow-up note",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const auto kTopic = family("salary-topic");
    static const auto kNot = family("salary-not");
    const Document& doc = ctx.doc;
    auto veto = ctx.phrases(kNot);
    Span last_sentence{UINT32_MAX, UINT32_MAX};
    for (const PhraseMatch& m : ctx.phrases(kTopic)) {
      if (any_overlap(veto, m.span)) continue;
      Span sent = sentence_span(doc, m.span);
      if (sent == last_sentence) continue;  // one finding per sentence
      if (!is_question(doc, sent) && !asks().in(doc, sent)) continue;
      last_sentence = sent;
      // report the topic itself: "the salary range" -> "salary range"
      Span topic = m.span;
      size_t w0 = word_lower_bound(doc, topic.begin);
      if (w0 + 1 < doc.words.size() && doc.words[w0].span.begin == topic.begin &&
          doc.words[w0 + 1].span.begin < topic.end && ieq_any(doc.str(doc.words[w0].span), {"the", "your", "what"}))
        topic.begin = doc.words[w0 + 1].span.begin;
      out.report(topic, "This sentence asks about " + flat_quoted(doc.str(topic)) +
                             "; leave pay and benefits for the offer stage and keep the note on the role");
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salary_benefits, Rule_)

}  // namespace fulint::rules
