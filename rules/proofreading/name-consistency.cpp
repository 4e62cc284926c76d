// name-consistency: a capitalised word one or two edits away from a
// recipient's name or the company ("Riviera" for Rivera, "Acmee" for Acme).
#include <bit>

#include "fulint/spell.hpp"
#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

struct Target {
  std::string_view name;  // as known ("Rivera")
  std::string folded;
  uint32_t letters = 0;    // bit set of a–z present (ASCII names), for a quick filter
  size_t cps = 0;          // code points
  bool company = false;
};

uint32_t letter_mask(std::string_view s) {
  uint32_t m = 0;
  for (char c : s) {
    char l = lower_ascii(c);
    if (l >= 'a' && l <= 'z') m |= 1u << (l - 'a');
  }
  return m;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "name-consistency",
        .group = Group::Proofreading,
        .severity = Severity::Error,
        .summary = "A name one or two letters away from a recipient's name or the company (\"Riviera\" for Rivera)",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Facts& f = ctx.facts;
    if (f.recipient_tokens.empty() && f.company_tokens.empty()) return;
    std::vector<Target> targets;
    auto add = [&](const std::string& n, bool company) {
      size_t cps = text::count_code_points(n);
      if (cps < 4) return;
      for (const Target& t : targets)
        if (t.name == n) return;
      targets.push_back({n, text::fold(n), letter_mask(n), cps, company});
    };
    for (const std::string& n : f.recipient_tokens) add(n, false);
    for (const std::string& n : f.company_tokens) add(n, true);
    if (targets.empty()) return;

    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      bool prev_title = false;
      for (uint32_t i = p.word_begin; i < p.word_end; ++i) {
        const Word& w = doc.words[i];
        bool after_title = prev_title;
        prev_title = false;
        if (!(w.flags & kWordCapitalized) || (w.flags & (kWordUrl | kWordEmail | kWordHasDigit))) continue;
        std::string_view full = doc.str(w.span);
        prev_title = full.size() <= 9 && is_title(full);
        std::string_view t = strip_possessive(full);
        if (t.size() < 4) continue;
        size_t cps = text::count_code_points(t);
        if (cps < 4) continue;
        bool ascii = is_ascii(t);
        uint32_t mask = ascii ? letter_mask(t) : 0;
        const Target* best = nullptr;
        int best_d = 3;
        std::string folded;
        for (const Target& tg : targets) {
          if (cps + 2 < tg.cps || tg.cps + 2 < cps) continue;
          // each edit changes at most two letters of the set
          if (ascii && is_ascii(tg.name) && std::popcount(mask ^ tg.letters) > 4) continue;
          if (folded.empty()) folded = text::fold(t);
          if (folded == tg.folded) {
            best = nullptr;  // the word is this name
            best_d = 0;
            break;
          }
          int d = text::edit_distance(folded, tg.folded, 2);
          if (d >= 1 && d <= 2 && d < best_d) {
            best_d = d;
            best = &tg;
          }
        }
        if (!best) continue;
        bool name_slot = p.kind == PartKind::Salutation || after_title;
        // the greeting's own words are not names: "Dear", "Hello", "Team"
        if (p.kind == PartKind::Salutation && greeting_word(t)) continue;
        // in running text a short name needs a closer match: "Mateo" is not "Patel"
        if (!name_slot && best_d == 2 && best->cps < 6) continue;
        // the word is itself one of the names (a recipient, the writer)
        if (is_known_name(f, t)) continue;
        if (is_user_word(f, t)) continue;
        // a dictionary word is fine outside the greeting and not after a title:
        // "the Data team" when writing to Dana
        if (!name_slot) {
          if (!ctx.speller) continue;  // cannot tell a dictionary word from a slip
          if (ctx.speller->known(t) || ctx.speller->known(full)) continue;
          if (all_caps_or_common(t)) continue;
        }
        std::string repl(best->name);
        std::string what = best->company ? "the company name " : "the recipient's name ";
        Span where{w.span.begin, w.span.begin + static_cast<uint32_t>(t.size())};
        Diagnostic& d = out.report(where, quoted(t) + " looks like a misspelling of " + what + quoted(repl) +
                                              "; check the spelling");
        out.add_fix(d, "Replace with " + quoted(repl), FixSafety::Unsafe, {{where, repl}});
      }
    }
  }

 private:
  static bool greeting_word(std::string_view t) {
    static constexpr std::string_view kWords[] = {"dear", "hello", "hi", "hey", "hiya", "greetings", "good", "morning",
                                                  "afternoon", "evening", "day", "team", "all", "everyone", "hiring",
                                                  "manager", "managers", "committee", "recruiting", "recruiter", "sir",
                                                  "madam", "there", "folks", "colleagues", "panel", "search", "members",
                                                  "department", "human", "resources", "talent", "acquisition", "whom",
                                                  "concern", "dearest", "howdy"};
    for (auto k : kWords)
      if (is(t, k)) return true;
    return false;
  }

  static bool all_caps_or_common(std::string_view t) {
    // a word in capitals only is an acronym, not a name
    for (char c : t)
      if (c >= 'a' && c <= 'z') return false;
    return true;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(name_consistency, Rule_)

}  // namespace fulint::rules
