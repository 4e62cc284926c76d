// repeated-word: the same word twice in a row ("the the"), also across a line break.
#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

// Doubles that English allows: "I had had", "that that", "what I do do", "so so".
bool legitimate_double(std::string_view w) {
  static constexpr std::string_view kOk[] = {"had", "that", "do", "so", "bye", "ha", "tut", "knock", "chop", "yada", "hush", "there"};
  for (auto k : kOk)
    if (is(w, k)) return true;
  return false;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "repeated-word",
        .group = Group::Proofreading,
        .severity = Severity::Error,
        .summary = "The same word twice in a row (\"the the\"), with a fix that deletes the second",
        .fix = Fixability::Safe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Word* words = doc.words.data();
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      // the cheapest rejection, words of different lengths, in a loop that
      // keeps next to nothing in registers; the rest in check_pair
      for (uint32_t i = p.word_begin, end = p.word_end; i + 1 < end; ++i)
        if (words[i].span.size() == words[i + 1].span.size() && check_pair(doc, p, i, out))
          ++i;  // "the the the": one report for the first pair, then look past it
    }
  }

 private:
  // Reports words i and i + 1 of part p when the second repeats the first:
  // whether it did.
  [[gnu::noinline]] static bool check_pair(const Document& doc, const Part& p, uint32_t i, Reporter& out) {
    std::string_view s = doc.text;
    const Word& a = doc.words[i];
    const Word& b = doc.words[i + 1];
    // cheap rejections first: the first letter
    std::string_view ta = slice(s, a.span), tb = slice(s, b.span);
    if (lower_ascii(ta[0]) != lower_ascii(tb[0])) return false;
    if ((a.flags | b.flags) & (kWordUrl | kWordEmail | kWordHasDigit)) return false;
    if (!(a.flags & kWordHasLetter)) return false;
    if (!same_word(ta, tb)) return false;
    if (!only_white(gap_after(doc, p, i))) return false;
    if (legitimate_double(ta)) return false;
    // "Walla Walla", "Duran Duran": a capitalised pair inside a sentence is a name
    if ((a.flags & kWordCapitalized) && (b.flags & kWordCapitalized) && !(a.flags & kWordAllCaps) && ta.size() > 1) {
      int si = sentence_of_word(doc, i);
      bool starts = i == p.word_begin || (si >= 0 && doc.sentences[static_cast<size_t>(si)].word_begin == i);
      if (!starts) return false;
    }
    std::string both;
    both.reserve(ta.size() + tb.size() + 1);
    both.append(ta).append(" ").append(tb);
    Diagnostic& d = out.report({a.span.begin, b.span.end},
                               "Repeated word " + quoted(both) + "; delete the second " + quoted(tb));
    out.add_fix(d, "Delete the repeated " + quoted(tb), FixSafety::Safe, {{Span{a.span.end, b.span.end}, ""}});
    return true;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(repeated_word, Rule_)

}  // namespace fulint::rules
