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

// The patterns a word can start, found by length and first letter: most words
// land in an empty bucket, the rest compare against one or two words. A word
// with a curly apostrophe ("it’s") is folded first.
class FirstWords {
 public:
  FirstWords() {
    for (size_t i = 0; i < std::size(kPatterns); ++i)
      for (auto x : kPatterns[i].first) {
        std::string f = text::fold(x);
        if (f.size() >= kMaxLen || f[0] < 'a' || f[0] > 'z') continue;
        if (f.find('\'') != std::string::npos) curly_first_ |= 1u << (f[0] - 'a');
        auto& bucket = buckets_[f.size() * 26 + (f[0] - 'a')];
        auto it = std::find_if(bucket.begin(), bucket.end(), [&](const Entry& e) { return e.word == f; });
        if (it == bucket.end()) bucket.push_back({f, {}}), it = bucket.end() - 1;
        it->patterns.push_back(static_cast<uint8_t>(i));
      }
  }

  const std::vector<uint8_t>* of(std::string_view w) const {
    if (w.empty() || w.size() >= kMaxLen + 4) return nullptr;
    char f = lower_ascii(w[0]);
    if (f < 'a' || f > 'z') return nullptr;
    if (((curly_first_ >> (f - 'a')) & 1u) && w.find('\xE2') != std::string_view::npos) {
      std::string folded = text::fold(w);  // "it’s" -> "it's"
      return find(folded);
    }
    return find(w);
  }

 private:
  static constexpr size_t kMaxLen = 16;
  struct Entry {
    std::string word;  // folded
    std::vector<uint8_t> patterns;
  };

  const std::vector<uint8_t>* find(std::string_view w) const {
    if (w.size() >= kMaxLen) return nullptr;
    const auto& bucket = buckets_[w.size() * 26 + (lower_ascii(w[0]) - 'a')];
    for (const Entry& e : bucket)
      if (is(w, e.word)) return &e.patterns;
    return nullptr;
  }

  std::array<std::vector<Entry>, kMaxLen * 26> buckets_;
  uint32_t curly_first_ = 0;
};

bool in_set(Words set, std::string_view w) {
  for (auto x : set) {
    if (x.size() != w.size()) continue;  // "you’re" matches only a word of its byte length
    if (is_ascii(x) ? is(w, x) : same_word(w, x)) return true;
  }
  return false;
}

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
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      for (uint32_t i = p.word_begin; i + 1 < p.word_end; ++i) {
        const Word& a = doc.words[i];
        const Word& b = doc.words[i + 1];
        if ((a.flags | b.flags) & (kWordUrl | kWordEmail | kWordHasDigit)) continue;
        std::string_view ta = doc.str(a.span), tb = doc.str(b.span);
        if (ta.size() > 13 || tb.size() > 13) continue;  // longer than any listed word
        static const FirstWords first_words;
        const std::vector<uint8_t>* cands = first_words.of(ta);
        if (!cands) continue;
        const Pattern* hit = nullptr;
        for (uint8_t pi : *cands) {
          const Pattern& pat = kPatterns[pi];
          if (!in_set(pat.second, tb)) continue;
          if (!only_white(gap_after(doc, p, i))) break;
          if (!holds(doc, p, i, pat.cond)) continue;
          hit = &pat;
          break;
        }
        if (!hit) continue;
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
        ++i;
      }
    }
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
