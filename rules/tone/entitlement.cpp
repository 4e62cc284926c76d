// entitlement: wording that presumes the job is won or owed ("I deserve",
// "you won't regret", "when I start"). The "start" phrases are judged in
// their sentence: a question or a hedge ("if selected") makes them fine.
#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

// Hedges that make "when I start" a hypothesis (searched only in the
// sentence of a match).
const CueSet& hedges() {
  static const CueSet cues{
      "if (?:I(?:'m| am) |I were |I get )?(?:selected|offered|hired|chosen|successful|fortunate|given|lucky|invited|the successful)",
      "if (?:given|offered) the (?:opportunity|chance|role|position)",
      "should I (?:be|join|get)",
      "were I to",
      "(?:if|should) (?:you|the team) (?:decide|choose|select|offer|hire)",
      "(?:if|should) (?:everything|things|all) go(?:es)?",
      "would (?:I|the role|the position)",
  };
  return cues;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "entitlement",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Presumes the outcome: \"I deserve\", \"when I start\", \"you won't regret\"",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const auto kAlways = family("entitlement");
    static const auto kStart = family("entitlement-start");
    static const auto kNot = family("entitlement-not");
    const Document& doc = ctx.doc;
    auto always = ctx.phrases(kAlways);
    auto start = ctx.phrases(kStart);
    auto veto = ctx.phrases(kNot);
    // Merge the two lists in text order so the findings come out sorted.
    size_t a = 0, b = 0;
    while (a < always.size() || b < start.size()) {
      bool take_a = b == start.size() || (a < always.size() && always[a].span.begin <= start[b].span.begin);
      const PhraseMatch& m = take_a ? always[a++] : start[b++];
      if (take_a) {
        out.report(m.span, flat_quoted(doc.str(m.span)) +
                               " presumes the outcome; express interest and confidence without claiming the job");
        continue;
      }
      if (any_overlap(veto, m.span)) continue;
      Span sent = sentence_span(doc, m.span);
      if (is_question(doc, sent) || hedges().in(doc, sent)) continue;
      out.report(m.span, flat_quoted(doc.str(m.span)) +
                             " assumes you already have the job; say \"if selected\" or \"in this role\" instead");
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(entitlement, Rule_)

}  // namespace fulint::rules
