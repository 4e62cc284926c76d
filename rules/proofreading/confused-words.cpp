// confused-words: your/you're, its/it's, their/there/they're, then/than,
// affect/effect, loose/lose, weather/whether, complement/compliment,
// principal/principle — each decided from a neighbouring word, and only in
// patterns where the other reading is (nearly) impossible.
#include <array>
#include <span>
#include <algorithm>

#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

using Words = std::span<const std::string_view>;

enum class Cond : uint8_t {
  None,
  PhraseEnds,     // nothing follows in the sentence: "your welcome."
  NotAfterBe,     // the word before is not a form of "be": not "is there team …"
  ThirdIsTo,      // "their going to"
  ThirdIsNot,     // "weather or not"
  NextIsOther,    // "compliment each other" / "one another"
};

struct Pattern {
  Words first;
  Words second;
  int flag;                   // which word is wrong: 0 or 1
  std::string_view fix;       // its replacement
  Cond cond = Cond::None;
};

constexpr std::string_view kYour[] = {"your"};
constexpr std::string_view kYourNext[] = {"a", "an", "the", "going", "not", "gonna"};
constexpr std::string_view kWelcome[] = {"welcome", "busy"};
constexpr std::string_view kYoure[] = {"you're", "you\u2019re"};
constexpr std::string_view kPossessedNouns[] = {
    "team", "company", "time", "help", "consideration", "feedback", "email", "e-mail", "message", "interest",
    "office", "insight", "insights", "support", "guidance", "patience", "organization", "organisation", "department",
    "input", "advice", "questions", "offer", "reply", "response", "thoughts", "perspective", "products", "customers",
    "mission", "culture", "goals", "clients", "employees", "approach", "own"};
// After a preposition only a possessive can follow: "about you're plans".
constexpr std::string_view kPrepositions[] = {"about", "for", "of", "with", "on", "in", "from", "by", "at", "into",
                                              "during", "through", "throughout", "toward", "towards", "under", "within",
                                              "without", "regarding", "like"};
constexpr std::string_view kIts[] = {"its"};
constexpr std::string_view kItsNext[] = {"a", "an", "the", "been", "not", "going", "gonna"};
constexpr std::string_view kItIs[] = {"it's", "it\u2019s"};
constexpr std::string_view kOwn[] = {"own"};
constexpr std::string_view kTheir[] = {"their"};
constexpr std::string_view kBe[] = {"is", "are", "was", "were"};
constexpr std::string_view kThere[] = {"there"};
constexpr std::string_view kTheirNouns[] = {"team", "company", "office", "products", "customers", "goals", "mission",
                                            "culture", "approach", "own", "clients", "employees", "team's", "team\u2019s"};
constexpr std::string_view kTheyre[] = {"they're", "they\u2019re"};
constexpr std::string_view kTheirThere[] = {"their", "there"};
constexpr std::string_view kGoing[] = {"going"};
constexpr std::string_view kComparatives[] = {"better", "more", "less", "rather", "other", "greater", "higher",
                                              "lower", "larger", "smaller", "bigger", "faster", "fewer", "stronger",
                                              "easier", "harder", "worse", "sooner"};
constexpr std::string_view kThen[] = {"then"};
constexpr std::string_view kThanAfter[] = {"since", "until"};
constexpr std::string_view kThan[] = {"than"};
constexpr std::string_view kEffectBefore[] = {"an", "positive", "negative", "significant", "lasting", "huge",
                                              "direct", "immediate", "profound", "measurable", "adverse"};
constexpr std::string_view kAffect[] = {"affect"};
constexpr std::string_view kOn[] = {"on"};
constexpr std::string_view kLoseBefore[] = {"to", "will", "not", "could", "would", "might", "don't", "didn't", "never",
                                            "won't", "can't", "cannot", "don\u2019t", "didn\u2019t", "won\u2019t", "can\u2019t"};
constexpr std::string_view kLoose[] = {"loose"};
constexpr std::string_view kLoseAfter[] = {"the", "my", "your", "our", "their", "his", "her", "track", "sight",
                                           "interest", "momentum", "touch", "focus", "money", "customers"};
constexpr std::string_view kWeather[] = {"weather"};
constexpr std::string_view kOr[] = {"or"};
constexpr std::string_view kWhetherBefore[] = {"know", "knowing", "wondering", "wonder", "unsure", "decide",
                                               "deciding", "ask", "asking", "confirm", "determine", "regardless"};
constexpr std::string_view kCompliment[] = {"compliment", "compliments", "complimented"};
constexpr std::string_view kEachOne[] = {"each", "one"};
constexpr std::string_view kIn[] = {"in"};
constexpr std::string_view kPrincipal[] = {"principal"};
constexpr std::string_view kPrinciple[] = {"principle"};
constexpr std::string_view kRoles[] = {"engineer", "investigator", "scientist", "architect", "consultant",
                                       "designer", "analyst", "researcher", "software", "product", "data",
                                       "program", "programme", "developer", "ux", "partner"};

const Pattern kPatterns[] = {
    {kYour, kWelcome, 0, "you're", Cond::PhraseEnds},
    {kYour, kWelcome, 0, "you're", Cond::ThirdIsTo},
    {kYour, kYourNext, 0, "you're"},
    {kYoure, kPossessedNouns, 0, "your"},
    {kPrepositions, kYoure, 1, "your"},
    {kPrepositions, kItIs, 1, "its"},
    {kPrepositions, kTheyre, 1, "their"},
    {kIts, kItsNext, 0, "it's"},
    {kItIs, kOwn, 0, "its"},
    {kTheir, kBe, 0, "there"},
    {kThere, kTheirNouns, 0, "their", Cond::NotAfterBe},
    {kTheyre, kTheirNouns, 0, "their"},
    {kTheirThere, kGoing, 0, "they're", Cond::ThirdIsTo},
    {kComparatives, kThen, 1, "than"},
    {kThanAfter, kThan, 1, "then"},
    {kEffectBefore, kAffect, 1, "effect"},
    {kAffect, kOn, 0, "effect"},
    {kLoseBefore, kLoose, 1, "lose"},
    {kLoose, kLoseAfter, 0, "lose"},
    {kWeather, kOr, 0, "whether", Cond::ThirdIsNot},
    {kWhetherBefore, kWeather, 1, "whether"},
    {kCompliment, kEachOne, 0, "complement", Cond::NextIsOther},
    {kIn, kPrincipal, 1, "principle", Cond::PhraseEnds},
    {kPrinciple, kRoles, 0, "principal"},
};

static_assert(std::size(kPatterns) <= 32, "PatternWords keeps a bit per pattern");

// What each listed word can be: the first word of some patterns and the
// second word of others (a bit per pattern). Most words of a draft are turned
// away by their length and first letter; the rest cost one hash and a probe
// or two.
//
// A word matches a listed word as is() compares them (ASCII, any case). One
// with non-ASCII letters matches as a first word only folded, when a listed
// word starting with its letter has an apostrophe ("It’s" -> "it's"), and as a
// second word only by folding against a listed word of its byte length
// written with a curly apostrophe ("you’re").
class PatternWords {
 public:
  struct Entry {
    std::string word;              // lower case, ASCII
    std::vector<uint8_t> first;    // the patterns it starts, in order
    uint32_t second = 0;           // the patterns it ends, a bit each
    uint32_t second_sizes = 0;     // the byte lengths of the words that can end `first`, a bit each
  };

  PatternWords() {
    slots_.fill(-1);
    for (size_t i = 0; i < std::size(kPatterns); ++i) {
      for (auto x : kPatterns[i].first) {
        std::string f = text::fold(x);  // "it’s" -> "it's"
        uint32_t letter = 1u << (f[0] - 'a');
        if (f.find('\'') != std::string::npos) curly_first_ |= letter;
        if (f.size() < first_letters_.size()) first_letters_[f.size()] |= letter;
        Entry& e = entry(f);
        // "you're" and "you’re" fold alike: the pattern is tried once
        if (e.first.empty() || e.first.back() != i) e.first.push_back(static_cast<uint8_t>(i));
        for (auto y : kPatterns[i].second) e.second_sizes |= 1u << std::min<size_t>(y.size(), 31);
      }
      for (auto x : kPatterns[i].second) {
        if (text::all_ascii(x)) {
          entry(x).second |= 1u << i;
          continue;
        }
        auto it = std::find_if(curly_.begin(), curly_.end(), [&](const Curly& c) { return c.word == x; });
        if (it == curly_.end()) it = curly_.insert(curly_.end(), {x, text::fold(x), 0});
        it->second |= 1u << i;
      }
    }
  }

  // The word as the first word of some patterns, or null.
  const Entry* first_of(std::string_view w) const {
    if (w.empty()) return nullptr;
    char f = lower_ascii(w[0]);
    if (f < 'a' || f > 'z') return nullptr;
    uint32_t letter = 1u << (f - 'a');
    if (w.size() < first_letters_.size() && (first_letters_[w.size()] & letter)) {
      if (const Entry* e = find(w)) return e->first.empty() ? nullptr : e;
    }
    // not listed as it is: "it’s" may be, folded
    if (!(curly_first_ & letter) || text::all_ascii(w) || w.find('\xE2') == std::string_view::npos) return nullptr;
    const Entry* e = find(text::fold(w));
    return e && !e->first.empty() ? e : nullptr;
  }

  // The patterns the word can end, a bit per pattern.
  uint32_t second_of(std::string_view w) const {
    if (const Entry* e = find(w)) return e->second;
    uint32_t bits = 0;
    std::string folded;
    for (const Curly& c : curly_) {
      // an ASCII word folds to its own length, shorter than a curly one's
      if (c.word.size() != w.size() || text::all_ascii(w)) continue;
      if (folded.empty()) folded = text::fold(w);
      if (folded == c.folded) bits |= c.second;
    }
    return bits;
  }

 private:
  static constexpr size_t kSlotBits = 10;  // 1024 slots, a quarter full

  // A listed second word with a curly apostrophe.
  struct Curly {
    std::string_view word;
    std::string folded;
    uint32_t second = 0;
  };

  static size_t slot(std::string_view w) { return word_hash(w) >> (64 - kSlotBits); }
  static size_t after(size_t i) { return (i + 1) & ((size_t{1} << kSlotBits) - 1); }

  // The listed word the word is, in any case (only an ASCII word can be).
  const Entry* find(std::string_view w) const {
    for (size_t i = slot(w); slots_[i] >= 0; i = after(i)) {
      const Entry& e = entries_[static_cast<size_t>(slots_[i])];
      if (is(w, e.word)) return &e;
    }
    return nullptr;
  }

  Entry& entry(std::string_view lower) {
    size_t i = slot(lower);
    for (; slots_[i] >= 0; i = after(i))
      if (entries_[static_cast<size_t>(slots_[i])].word == lower) return entries_[static_cast<size_t>(slots_[i])];
    slots_[i] = static_cast<int16_t>(entries_.size());
    return entries_.emplace_back(Entry{std::string(lower), {}, 0, 0});
  }

  std::vector<Entry> entries_;
  std::array<int16_t, size_t{1} << kSlotBits> slots_;
  std::vector<Curly> curly_;
  std::array<uint32_t, 16> first_letters_{};  // by length: a bit per first letter of a listed first word
  uint32_t curly_first_ = 0;
};

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "confused-words",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "Commonly confused words told apart by their neighbour: your/you're, its/it's, their/there, then/than, loose/lose …",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    int curly = -1;  // whether the draft writes apostrophes curly, found on first need
    static const PatternWords listed;
    std::string_view s = doc.text;
    const Word* words = doc.words.data();
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      for (uint32_t i = p.word_begin; i + 1 < p.word_end; ++i) {
        const Word& a = words[i];
        const Word& b = words[i + 1];
        if ((a.flags | b.flags) & (kWordUrl | kWordEmail | kWordHasDigit)) continue;
        // longer than any listed word: > 13 bytes
        std::string_view ta = slice(s, a.span);
        if (ta.size() > 13) continue;
        const PatternWords::Entry* start = listed.first_of(ta);
        if (!start) continue;
        std::string_view tb = slice(s, b.span);
        if (tb.size() > 13 || !((start->second_sizes >> tb.size()) & 1u)) continue;
        uint32_t ends = listed.second_of(tb);
        if (ends && report_pattern(doc, p, i, start->first, ends, curly, out)) ++i;
      }
    }
  }

 private:
  // Words i and i + 1 of part p start and end some patterns: reports the first
  // pattern whose condition holds, and says whether there was one. Out of
  // line, so that the loop above keeps its state in registers.
  [[gnu::noinline]] static bool report_pattern(const Document& doc, const Part& p, uint32_t i,
                                               const std::vector<uint8_t>& starts, uint32_t ends, int& curly,
                                               Reporter& out) {
    const Pattern* hit = nullptr;
    for (uint8_t pi : starts) {
      const Pattern& pat = kPatterns[pi];
      if (!((ends >> pi) & 1u)) continue;
      if (!only_white(gap_after(doc, p, i))) break;
      if (!holds(doc, p, i, pat.cond)) continue;
      hit = &pat;
      break;
    }
    if (!hit) return false;
    const Word& a = doc.words[i];
    const Word& b = doc.words[i + 1];
    std::string_view ta = doc.str(a.span), tb = doc.str(b.span);
    const Word& bad = hit->flag == 0 ? a : b;
    std::string_view tbad = doc.str(bad.span);
    std::string repl = match_case(tbad, hit->fix);
    if (repl.find('\'') != std::string::npos) {
      if (curly < 0) curly = doc.text.find("\xE2\x80\x99") != std::string::npos ? 1 : 0;
      if (curly == 1) {
        size_t q = repl.find('\'');
        repl.replace(q, 1, "\xE2\x80\x99");
      }
    }
    std::string pair(ta);
    pair += ' ';
    pair += tb;
    std::string fixed = hit->flag == 0 ? repl + " " + std::string(tb) : std::string(ta) + " " + repl;
    Diagnostic& d = out.report(bad.span, quoted(pair) + " should probably be " + quoted(fixed));
    out.add_fix(d, "Replace with " + quoted(repl), FixSafety::Unsafe, {{bad.span, repl}});
    return true;
  }

 private:
  static bool holds(const Document& doc, const Part& p, uint32_t i, Cond c) {
    switch (c) {
      case Cond::None: return true;
      case Cond::PhraseEnds: {
        // the second word ends the part, or punctuation follows it
        if (i + 2 >= p.word_end) return true;
        std::string_view g = gap_after(doc, p, i + 1);
        return !only_white(g);
      }
      case Cond::NotAfterBe: {
        if (i == p.word_begin) return true;
        std::string_view prev = doc.str(doc.words[i - 1].span);
        return !(is(prev, "is") || is(prev, "are") || is(prev, "was") || is(prev, "were") || is(prev, "be") ||
                 is(prev, "been") || is(prev, "isn't") || is(prev, "aren't"));
      }
      case Cond::ThirdIsTo:
      case Cond::ThirdIsNot:
      case Cond::NextIsOther: {
        if (i + 2 >= p.word_end || !only_white(gap_after(doc, p, i + 1))) return false;
        std::string_view third = doc.str(doc.words[i + 2].span);
        if (c == Cond::ThirdIsTo) return is(third, "to");
        if (c == Cond::ThirdIsNot) return is(third, "not");
        return is(third, "other") || is(third, "another");
      }
    }
    return false;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(confused_words, Rule_)

}  // namespace fulint::rules
