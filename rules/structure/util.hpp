// Helpers shared by the structure rules: reading the greeting line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/common.hpp"

namespace fulint::rules::structure {


// Whether w (ASCII, any case) is one of the words; curly apostrophes count as straight ones.
template <size_t N>
inline bool one_of(std::string_view w, const std::string_view (&words)[N]) {
  std::string tmp;
  if (w.find("\xE2\x80\x99") != std::string_view::npos) {
    tmp.assign(w);
    for (size_t p; (p = tmp.find("\xE2\x80\x99")) != std::string::npos;) tmp.replace(p, 3, "'");
    w = tmp;
  }
  for (std::string_view x : words)
    if (ieq(w, x)) return true;
  return false;
}

inline constexpr std::string_view kCasualGreetings[] = {"hey", "heya", "heyy",  "heyyy",  "hiya",    "yo",
                                                        "sup", "'sup", "howdy", "wassup", "whassup", "wazzup"};
inline constexpr std::string_view kGreetingWords[] = {
    "dear",        "hello",   "hi",        "hey",     "heya",   "heyy",    "heyyy",  "hiya",
    "yo",          "sup",     "'sup",      "howdy",   "wassup", "whassup", "wazzup", "greetings",
    "salutations", "morning", "afternoon", "evening", "hallo",  "hullo",   "g'day"};
inline constexpr std::string_view kDayParts[] = {"morning", "afternoon", "evening", "day"};
inline constexpr std::string_view kTitles[] = {"mr", "ms", "mrs", "miss", "mx", "dr", "prof", "professor"};
// Words that address nobody in particular ("Dear Hiring Manager", "Hi all").
inline constexpr std::string_view kNobody[] = {"sir",
                                               "sirs",
                                               "madam",
                                               "madame",
                                               "ma'am",
                                               "hiring",
                                               "manager",
                                               "managers",
                                               "team",
                                               "teams",
                                               "all",
                                               "there",
                                               "everyone",
                                               "everybody",
                                               "folks",
                                               "friends",
                                               "colleagues",
                                               "recruiter",
                                               "recruiters",
                                               "recruiting",
                                               "recruitment",
                                               "talent",
                                               "acquisition",
                                               "human",
                                               "resources",
                                               "hr",
                                               "committee",
                                               "panel",
                                               "interviewer",
                                               "interviewers",
                                               "search",
                                               "selection",
                                               "whom",
                                               "concern",
                                               "ladies",
                                               "gentlemen",
                                               "people",
                                               "staff",
                                               "department",
                                               "group",
                                               "board",
                                               "members",
                                               "member",
                                               "guys",
                                               "y'all",
                                               "yall",
                                               "you",
                                               "again",
                                               "and",
                                               "or",
                                               "the",
                                               "of",
                                               "at",
                                               "to",
                                               "it",
                                               "may",
                                               "both",
                                               "each",
                                               "hiring-manager",
                                               "partner",
                                               "partners",
                                               "office",
                                               "admissions",
                                               "coordinator",
                                               "representative",
                                               "leadership",
                                               "crew",
                                               "gang",
                                               "squad",
                                               "lovely",
                                               "wonderful",
                                               "new",
                                               "future",
                                               "prospective",
                                               "respected",
                                               "esteemed",
                                               "honorable",
                                               "honourable",
                                               "valued",
                                               "employer",
                                               "company",
                                               "organization",
                                               "organisation"};
// Words that make a group of the words before them ("Dear Data Science Team").
inline constexpr std::string_view kGroupNouns[] = {"team",     "teams", "committee", "panel",      "department",
                                                   "staff",    "group", "board",     "colleagues", "all",
                                                   "everyone", "crew",  "office",    "leadership", "partners"};
inline constexpr std::string_view kJoiners[] = {"and", "or", "&"};

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
  g.placeholder = line.find_first_of("[]{}<>") != std::string_view::npos;
  uint32_t w = g.begin;
  if (w < g.end) {
    std::string_view w0 = wtext(doc, w);
    if (ieq(w0, "to") && w + 1 < g.end && ieq(wtext(doc, w + 1), "whom")) {
      g.whom = true;
      w = g.end;
    } else if (ieq(w0, "good") && w + 1 < g.end && one_of(wtext(doc, w + 1), kDayParts)) {
      w += 2;
    } else if ((ieq(w0, "what's") || ieq(w0, "whats") || ieq(w0, "what\xE2\x80\x99s")) && w + 1 < g.end &&
               ieq(wtext(doc, w + 1), "up")) {
      g.casual = true;
      w += 2;
    } else if (one_of(w0, kGreetingWords)) {
      g.casual = one_of(w0, kCasualGreetings);
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
    if (one_of(t, kJoiners)) {
      flush();
      cur = {w + 1, w + 1, true};
      continue;
    }
    if (cur.end == cur.begin) cur.begin = w;
    cur.end = w + 1;
    if (!one_of(t, kNobody) && !one_of(t, kTitles)) {
      bool company = false;
      for (const std::string& c : ctx.facts.company_tokens) company |= text::fold(c) == text::fold(t);
      if (!company) cur.nobody = false;
    }
  }
  flush();
  // "Dear Data Science Team": a group named by its last word.
  for (auto& a : g.addressees)
    if (one_of(wtext(doc, a.end - 1), kGroupNouns)) a.nobody = true;
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
