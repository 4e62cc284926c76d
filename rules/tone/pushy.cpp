// pushy: pressure on the reader. Demands ("I need an answer", "why haven't
// you") always count; haste words (ASAP, urgent, by the end of the day) count
// when their sentence asks the reader for something and they do not describe
// the writer's own action; "I have other offers" counts with a deadline or a
// demand in the same sentence.
#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

// The sentence asks the reader for something.
const CueSet& asks() {
  static const CueSet cues{
      "please", "let me know", "(?:could|can|would|will) you", "get back to me", "hear (?:back )?from you",
      "hear back", "reply", "response", "answer", "decision", "feedback", "update", "respond", "update me",
      "inform me", "I need", "send me",
  };
  return cues;
}

// The writer's own action ("I can start immediately"): a haste word after one
// of these, with no later request, describes the writer, not a demand.
const CueSet& self_actions() {
  static const CueSet cues{
      "I (?:will|'ll|can|could|shall|am able to|'m able to|am happy to|'m happy to|am available to|'m available to|"
      "am ready to|'m ready to|plan to|intend to|am going to|'m going to|aim to|would be (?:able|happy|glad|ready|"
      "available) to|'d be (?:able|happy|glad|ready|available) to)",
      "I(?:'m| am) (?:available|free|ready)",
  };
  return cues;
}

// What turns "I have other offers" into pressure.
const CueSet& pressure() {
  static const CueSet cues{
      "decide", "decision", "deadline", "expires?", "expiring", "respond", "answer", "hear back", "let me know",
      "by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end|next week|this week|end of)",
      "soon", "quickly", "before I (?:accept|decide|commit|sign|respond|reply)",
      "so (?:please|I need|you|I'd need|I would need|I must|I have to)", "unless", "otherwise", "time[- ]sensitive",
      "running out", "move fast", "need to know",
  };
  return cues;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "pushy",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Pressures the reader: ASAP, urgent, \"I need an answer\", other offers as leverage",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const auto kAlways = family("pushy");
    static const auto kDeadline = family("pushy-deadline");
    static const auto kOffers = family("pushy-offers");
    static const auto kNot = family("pushy-not");
    const Document& doc = ctx.doc;
    auto veto = ctx.phrases(kNot);
    struct Finding {
      Span span;
      int kind;  // 0 demand, 1 haste, 2 offers
    };
    std::vector<Finding> found;
    for (const PhraseMatch& m : ctx.phrases(kAlways)) found.push_back({m.span, 0});
    for (const PhraseMatch& m : ctx.phrases(kDeadline)) {
      if (any_overlap(veto, m.span)) continue;
      Span sent = sentence_span(doc, m.span);
      if (!asks().in(doc, sent)) continue;
      std::string_view before = doc.str({sent.begin, m.span.begin});
      int64_t s = self_actions().last(before);
      if (s >= 0 && asks().last(before) < s) continue;  // "I can start immediately"
      found.push_back({m.span, 1});
    }
    for (const PhraseMatch& m : ctx.phrases(kOffers)) {
      Span sent = sentence_span(doc, m.span);
      bool pressed = pressure().in(doc, {sent.begin, m.span.begin}) || pressure().in(doc, {m.span.end, sent.end});
      if (pressed) found.push_back({m.span, 2});
    }
    std::sort(found.begin(), found.end(), [](const Finding& x, const Finding& y) { return x.span.begin < y.span.begin; });
    Span last_sentence{UINT32_MAX, UINT32_MAX};
    for (const Finding& f : found) {
      Span sent = sentence_span(doc, f.span);
      if (sent == last_sentence) continue;  // one finding per sentence
      last_sentence = sent;
      std::string q = flat_quoted(doc.str(f.span));
      switch (f.kind) {
        case 0:
          out.report(f.span, q + " pressures the reader; ask politely, e.g. \"I look forward to hearing from you\"");
          break;
        case 1:
          out.report(f.span, q + " rushes the reader; leave the timing to them, e.g. \"I look forward to hearing from you\"");
          break;
        default:
          out.report(f.span, q + " used as a deadline pressures the reader; leave other offers out of a thank-you note");
          break;
      }
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(pushy, Rule_)

}  // namespace fulint::rules
