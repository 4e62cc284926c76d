// punctuation-spacing: a space before , . ; : ? !, no space after a
// sentence's full stop ("done.Next"), two or more spaces between words.
#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

bool is_abbreviation(std::string_view w) {
  static constexpr WordSet<64> kAbbrev{"mr", "ms", "mrs", "dr", "prof", "sr", "jr", "st", "mt", "etc", "vs",
                                       "no", "inc", "ltd", "co", "corp", "approx", "dept", "mx", "ph", "cf",
                                       "al", "fig", "vol", "ed", "est", "ave", "rd", "ext", "tel", "attn"};
  return kAbbrev.contains(w);
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_alnum(char c) { return ascii_letter(c) || (c >= '0' && c <= '9'); }

// The word whose span contains or ends at offset `off`, or null.
const Word* word_ending_at(const Document& doc, const Part& p, uint32_t off) {
  for (uint32_t i = p.word_begin; i < p.word_end; ++i) {
    const Word& w = doc.words[i];
    if (w.span.end == off) return &w;
    if (w.span.begin > off) break;
  }
  return nullptr;
}
const Word* word_at(const Document& doc, const Part& p, uint32_t off) {
  for (uint32_t i = p.word_begin; i < p.word_end; ++i) {
    const Word& w = doc.words[i];
    if (w.span.begin <= off && off < w.span.end) return &w;
    if (w.span.begin > off) break;
  }
  return nullptr;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "punctuation-spacing",
        .group = Group::Proofreading,
        .severity = Severity::Info,
        .summary = "A space before , . ; : ? !, no space after a sentence's full stop, or two or more spaces between words",
        .fix = Fixability::Safe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::string_view s = doc.text;
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      uint32_t b = p.span.begin, e = std::min<uint32_t>(p.span.end, static_cast<uint32_t>(s.size()));
      for (uint32_t k = next_candidate(s, b, e); k < e; k = next_candidate(s, k + 1, e)) {
        char c = s[k];
        if (c == ' ') {
          uint32_t r = k;
          while (r < e && s[r] == ' ') ++r;
          // the run [k, r) of spaces
          bool line_start = k == b || s[k - 1] == '\n' || s[k - 1] == '\r' || s[k - 1] == '\t';
          char next = r < e ? s[r] : '\n';
          if (!line_start && next != '\n' && next != '\r' && r < e) {
            if (is_space_before_punct(doc, p, k, r, e)) {
              Diagnostic& d = out.report({k, r + 1}, "Space before " + quoted(std::string(1, next)) + "; delete it");
              out.add_fix(d, "Delete the space before " + quoted(std::string(1, next)), FixSafety::Safe, {{Span{k, r}, ""}});
            } else if (r - k >= 2 && p.kind != PartKind::Signature && next != '\t' && !after_sentence_end(s, k, b)) {
              Diagnostic& d = out.report({k, r}, std::to_string(r - k) + " spaces between words; use one");
              out.add_fix(d, "Replace with one space", FixSafety::Safe, {{Span{k, r}, " "}});
            }
          }
          k = r - 1;
          continue;
        }
        if (c == '.' && k > b && k + 2 < e && ascii_letter(s[k - 1]) && s[k + 1] >= 'A' && s[k + 1] <= 'Z' &&
            s[k + 2] >= 'a' && s[k + 2] <= 'z') {
          if (missing_space_after_stop(doc, p, k)) {
            Diagnostic& d = out.report({k, k + 1}, "No space after the full stop; add one");
            out.add_fix(d, "Add a space after the full stop", FixSafety::Safe, {{Span{k, k + 1}, ". "}});
          }
        }
      }
    }
  }

 private:
  // Whether the byte at k can start a finding: a full stop, or a space before
  // another space or before , . ; : ? ! — not a lone space before a word.
  static bool candidate(std::string_view s, uint32_t k, uint32_t e) {
    char c = s[k];
    if (c == '.') return true;
    if (c != ' ' || k + 1 >= e) return false;
    char n = s[k + 1];
    return n == ' ' || n == ',' || n == '.' || n == ';' || n == ':' || n == '?' || n == '!';
  }

  // The first candidate at or after k (e when none). The scan never stops
  // inside a run of spaces: the run's first space is a candidate whenever a
  // later one is, and the check skips over the whole run.
  static uint32_t next_candidate(std::string_view s, uint32_t k, uint32_t e) {
#if defined(__SSE2__)
    for (; k + 17 <= e; k += 16) {
      Block16 x(s.data() + k), next(s.data() + k + 1);
      uint32_t m = x.any('.') | (x.any(' ') & next.any(' ', ',', '.', ';', ':', '?', '!'));
      if (m) return k + static_cast<uint32_t>(std::countr_zero(m));
    }
#endif
    while (k < e && !candidate(s, k, e)) ++k;
    return k;
  }

  // A space run [k, r) followed by , . ; : ? ! that ends there (not ".5",
  // ":)", "...", ".NET", "3 :30").
  static bool is_space_before_punct(const Document& doc, const Part& p, uint32_t k, uint32_t r, uint32_t e) {
    std::string_view s = doc.text;
    char c = s[r];
    if (c != ',' && c != '.' && c != ';' && c != ':' && c != '?' && c != '!') return false;
    char after = r + 1 < e ? s[r + 1] : '\n';
    bool ends = after == ' ' || after == '\n' || after == '\r' || after == '\t' || r + 1 >= e;
    // a comma, question or exclamation mark after a space is a slip whatever
    // follows (" ,and"); a full stop, colon or semicolon must end there, not
    // start ".NET", ".5", ":30", ":)", ";-)"
    if (c == ',' || c == '?' || c == '!') ends = ends || text::is_alnum(static_cast<unsigned char>(after)) || after == '?' || after == '!';
    if (c == ',' && after >= '0' && after <= '9') ends = false;  // " ,5" is a number list slip; leave it
    if (!ends) return false;
    if (c == '.' && k >= 1 && s[k - 1] == '.') return false;
    // what comes before: a word, a closing quote or bracket
    char before = s[k - 1];
    unsigned char ub = static_cast<unsigned char>(before);
    if (!(ascii_alnum(before) || before == ')' || before == '"' || before == '\'' || ub >= 0x80)) return false;
    // an emoticon before: ":-) ;"
    if ((before == ')' || before == '(') && k >= 2 && (s[k - 2] == '-' || s[k - 2] == ':' || s[k - 2] == ';'))
      return false;
    // "- ." or an emoji before: leave to other rules
    if (ub >= 0x80) {
      size_t len;
      char32_t cp = text::decode_before(s, k, len);
      if (!text::is_alnum(cp) && cp != U'\u201D' && cp != U'\u2019') return false;
    }
    (void)p;
    return true;
  }

  // Two spaces after a sentence's end ("done.  Next") are a typing
  // convention, not an error.
  static bool after_sentence_end(std::string_view s, uint32_t k, uint32_t b) {
    uint32_t j = k;
    while (j > b && (s[j - 1] == '"' || s[j - 1] == ')' || s[j - 1] == '\'')) --j;
    return j > b && (s[j - 1] == '.' || s[j - 1] == '?' || s[j - 1] == '!' || s[j - 1] == ':');
  }

  // "done.Next": a full stop between a word and a capitalised word with no space.
  static bool missing_space_after_stop(const Document& doc, const Part& p, uint32_t k) {
    std::string_view s = doc.text;
    const Word* prev = word_ending_at(doc, p, k);
    const Word* next = word_at(doc, p, k + 1);
    if (!prev || !next) return false;
    if ((prev->flags | next->flags) & (kWordUrl | kWordEmail | kWordHasDigit | kWordAllCaps)) return false;
    std::string_view pt = doc.str(prev->span);
    if (code_points(pt) < 2 || is_abbreviation(pt)) return false;  // "U.S.", "e.g.", "Mr.Smith"
    // "Ph.D", "a.m.": a chain of one-letter pieces
    if (prev->span.begin > 0 && s[prev->span.begin - 1] == '.') return false;
    std::string_view nt = doc.str(next->span);
    // file names and domains: "Resume.Docx" is rare, "Acme.Com" too; the next word must be a word
    if (next->span.end < s.size() && (s[next->span.end] == '.' && next->span.end + 1 < s.size() &&
                                      ascii_alnum(s[next->span.end + 1])))
      return false;
    // the previous word must be a lower-case-ending word (not "JavaScript.Net")
    if (pt.back() < 'a' || pt.back() > 'z') return false;
    (void)nt;
    return true;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(punctuation_spacing, Rule_)

}  // namespace fulint::rules
