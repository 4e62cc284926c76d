// sentence-too-long: a body sentence has more than 30 words.
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {
        {"max_words", OptionType::Int, "30", "Most words a sentence may have (a URL counts as one word)"},
    };
    static const RuleMeta m{
        .id = "sentence-too-long",
        .group = Group::Concision,
        .severity = Severity::Info,
        .summary = "A body sentence runs over 30 words: split it or cut the clauses that carry no weight",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const int64_t max_words = ctx.opt_int("max_words");
    if (max_words < 0) return;
    for (const Part& p : doc.parts) {
      if (p.kind != PartKind::Paragraph) continue;
      for (uint32_t i = p.sentence_begin; i < p.sentence_end; ++i) {
        const Sentence& s = doc.sentences[i];
        const int64_t words = s.word_end - s.word_begin;
        if (words <= max_words) continue;
        out.report(s.span, "This sentence has " + std::to_string(words) + " words (limit " + std::to_string(max_words) +
                               "); split it in two or cut the clauses that carry no weight");
      }
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(sentence_too_long, Rule_)

}  // namespace fulint::rules
