// Helpers shared by the structure rules: reading the greeting line.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/common.hpp"

namespace fulint::rules::structure {

// A fixed set of words (lower-case ASCII), built at compile time and looked
// up ignoring ASCII case, a curly apostrophe counting as a straight one: one
// pass over the word and a probe or two, where comparing it with every word of
// a list costs a hundred comparisons for the longest list.
template <size_t Slots>
class WordSet {
 public:
  static constexpr size_t kMaxLen = 24;

  // A set too small for its words, or a word that is empty, too long or not
  // lower-case ASCII, throws: a compile error, as sets are constexpr.
  constexpr WordSet(std::initializer_list<std::string_view> words) {
    static_assert((Slots & (Slots - 1)) == 0, "Slots must be a power of two");
    if (2 * words.size() > Slots) throw std::logic_error("WordSet: too many words");
    for (std::string_view w : words) {
      if (w.empty() || w.size() > kMaxLen) throw std::logic_error("WordSet: bad word length");
      for (char c : w)
        if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
          throw std::logic_error("WordSet: not lower-case ASCII");
      size_t i = hash(w);
      while (!slots_[i].empty()) i = (i + 1) & (Slots - 1);
      slots_[i] = w;
    }
  }

  bool contains(std::string_view w) const {
    // The key, lower-cased and hashed in one pass.
    char buf[kMaxLen];
    size_t n = 0;
    uint32_t h = kHashBasis;
    for (size_t i = 0; i < w.size(); ++i) {
      char c = w[i];
      if (static_cast<unsigned char>(c) >= 0x80) {
        // ’ reads as '; any other non-ASCII character is in no word of the set
        if (w.substr(i, 3) != "\xE2\x80\x99") return false;
        c = '\'';
        i += 2;
      } else if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c + 32);
      }
      if (n == kMaxLen) return false;
      buf[n++] = c;
      h = hash_step(h, c);
    }
    const std::string_view key(buf, n);
    for (size_t i = h & (Slots - 1); !slots_[i].empty(); i = (i + 1) & (Slots - 1))
      if (slots_[i] == key) return true;
    return false;
  }

 private:
  // FNV-1a
  static constexpr uint32_t kHashBasis = 2166136261u;
  static constexpr uint32_t hash_step(uint32_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 16777619u; }
  static constexpr size_t hash(std::string_view w) {
    uint32_t h = kHashBasis;
    for (char c : w) h = hash_step(h, c);
    return h & (Slots - 1);
  }

  std::array<std::string_view, Slots> slots_{};
};

inline constexpr WordSet<32> kCasualGreetings{
    "hey", "heya", "heyy", "heyyy", "hiya", "yo", "sup", "'sup", "howdy", "wassup", "whassup", "wazzup"};
inline constexpr WordSet<64> kGreetingWords{
    "dear", "hello", "hi", "hey", "heya", "heyy", "heyyy", "hiya", "yo", "sup", "'sup", "howdy", "wassup",
    "whassup", "wazzup", "greetings", "salutations", "morning", "afternoon", "evening", "hallo", "hullo",
    "g'day"};
inline constexpr WordSet<8> kDayParts{"morning", "afternoon", "evening", "day"};
inline constexpr WordSet<16> kTitles{"mr", "ms", "mrs", "miss", "mx", "dr", "prof", "professor"};
// Words that address nobody in particular ("Dear Hiring Manager", "Hi all").
inline constexpr WordSet<256> kNobody{
    "sir", "sirs", "madam", "madame", "ma'am", "hiring", "manager", "managers", "team", "teams", "all",
    "there", "everyone", "everybody", "folks", "friends", "colleagues", "recruiter", "recruiters",
    "recruiting", "recruitment", "talent", "acquisition", "human", "resources", "hr", "committee", "panel",
    "interviewer", "interviewers", "search", "selection", "whom", "concern", "ladies", "gentlemen", "people",
    "staff", "department", "group", "board", "members", "member", "guys", "y'all", "yall", "you", "again",
    "and", "or", "the", "of", "at", "to", "it", "may", "both", "each", "hiring-manager", "partner", "partners",
    "office", "admissions", "coordinator", "representative", "leadership", "crew", "gang", "squad", "lovely",
    "wonderful", "new", "future", "prospective", "respected", "esteemed", "honorable", "honourable", "valued",
    "employer", "company", "organization", "organisation"};
// Words that make a group of the words before them ("Dear Data Science Team").
inline constexpr WordSet<32> kGroupNouns{
    "team", "teams", "committee", "panel", "department", "staff", "group", "board", "colleagues", "all",
    "everyone", "crew", "office", "leadership", "partners"};
inline constexpr WordSet<8> kJoiners{"and", "or", "&"};

// Whether two words are equal once case folded (text::fold). ASCII words, the
// usual case, are compared without folding: their folds are their lower-case
// forms.
inline bool same_folded(std::string_view a, std::string_view b) {
  auto ascii = [](std::string_view s) {
    for (char c : s)
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
  };
  if (ascii(a) && ascii(b)) return ieq(a, b);
  return text::fold(a) == text::fold(b);
}

// The greeting line, read word by word.
struct Greeting {
  const Part* part = nullptr;
  // Words of the salutation (indexes into doc.words): [begin, greeting_end)
  // are the greeting word(s) ("Dear", "Good morning"), [greeting_end, end) the
  // addressee.
  uint32_t begin = 0, greeting_end = 0, end = 0;
  bool whom = false;         // "To whom it may concern"
  bool casual = false;       // the greeting word is casual
  bool placeholder = false;  // "[Name]", "{first_name}", "<Name>"
  // The people or groups named, split at "and", "&", ",", "/".
  struct Addressee {
    uint32_t begin = 0, end = 0;  // word indexes
    bool nobody = false;          // made only of words that name nobody, or a group ("Data Team")
  };
  std::vector<Addressee> addressees;
};

inline std::string_view wtext(const Document& doc, uint32_t w) { return doc.str(doc.words[w].span); }

// Reads the salutation; nullopt-like result (part == nullptr) when there is none.
inline Greeting read_greeting(const Context& ctx) {
  const Document& doc = ctx.doc;
  Greeting g;
  const Part* p = doc.salutation();
  if (!p) return g;
  g.part = p;
  g.begin = p->word_begin;
  g.end = p->word_end;
  std::string_view line = doc.str(p->span);
  g.placeholder = std::any_of(line.begin(), line.end(), [](char c) {
    return c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>';
  });
  uint32_t w = g.begin;
  if (w < g.end) {
    std::string_view w0 = wtext(doc, w);
    if (ieq(w0, "to") && w + 1 < g.end && ieq(wtext(doc, w + 1), "whom")) {
      g.whom = true;
      w = g.end;
    } else if (ieq(w0, "good") && w + 1 < g.end && kDayParts.contains(wtext(doc, w + 1))) {
      w += 2;
    } else if ((ieq(w0, "what's") || ieq(w0, "whats") || ieq(w0, "what\xE2\x80\x99s")) && w + 1 < g.end &&
               ieq(wtext(doc, w + 1), "up")) {
      g.casual = true;
      w += 2;
    } else if (kGreetingWords.contains(w0)) {
      g.casual = kCasualGreetings.contains(w0);
      w += 1;
    }
  }
  g.greeting_end = w;
  // Addressees: split at joiners and at commas / slashes between words.
  Greeting::Addressee cur{w, w, true};
  auto flush = [&] {
    if (cur.end > cur.begin) g.addressees.push_back(cur);
  };
  for (; w < g.end; ++w) {
    std::string_view t = wtext(doc, w);
    if (w > cur.begin) {
      std::string_view gap = std::string_view(doc.text).substr(doc.words[w - 1].span.end,
                                                               doc.words[w].span.begin - doc.words[w - 1].span.end);
      if (gap.find_first_of(",/&") != std::string_view::npos) {
        flush();
        cur = {w, w, true};
      }
    }
    if (kJoiners.contains(t)) {
      flush();
      cur = {w + 1, w + 1, true};
      continue;
    }
    if (cur.end == cur.begin) cur.begin = w;
    cur.end = w + 1;
    if (!kNobody.contains(t) && !kTitles.contains(t)) {
      bool company = false;
      for (const std::string& c : ctx.facts.company_tokens)
        if ((company = same_folded(c, t))) break;
      if (!company) cur.nobody = false;
    }
  }
  flush();
  // "Dear Data Science Team": a group named by its last word.
  for (auto& a : g.addressees)
    if (kGroupNouns.contains(wtext(doc, a.end - 1))) a.nobody = true;
  return g;
}

}  // namespace fulint::rules::structure

namespace fulint::rules::structure {

// An example greeting for messages: ‘Dear Priya Patel,’ when the reader is
// known, else ‘Dear Ms. Patel,’.
inline std::string example_greeting(const Context& ctx) {
  if (!ctx.facts.recipient_names.empty()) return quoted("Dear " + ctx.facts.recipient_names.front() + ",");
  return quoted("Dear Ms. Patel,");
}

}  // namespace fulint::rules::structure
