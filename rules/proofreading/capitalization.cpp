// capitalization: a sentence that starts in lower case, or the pronoun "i".
#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

// Words after which a full stop does not end a sentence.
bool abbreviation(std::string_view w) {
  static constexpr WordSet<256> kAbbrev{
      "mr", "ms", "mrs", "dr", "prof", "sr", "jr", "st", "mt", "etc", "vs", "no", "inc", "ltd", "co", "corp", "approx",
      "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "cf", "al", "ave", "rd", "blvd", "ext", "tel",
      "mx", "messrs", "ph", "hr", "hrs", "min", "mins", "sec", "vol", "ed", "eds", "pp", "incl", "resp", "viz",
      "cca", "ca", "abt", "attn", "asst", "assoc", "univ", "gov", "govt", "intl", "natl", "mgr", "mgmt", "yr", "yrs",
      "mo", "mos", "wk", "wks", "nos", "op", "ref", "re", "pg", "avg", "max", "tbd", "sq", "ft", "lb", "lbs",
      "oz", "esp", "misc"};
  return kAbbrev.contains(w);
}

// Lower-case words that are written so: iPhone, eBay, macOS, npm, jQuery.
bool lower_by_design(std::string_view w, uint16_t flags) {
  (void)flags;
  // a capital after the first letter: iPhone, eBay, iOS, macOS, jQuery
  for (size_t i = 1; i < w.size(); ++i)
    if (w[i] >= 'A' && w[i] <= 'Z') return true;
  static constexpr std::string_view kBrands[] = {"npm", "pnpm", "dbt", "vs", "cf", "etc", "e", "i", "pH", "x"};
  for (auto b : kBrands)
    if (w == b) return true;
  return false;
}

bool is_bullet_line_start(std::string_view s, uint32_t off, uint32_t part_begin) {
  uint32_t ls = off;
  while (ls > part_begin && s[ls - 1] != '\n') --ls;
  std::string_view pre = text::trim(s.substr(ls, off - ls));
  if (pre.empty()) return false;
  if (pre == "-" || pre == "*" || pre == "+" || pre == "\u2022" || pre == "\u2013" || pre == "\u2014" || pre == "\u25CF" ||
      pre == "\u25E6" || pre == ">" )
    return true;
  // "1." "2)" "a)" "(iii)"
  if (pre.size() <= 5 && (pre.back() == '.' || pre.back() == ')' || pre.back() == ':')) return true;
  return false;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "capitalization",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "A sentence that starts in lower case, or the pronoun \"i\" in lower case",
        .fix = Fixability::Safe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    // the text and the words in locals: the compiler need not reload them per word
    std::string_view s = doc.text;
    const Word* words = doc.words.data();
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted || p.kind == PartKind::Signature) continue;
      for (uint32_t i = p.word_begin; i < p.word_end; ++i) {
        const Word& w = words[i];
        // the pronoun "i", "i'm", "i've", "i'd", "i'll" (a word is cut out of the
        // text only when its first letter or its place calls for a closer look)
        if (s[w.span.begin] == 'i' && is_pronoun_i(slice(s, w.span))) {
          std::string_view t = slice(s, w.span);
          bool pronoun = true;
          char before = w.span.begin > 0 ? s[w.span.begin - 1] : ' ';
          char after = w.span.end < s.size() ? s[w.span.end] : ' ';
          if (t.size() == 1) {
            // "i.e.", "(i)", "i)", "a/i", "i-9"
            if (after == '.' || after == ')' || after == '/' || after == '-' || before == '(' || before == '.' || before == '/' ||
                before == '-' || before == '\'' || before == '"')
              pronoun = false;
          }
          if (pronoun) {
            Diagnostic& d = out.report(w.span,
                                       "Write the pronoun " + quoted(t.size() == 1 ? "I" : "I" + std::string(t.substr(1))) +
                                           " with a capital");
            out.add_fix(d, "Capitalize " + quoted(t), FixSafety::Safe, {{Span{w.span.begin, w.span.begin + 1}, "I"}});
            continue;
          }
        }
        if (!starts_sentence(s, words, p, i)) continue;
        if (w.flags & (kWordUrl | kWordEmail | kWordHasDigit)) continue;
        std::string_view t = slice(s, w.span);
        size_t len;
        char32_t c = text::decode(s, w.span.begin, len);
        if (!text::is_lower(c)) continue;
        if (lower_by_design(t, w.flags)) continue;
        if (p.kind == PartKind::Subject && (is(t, "re") || is(t, "fw") || is(t, "fwd") || is(t, "aw"))) continue;
        // a single letter followed by a full stop: "e.g.", "a.m."
        if (code_points(t) == 1 && w.span.end < s.size() && s[w.span.end] == '.') continue;
        if (p.kind == PartKind::Paragraph && is_bullet_line_start(s, w.span.begin, p.span.begin)) continue;
        std::string first(s.substr(w.span.begin, len));
        std::string up = first;
        if (len == 1) up[0] = upper_ascii(up[0]);
        const char* what = p.kind == PartKind::Paragraph ? "Sentence starts" :
                           p.kind == PartKind::Subject ? "Subject starts" :
                           p.kind == PartKind::Salutation ? "Greeting starts" : "Sign-off starts";
        Diagnostic& d = out.report(w.span, std::string(what) + " in lower case: capitalize " + quoted(t));
        if (len == 1) out.add_fix(d, "Capitalize " + quoted(t), FixSafety::Safe, {{Span{w.span.begin, w.span.begin + 1}, up}});
      }
    }
  }

 private:
  // "i", "i'm", "i’ve"…: an "i", alone or before an apostrophe.
  static bool is_pronoun_i(std::string_view t) {
    return t[0] == 'i' && (t.size() == 1 || t[1] == '\'' || (t[1] == '\xE2' && t.compare(1, 3, "\xE2\x80\x99") == 0));
  }

  // Whether word i of part p begins a sentence: the part's first word, or a
  // word after . ? ! and white space (not after an abbreviation, an initial,
  // a number or an ellipsis).
  static bool starts_sentence(std::string_view s, const Word* words, const Part& p, uint32_t i) {
    if (p.kind == PartKind::Signature) return false;
    if (i == p.word_begin) return true;
    if (p.kind != PartKind::Paragraph) return false;
    const Word& prev = words[i - 1];
    uint32_t gap_begin = prev.span.end, gap_end = words[i].span.begin;
    // most words follow a space: the gap's first byte says so before the gap is cut
    if (gap_begin == gap_end || gap_begin >= s.size()) return false;
    if (s[gap_begin] != '.' && s[gap_begin] != '?' && s[gap_begin] != '!') return false;
    std::string_view gap = s.substr(gap_begin, gap_end - gap_begin);
    // terminator, then closing quotes/brackets, then white space, then opening quotes
    size_t k = 0;
    char term = gap[k];
    size_t run = 0;
    while (k < gap.size() && (gap[k] == '.' || gap[k] == '?' || gap[k] == '!')) ++k, ++run;
    if (term == '.' && run >= 2) return false;  // ellipsis: "I was wondering... maybe"
    while (k < gap.size() && (gap[k] == ')' || gap[k] == '"' || gap[k] == '\'' || gap[k] == ']')) ++k;
    if (k < gap.size() && gap.compare(k, 3, "\xE2\x80\x9D") == 0) k += 3;
    if (k < gap.size() && gap.compare(k, 3, "\xE2\x80\x99") == 0) k += 3;
    size_t ws = k;
    while (k < gap.size() && (gap[k] == ' ' || gap[k] == '\t' || gap[k] == '\n' || gap[k] == '\r')) ++k;
    if (k == ws) return false;  // no space: "resume.pdf", "3.5", "Node.js"
    if (k < gap.size() && gap.compare(k, 3, "\xE2\x80\xA6") == 0) return false;
    for (size_t j = k; j < gap.size(); ++j) {
      char c = gap[j];
      if (c != '"' && c != '\'' && c != '(' && static_cast<unsigned char>(c) < 0x80) return false;
    }
    if (prev.flags & (kWordUrl | kWordEmail | kWordHasDigit)) return false;
    std::string_view pt = slice(s, prev.span);
    if (term == '.') {
      if (code_points(pt) == 1) return false;  // initials, "e.g.", "U.S."
      if (abbreviation(pt)) return false;
    }
    return true;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(capitalization, Rule_)

}  // namespace fulint::rules
