// article-agreement: "a" before a vowel sound or "an" before a consonant sound.
//
// The sound is decided from the spelling with the usual exceptions: a silent
// h ("an hour"), a "you" sound ("a university", "a user"), a "w" sound ("a
// one-time"), acronyms read letter by letter ("an MBA", "a URL"), numbers
// ("an 8-week"). Where both readings are common ("a/an SQL", "a/an FAQ",
// "a/an historic", "a/an herb") the rule stays silent.
#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

enum class Sound { Vowel, Consonant, Unsure };

bool starts_with(std::string_view w, std::string_view lower_prefix) {
  if (w.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i)
    if (lower_ascii(w[i]) != lower_prefix[i]) return false;
  return true;
}

bool any_prefix(std::string_view w, std::initializer_list<std::string_view> ps) {
  for (auto p : ps)
    if (starts_with(w, p)) return true;
  return false;
}

bool is_vowel_letter(char c) {
  c = lower_ascii(c);
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// A letter said on its own: "an F", "an M", "a U".
Sound letter_sound(char c) {
  c = upper_ascii(c);
  return std::string_view("AEFHILMNORSX").find(c) != std::string_view::npos ? Sound::Vowel : Sound::Consonant;
}

// Acronyms whose sound differs by reader: said as a word or letter by letter.
bool ambiguous_acronym(std::string_view w) {
  static constexpr std::string_view kAmbiguous[] = {"sql", "faq", "faqs", "sat", "sas", "sap", "seo", "mysql"};
  for (auto a : kAmbiguous)
    if (is(w, a)) return true;
  return false;
}

// Acronyms said as words: "a NASA", "an OSHA", "a UNICEF".
bool word_acronym(std::string_view w) {
  static constexpr std::string_view kWords[] = {"nasa", "nato", "unicef", "unesco", "osha", "fifa", "scuba", "laser", "radar", "gif", "jpeg", "mooc", "opec", "ikea", "asap", "aids", "lan", "wan", "nasdaq", "fomo", "yolo", "covid"};
  for (auto a : kWords)
    if (is(w, a)) return true;
  return false;
}

Sound word_sound(std::string_view w) {
  char c = lower_ascii(w[0]);
  if (c == 'u') {
    if (any_prefix(w, {"uber", "umami"})) return Sound::Vowel;
    if (any_prefix(w, {"ukr"})) return Sound::Consonant;
    if (any_prefix(w, {"unin", "unim", "unid", "unil", "unio"})) {
      // uninformed / unimportant (vowel) vs union / unilateral (you)
      if (any_prefix(w, {"union", "unilateral"})) return Sound::Consonant;
      return any_prefix(w, {"unin", "unim"}) ? Sound::Vowel : Sound::Unsure;
    }
    if (any_prefix(w, {"uni", "unanim"})) return Sound::Consonant;
    if (any_prefix(w, {"un", "up", "ul", "um", "ut", "us"})) {
      // utility, user, usual (you) vs utter, usher, up (vowel)
      if (any_prefix(w, {"uti", "ute", "uto", "utah", "use", "usi", "usu", "usa", "usur"})) return Sound::Consonant;
      return Sound::Vowel;
    }
    // u + one consonant + vowel: "you" (uranium, ubiquitous); otherwise a vowel (urgent, ugly)
    if (w.size() >= 3 && !is_vowel_letter(w[1]) && is_vowel_letter(w[2]) && w[1] != 'r') return Sound::Consonant;
    if (w.size() >= 3 && w[1] == 'r' && is_vowel_letter(w[2])) return any_prefix(w, {"urb", "urg"}) ? Sound::Vowel : Sound::Consonant;
    return Sound::Vowel;
  }
  if (c == 'e') {
    if (any_prefix(w, {"eu", "ewe"})) return Sound::Consonant;
    return Sound::Vowel;
  }
  if (c == 'o') {
    if (is(w, "one") || is(w, "ones") || is(w, "once") || any_prefix(w, {"one-", "onetime", "oneself", "ouija"}))
      return Sound::Consonant;
    return Sound::Vowel;
  }
  if (c == 'a' || c == 'i') return Sound::Vowel;
  if (c == 'h') {
    if (any_prefix(w, {"hour", "honest", "honor", "honour", "heir"})) return Sound::Vowel;
    if (any_prefix(w, {"histor", "herb", "hotel", "homage", "hysteric", "hypothe"})) return Sound::Unsure;
    return Sound::Consonant;
  }
  if (c == 'y') return Sound::Consonant;
  if ((c >= 'a' && c <= 'z')) return Sound::Consonant;
  return Sound::Unsure;  // other scripts, accents: not judged
}

// Sound of a number's first word: "an 8", "an 11", "an 18", "an 80", "a 1".
Sound number_sound(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0) return Sound::Unsure;
  if (w[0] == '8') return Sound::Vowel;
  bool eleven = w.substr(0, 2) == "11" || w.substr(0, 2) == "18";
  // "an 11-week", "an 18"; "11,000" is tokenized as "11" (eleven thousand)
  if (eleven) return n == 2 ? Sound::Vowel : Sound::Unsure;
  return Sound::Consonant;
}

Sound sound_of(const Word& wd, std::string_view w) {
  if (w.empty()) return Sound::Unsure;
  unsigned char c0 = static_cast<unsigned char>(w[0]);
  if (c0 >= '0' && c0 <= '9') return number_sound(w);
  if (c0 >= 0x80) return Sound::Unsure;
  // the letters of an acronym: "MBA", "MSc", "HR-approved", "B2B"
  size_t caps = 0;
  while (caps < w.size() && w[caps] >= 'A' && w[caps] <= 'Z') ++caps;
  std::string_view head = w.substr(0, caps);
  bool single_letter = w.size() == 1 || (w.size() >= 2 && (text::is_hyphen(static_cast<unsigned char>(w[1])) || w[1] == '-'));
  if (single_letter) return letter_sound(w[0]);
  if (caps >= 2 || (wd.flags & kWordAllCaps) || (caps == 1 && (wd.flags & kWordHasDigit))) {
    std::string_view acr = caps >= 2 ? head : w;
    // the whole word up to a hyphen or digit
    size_t e = 0;
    while (e < w.size() && ((w[e] >= 'A' && w[e] <= 'Z') || (w[e] >= 'a' && w[e] <= 'z'))) ++e;
    std::string_view whole = w.substr(0, e);
    if (ambiguous_acronym(whole) || ambiguous_acronym(acr)) return Sound::Unsure;
    if (word_acronym(whole) || word_acronym(acr)) return word_sound(whole);
    if (caps >= 2 && caps < e && caps + 1 < e) {
      // "MSc", "PhDs": a capital run then a short lower-case tail is still letters
      if (e - caps > 2) return Sound::Unsure;  // "MBAaward"? leave it
    }
    return letter_sound(w[0]);
  }
  return word_sound(w);
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "article-agreement",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "\"a\" before a vowel sound or \"an\" before a consonant sound (\"a interview\", \"an position\")",
        .fix = Fixability::Safe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Word* words = doc.words.data();
    const std::string_view text = doc.text;
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      // most words are not "a" or "an", which their length and first byte tell
      // in a loop that keeps next to nothing in registers; the rest in check_article
      for (uint32_t i = p.word_begin, end = p.word_end; i + 1 < end; ++i) {
        Span at = words[i].span;
        if (at.begin < at.end && at.end <= text.size() && (at.size() > 2 || (text[at.begin] | 0x20) != 'a')) continue;
        check_article(doc, p, i, out);
      }
    }
  }

 private:
  // Word i of part p: when it is "a" or "an" and the next word's sound calls
  // for the other, reports it.
  [[gnu::noinline]] static void check_article(const Document& doc, const Part& p, uint32_t i, Reporter& out) {
    const Word& art = doc.words[i];
    std::string_view a = doc.str(art.span);
    bool is_a = a.size() == 1 && (a[0] == 'a' || a[0] == 'A');
    bool is_an = a.size() == 2 && is(a, "an");
    if (!is_a && !is_an) return;
    // "A" inside a sentence is a letter ("Plan A", "Type A personality")
    if (a[0] == 'A' || a == "AN") {
      int si = sentence_of_word(doc, i);
      bool starts = i == p.word_begin || (si >= 0 && doc.sentences[static_cast<size_t>(si)].word_begin == i);
      if (!starts) return;
    }
    // the article must be a word of its own: not "a." / "a)" / "A/B"
    std::string_view gap = gap_after(doc, p, i);
    if (!only_white(gap)) return;
    if (art.span.begin > 0) {
      char pc = doc.text[art.span.begin - 1];
      if (pc == '-' || pc == '/' || pc == '.' || pc == '(' || pc == '\'' || pc == '"') return;
    }
    const Word& nw = doc.words[i + 1];
    if (nw.flags & (kWordUrl | kWordEmail)) return;
    std::string_view n = doc.str(nw.span);
    Sound s = sound_of(nw, n);
    if (s == Sound::Unsure) return;
    if (is_a && s == Sound::Vowel) {
      std::string repl = a[0] == 'A' ? "An" : "an";
      Diagnostic& d = out.report(art.span, "Use " + quoted(repl) + " before " + quoted(n) + ": it starts with a vowel sound");
      out.add_fix(d, "Replace with " + quoted(repl), FixSafety::Safe, {{art.span, repl}});
    } else if (is_an && s == Sound::Consonant) {
      std::string repl = a[0] == 'A' ? "A" : "a";
      Diagnostic& d = out.report(art.span, "Use " + quoted(repl) + " before " + quoted(n) + ": it starts with a consonant sound");
      out.add_fix(d, "Replace with " + quoted(repl), FixSafety::Safe, {{art.span, repl}});
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(article_agreement, Rule_)

}  // namespace fulint::rules
