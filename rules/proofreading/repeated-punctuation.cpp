// repeated-punctuation: ",," ".." (not an ellipsis) "??" "?!" "!?" ";;".
// A run of "!" alone is exclamation-overuse's.
#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

bool in_url_or_email(const Document& doc, const Part& p, uint32_t off) {
  for (uint32_t i = p.word_begin; i < p.word_end; ++i) {
    const Word& w = doc.words[i];
    if (w.span.begin > off) break;
    if ((w.flags & (kWordUrl | kWordEmail)) && w.span.begin <= off && off < w.span.end) return true;
  }
  return false;
}

// The word that ends right at `off`, or null.
const Word* word_before(const Document& doc, const Part& p, uint32_t off) {
  for (uint32_t i = p.word_begin; i < p.word_end; ++i) {
    const Word& w = doc.words[i];
    if (w.span.end == off) return &w;
    if (w.span.begin >= off) break;
  }
  return nullptr;
}

bool abbreviation(std::string_view w) {
  static constexpr WordSet<64> kAbbrev{"co", "inc", "ltd", "corp", "etc", "jr", "sr", "st", "llc", "plc",
                                       "bros", "dept", "approx", "mfg", "intl", "assn", "univ", "ave", "blvd",
                                       "rd", "esq", "phd", "msc", "bsc", "mba", "vs", "al"};
  if (code_points(w) == 1) return true;  // "U.S.." "p.m.."
  return kAbbrev.contains(w);
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "repeated-punctuation",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "Doubled punctuation: \",,\" \"..\" (an ellipsis \"...\" is fine) \"??\" \"?!\" \";;\"",
        .fix = Fixability::Mixed,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::string_view s = doc.text;
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      uint32_t b = p.span.begin, e = std::min<uint32_t>(p.span.end, static_cast<uint32_t>(s.size()));
      const uint32_t size = static_cast<uint32_t>(s.size());
      for (uint32_t k = next_mark(s, b, e); k < e; k = next_mark(s, k + 1, e)) {
        // a run that began in the previous part ("Dear Ms. Patel,," splits after the first comma)
        if (k == b && k > 0 && is_mark(s[k - 1])) {
          while (k < e && is_mark(s[k])) ++k;
          continue;
        }
        uint32_t r = k;
        int commas = 0, dots = 0, semis = 0, qs = 0, bangs = 0;
        while (r < size && is_mark(s[r])) {
          switch (s[r]) {
            case ',': ++commas; break;
            case '.': ++dots; break;
            case ';': ++semis; break;
            case '?': ++qs; break;
            default: ++bangs; break;
          }
          ++r;
        }
        uint32_t n = r - k;
        Span run{k, r};
        uint32_t next = r;
        k = r - 1;
        if (n < 2) continue;
        std::string text(s.substr(run.begin, n));
        if (in_url_or_email(doc, p, run.begin)) continue;
        if (commas == static_cast<int>(n) || semis == static_cast<int>(n)) {
          std::string one(1, text[0]);
          Diagnostic& d = out.report(run, "Repeated punctuation " + quoted(text) + "; use one " + quoted(one));
          out.add_fix(d, "Replace with " + quoted(one), FixSafety::Safe, {{run, one}});
        } else if (dots == 2 && n == 2) {
          // "1..5", "../", a URL
          bool digits = run.begin > b && ascii_digit(s[run.begin - 1]) && next < size && ascii_digit(s[next]);
          bool path = (run.begin > b && s[run.begin - 1] == '/') || (next < size && s[next] == '/');
          if (digits || path) continue;
          // "Acme Co..": the abbreviation's stop also ends the sentence
          const Word* prev = word_before(doc, p, run.begin);
          if (prev && abbreviation(doc.str(prev->span))) {
            std::string abbr(doc.str(prev->span));
            Diagnostic& d = out.report(run, "Two full stops after " + quoted(abbr + ".") +
                                                ": the abbreviation's full stop also ends the sentence; drop one");
            out.add_fix(d, "Replace with " + quoted("."), FixSafety::Safe, {{run, "."}});
            continue;
          }
          Diagnostic& d = out.report(run, "Two full stops " + quoted(text) + "; use one " + quoted(".") + " or an ellipsis " + quoted("..."));
          out.add_fix(d, "Replace with " + quoted("."), FixSafety::Unsafe, {{run, "."}});
        } else if (qs > 0 && qs + bangs == static_cast<int>(n)) {
          if (bangs == 0) {
            Diagnostic& d = out.report(run, "Repeated question mark " + quoted(text) + "; use one " + quoted("?"));
            out.add_fix(d, "Replace with " + quoted("?"), FixSafety::Safe, {{run, "?"}});
          } else {
            std::string one(1, text[0]);
            Diagnostic& d = out.report(run, "Stacked punctuation " + quoted(text) + "; end the sentence with one mark");
            out.add_fix(d, "Replace with " + quoted(one), FixSafety::Unsafe, {{run, one}});
          }
        }
        // other mixes (",." "etc.," "!!" "...") are not this rule's
      }
    }
  }

 private:
  static bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
  static bool is_mark(char c) { return c == ',' || c == '.' || c == ';' || c == '?' || c == '!'; }

  // The first mark at or after k, or e.
  static uint32_t next_mark(std::string_view s, uint32_t k, uint32_t e) {
#if defined(__SSE2__)
    for (; k + 16 <= e; k += 16) {
      Block16 x(s.data() + k);
      uint32_t m = x.any(',', '.', ';', '?', '!');
      if (m) return k + static_cast<uint32_t>(std::countr_zero(m));
    }
#endif
    while (k < e && !is_mark(s[k])) ++k;
    return k;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(repeated_punctuation, Rule_)

}  // namespace fulint::rules
