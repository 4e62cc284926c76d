// readability: the body's Flesch-Kincaid grade is above 12.
#include "rules/common.hpp"
#include "rules/concision/util.hpp"

#include <cmath>
#include <cstdio>

namespace fulint::rules {
namespace {

constexpr uint32_t kMinWords = 40;  // shorter bodies give no stable grade

struct Counts {
  uint32_t words = 0, syllables = 0, sentences = 0;
};

// Words for the grade: words with a letter, URLs and e-mail addresses left out.
void count_sentence(const Document& doc, const Sentence& st, Counts& c) {
  uint32_t words = 0;
  for (uint32_t i = st.word_begin; i < st.word_end; ++i) {
    const Word& w = doc.words[i];
    if (!w.has(kWordHasLetter) || w.has(kWordUrl) || w.has(kWordEmail)) continue;
    ++words;
    c.syllables += static_cast<uint32_t>(concision::syllables(doc.text, w.span));
  }
  c.words += words;
  if (words > 0) ++c.sentences;
}

double grade(const Counts& c) {
  if (c.words == 0 || c.sentences == 0) return 0;
  return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59;
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {
        {"max_grade", OptionType::Number, "12", "Highest Flesch-Kincaid grade level the body may read at"},
    };
    static const RuleMeta m{
        .id = "readability",
        .group = Group::Concision,
        .severity = Severity::Info,
        .summary = "The body reads above grade 12 (Flesch-Kincaid): use shorter sentences and plainer words",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const double max_grade = ctx.opt_number("max_grade");
    Counts body;
    const Sentence* hardest = nullptr;
    double hardest_grade = -1e9;
    for (const Part& p : doc.parts) {
      if (p.kind != PartKind::Paragraph) continue;
      for (uint32_t i = p.sentence_begin; i < p.sentence_end; ++i) {
        Counts one;
        count_sentence(doc, doc.sentences[i], one);
        body.words += one.words;
        body.syllables += one.syllables;
        body.sentences += one.sentences;
        double g = grade(one);
        if (one.words > 0 && g > hardest_grade) {
          hardest_grade = g;
          hardest = &doc.sentences[i];
        }
      }
    }
    if (body.words < kMinWords || !hardest) return;
    const double g = grade(body);
    if (!(g > max_grade)) return;
    out.report(hardest->span, "The body reads at grade " + one_decimal(g) + " (Flesch-Kincaid; limit " +
                                  one_decimal(max_grade) + ": " + std::to_string(body.words) + " words, " +
                                  std::to_string(body.sentences) + " sentences, " +
                                  one_decimal(static_cast<double>(body.syllables) / body.words) +
                                  " syllables a word); this sentence is the hardest: split it and use plainer words");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(readability, Rule_)

}  // namespace fulint::rules
