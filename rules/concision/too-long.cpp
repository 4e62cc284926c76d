// too-long: the body has more than 4 paragraphs or more than 250 words.
#include "rules/common.hpp"
#include "rules/concision/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {
        {"max_paragraphs", OptionType::Int, "4", "Most paragraphs the body may have"},
        {"max_words", OptionType::Int, "250", "Most words the body may have (a URL counts as one word)"},
    };
    static const RuleMeta m{
        .id = "too-long",
        .group = Group::Concision,
        .severity = Severity::Warning,
        .summary = "The body runs over 4 paragraphs or 250 words: keep a follow-up to a few short paragraphs",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    if (ctx.facts.check_in) return;  // check-in-too-long judges check-ins
    const Document& doc = ctx.doc;
    const int64_t max_paragraphs = ctx.opt_int("max_paragraphs");
    const int64_t max_words = ctx.opt_int("max_words");
    const concision::BodyCounts c = concision::body_counts(doc);
    const bool too_many_paragraphs = max_paragraphs >= 0 && c.paragraphs > max_paragraphs;
    const bool too_many_words = max_words >= 0 && c.words > max_words;
    if (!too_many_paragraphs && !too_many_words) return;

    // Where it goes over: the first paragraph past the limit, or the sentence
    // holding the first word past the limit, whichever comes first.
    const Part* over = nullptr;  // the paragraph
    if (too_many_paragraphs) {
      int64_t k = 0;
      for (const Part& p : doc.parts)
        if (p.kind == PartKind::Paragraph && k++ == max_paragraphs) {
          over = &p;
          break;
        }
    }
    std::optional<Span> at;
    if (too_many_words) {
      int64_t w = concision::nth_body_word(doc, static_cast<uint32_t>(max_words));
      if (w >= 0) at = concision::sentence_of_word(doc, static_cast<uint32_t>(w));
    }
    // The paragraph's first line starts where the paragraph does, so it is
    // looked for only when the paragraph comes first.
    if (over && (!at || !(at->begin < over->span.begin))) at = first_line(doc, *over);
    if (!at) return;

    std::string msg = "The body has ";
    if (too_many_paragraphs && too_many_words)
      msg += std::to_string(c.paragraphs) + " paragraphs and " + std::to_string(c.words) + " words (limits " +
             std::to_string(max_paragraphs) + " and " + std::to_string(max_words) + ")";
    else if (too_many_paragraphs)
      msg += std::to_string(c.paragraphs) + " paragraphs (limit " + std::to_string(max_paragraphs) + ")";
    else
      msg += std::to_string(c.words) + " words (limit " + std::to_string(max_words) + ")";
    msg += "; cut it to your thanks, one or two points from the interview and a closing line";
    out.report(*at, std::move(msg));
  }
};

}  // namespace

FULINT_RULE_INSTANCE(too_long, Rule_)

}  // namespace fulint::rules
