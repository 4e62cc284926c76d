// name-consistency: a capitalised word one or two edits away from a
// recipient's name or the company ("Riviera" for Rivera, "Acmee" for Acme).
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
  bool ascii = false;
};

// A lower bound of the edit distance between two ASCII words: an edit
// changes the letter counts by at most two (a transposition not at all). Far
// cheaper than text::edit_distance, which most candidates fail anyway.
int count_gap(std::string_view a, std::string_view b) {
  int n[32] = {};  // by the low five bits: merged counts only lower the bound
  for (char c : a) ++n[c & 31];
  for (char c : b) --n[c & 31];
  int gap = 0;
  for (int x : n) gap += x < 0 ? -x : x;
  return gap;
}

// std::popcount, which without -mpopcnt is a call into libgcc.
constexpr int bits_set(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  return static_cast<int>((((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}
static_assert(bits_set(0) == 0 && bits_set(0xFFFFFFFFu) == 32 && bits_set(0x80000001u) == 2);

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
      size_t cps = code_points(n);
      if (cps < 4) return;
      for (const Target& t : targets)
        if (t.name == n) return;
      targets.push_back({n, fold_word(n), letter_mask(n), cps, company, text::all_ascii(n)});
    };
    for (const std::string& n : f.recipient_tokens) add(n, false);
    for (const std::string& n : f.company_tokens) add(n, true);
    if (targets.empty()) return;

    // the text and the words in locals: the compiler need not reload them per word
    std::string_view s = doc.text;
    const Word* words = doc.words.data();
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      bool prev_title = false;
      for (uint32_t i = p.word_begin; i < p.word_end; ++i) {
        const Word& w = words[i];
        bool after_title = prev_title;
        prev_title = false;
        if (!(w.flags & kWordCapitalized) || (w.flags & (kWordUrl | kWordEmail | kWordHasDigit))) continue;
        std::string_view full = slice(s, w.span);
        prev_title = full.size() <= 9 && is_title(full);
        std::string_view t = strip_possessive(full);
        if (t.size() < 4) continue;
        bool ascii = text::all_ascii(t);
        size_t cps = ascii ? t.size() : text::count_code_points(t);
        if (cps < 4) continue;
        uint32_t mask = 0;  // the word's letters, found on first need
        const Target* best = nullptr;
        int best_d = 3;
        std::string folded;
        for (const Target& tg : targets) {
          if (cps + 2 < tg.cps || tg.cps + 2 < cps) continue;
          // each edit changes at most two letters of the set
          if (ascii && tg.ascii) {
            if (!mask) mask = letter_mask(t);
            if (bits_set(mask ^ tg.letters) > 4) continue;
          }
          if (folded.empty()) folded = fold_word(t);
          if (folded == tg.folded) {
            best = nullptr;  // the word is this name
            best_d = 0;
            break;
          }
          if (ascii && tg.ascii && count_gap(folded, tg.folded) > 4) continue;  // three edits or more
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
    static constexpr WordSet<128> kWords{"dear", "hello", "hi", "hey", "hiya", "greetings", "good", "morning",
                                         "afternoon", "evening", "day", "team", "all", "everyone", "hiring",
                                         "manager", "managers", "committee", "recruiting", "recruiter", "sir",
                                         "madam", "there", "folks", "colleagues", "panel", "search", "members",
                                         "department", "human", "resources", "talent", "acquisition", "whom",
                                         "concern", "dearest", "howdy"};
    return kWords.contains(t);
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
