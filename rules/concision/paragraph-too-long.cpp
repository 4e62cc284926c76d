// paragraph-too-long: a body paragraph has more than 5 sentences or more than 100 words.
#include "rules/common.hpp"
#include "rules/concision/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {
        {"max_sentences", OptionType::Int, "5", "Most sentences a paragraph may have"},
        {"max_words", OptionType::Int, "100", "Most words a paragraph may have (a URL counts as one word)"},
    };
    static const RuleMeta m{
        .id = "paragraph-too-long",
        .group = Group::Concision,
        .severity = Severity::Info,
        .summary = "A body paragraph runs over 5 sentences or 100 words: split it or trim it",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const int64_t max_sentences = ctx.opt_int("max_sentences");
    const int64_t max_words = ctx.opt_int("max_words");
    for (const Part& p : doc.parts) {
      if (p.kind != PartKind::Paragraph) continue;
      const int64_t words = p.word_end - p.word_begin;
      const int64_t sentences = p.sentence_end - p.sentence_begin;
      const bool over_s = max_sentences >= 0 && sentences > max_sentences;
      const bool over_w = max_words >= 0 && words > max_words;
      if (!over_s && !over_w) continue;
      std::string msg = "This paragraph has ";
      if (over_s && over_w)
        msg += std::to_string(sentences) + " sentences and " + std::to_string(words) + " words (limits " +
               std::to_string(max_sentences) + " and " + std::to_string(max_words) + ")";
      else if (over_s)
        msg += std::to_string(sentences) + " sentences (limit " + std::to_string(max_sentences) + ")";
      else
        msg += std::to_string(words) + " words (limit " + std::to_string(max_words) + ")";
      msg += "; split it into shorter paragraphs or cut what the reader already knows";
      out.report(first_line(doc, p), std::move(msg));
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(paragraph_too_long, Rule_)

}  // namespace fulint::rules
