// spelling: a word of the author's text is in none of the dictionaries.
//
// The hot path is one cached look-up per word (Speller::known); everything
// else — possessives, hyphenated words, names, the user's words — runs only
// for the few words the dictionaries do not know. Suggestions are computed on
// request (deferred_fixes), never while linting.
#include "fulint/spell.hpp"
#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

bool is_alnum_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  size_t len;
  return text::is_alnum(text::decode(s, i, len));
}
bool is_alnum_before(std::string_view s, size_t i) {
  if (i == 0) return false;
  size_t len;
  return text::is_alnum(text::decode_before(s, i, len));
}

// Known by a dictionary, as a possessive or as a hyphenated compound.
bool known_word(const Speller& sp, std::string_view w, bool sentence_start) {
  if (sp.known(w)) return true;
  std::string_view stem = strip_possessive(w);
  if (stem.size() != w.size() && sp.known(stem)) return true;
  if (sentence_start && w[0] >= 'A' && w[0] <= 'Z') {
    std::string lower(w);
    lower[0] = lower_ascii(lower[0]);
    if (sp.known(lower)) return true;
  }
  return false;
}

// Chat-speak is tone-casual's to report, not a misspelling.
bool chat_speak(std::string_view w) {
  static constexpr WordSet<128> kChat{"lol", "lmao", "rofl", "haha", "hahaha", "hehe", "btw", "thx", "tx",
                                      "pls", "plz", "omg", "imo", "imho", "tbh", "idk", "fyi", "asap",
                                      "gonna", "wanna", "gotta", "kinda", "sorta", "dunno", "ya", "yep",
                                      "nope", "np", "ty", "tysm", "lmk", "brb", "ttyl", "cya", "xoxo",
                                      "ur", "u", "r", "b4", "gr8", "nvm", "smh", "yolo", "hiya", "howdy"};
  return kChat.contains(w);
}

// The pieces of a hyphenated word that nothing knows ("fololw" in
// "fololw-up"); empty when every piece is known. Pieces of one letter pass.
void unknown_pieces(const Speller& sp, const Facts& f, std::string_view w, uint32_t base, std::vector<Span>& out) {
  size_t i = 0;
  while (i <= w.size()) {
    size_t j = i;
    size_t len = 0;
    while (j < w.size()) {
      char32_t cp = text::decode(w, j, len);
      if (text::is_hyphen(cp)) break;
      j += len;
    }
    std::string_view part = w.substr(i, j - i);
    if (text::count_code_points(part) > 1 && !known_word(sp, part, false) && !is_known_name(f, part) &&
        !is_user_word(f, part))
      out.push_back({base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(j)});
    if (j >= w.size()) break;
    i = j + len;
  }
}

bool has_hyphen(std::string_view w) {
  return w.find('-') != std::string_view::npos || w.find("\xE2\x80\x90") != std::string_view::npos ||
         w.find("\xE2\x80\x91") != std::string_view::npos;
}

// A capitalised word the draft uses as a name:
//  - written so twice or more ("Westbrook University … Westbrook University’s");
//  - after "at", "from", "with", "join", "for", maybe through other
//    capitalised words ("my years at Los Pollos Hermanos");
//  - next to another capitalised word inside a sentence ("Harborview Medical
//    Center", "Dunder Mifflin") — not in the subject, which is often Title Case.
// Whether a capitalised word is one slip from a known word: two letters
// swapped or one letter too many ("Teh" for "The", "Thankk").
bool near_known(const Speller& sp, std::string_view w) {
  if (!text::all_ascii(w) || w.size() < 2 || w.size() > 24) return false;
  std::string low(w);
  low[0] = lower_ascii(low[0]);
  std::string v;
  for (size_t k = 0; k + 1 < low.size(); ++k) {
    if (low[k] == low[k + 1]) continue;
    v = low;
    std::swap(v[k], v[k + 1]);
    if (sp.known(v)) return true;
  }
  for (size_t k = 0; k < low.size(); ++k) {
    v = low;
    v.erase(k, 1);
    if (v.size() >= 2 && sp.known(v)) return true;
  }
  return false;
}

bool used_as_proper_noun(const Speller& sp, const Document& doc, const Part& p, uint32_t i, std::string_view w, bool start) {
  auto cap = [&](uint32_t k) {
    const Word& x = doc.words[k];
    return (x.flags & kWordCapitalized) && !(x.flags & (kWordUrl | kWordEmail)) && doc.str(x.span) != "I";
  };
  auto joined = [&](uint32_t k) { return only_spaces(gap_after(doc, p, k)); };  // word k and k+1 on one line, no punctuation
  // walk back over a run of capitalised words to a preposition
  for (uint32_t k = i; k > p.word_begin && joined(k - 1); --k) {
    std::string_view prev = doc.str(doc.words[k - 1].span);
    if (is(prev, "at") || is(prev, "from") || is(prev, "with") || is(prev, "join") || is(prev, "joining") ||
        is(prev, "joined") || is(prev, "for") || is(prev, "to"))
      return true;
    if (!cap(k - 1)) break;
  }
  // next to another capitalised word, unless a slip of a known word starts the
  // sentence ("Teh Acme team"); near_known asks the dictionaries about a dozen
  // made-up words, so it runs only when a neighbour would make this a name
  if (p.kind != PartKind::Subject &&
      ((i + 1 < p.word_end && cap(i + 1) && joined(i)) ||
       (i > p.word_begin && cap(i - 1) && joined(i - 1) && !sp.known(doc.str(doc.words[i - 1].span)))) &&
      !(start && near_known(sp, w)))
    return true;
  std::string_view stem = strip_possessive(w);
  int n = 0;
  for (const Part& q : doc.parts) {
    if (q.kind == PartKind::Quoted) continue;
    for (uint32_t k = q.word_begin; k < q.word_end; ++k) {
      std::string_view o = doc.str(doc.words[k].span);
      if (o.size() < stem.size() || o.compare(0, stem.size(), stem) != 0) continue;
      if (o == w || o == stem || strip_possessive(o) == stem)
        if (++n >= 2) return true;
    }
  }
  return false;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "spelling",
        .group = Group::Proofreading,
        .severity = Severity::Warning,
        .summary = "Words no dictionary knows (Hunspell, fulint's job-search terms, your \"words\"); fixes suggested on request",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    if (!ctx.speller) return;
    const Speller& sp = *ctx.speller;
    const Document& doc = ctx.doc;
    // the text and the words in locals: the compiler need not reload them per word
    std::string_view s = doc.text;
    const Word* words = doc.words.data();
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      bool prev_title = false;
      for (uint32_t i = p.word_begin; i < p.word_end; ++i) {
        const Word& w = words[i];
        bool after_title = prev_title;
        std::string_view t = slice(s, w.span);
        prev_title = (w.flags & kWordCapitalized) && t.size() <= 9 && is_title(t);
        if (w.flags & (kWordUrl | kWordEmail | kWordHasDigit | kWordAllCaps)) continue;
        if (!(w.flags & kWordHasLetter) || t.size() < 2) continue;
        // the hot path: one cached look-up
        if (sp.known(t)) continue;
        check_unknown(ctx, p, i, t, after_title, out);
      }
    }
  }

  static void report(Reporter& out, std::string_view t, Span at) {
    out.report(at, "Unknown word " + quoted(t) + ": check its spelling (or add it to \"words\" in .fulint.json)")
        .deferred_fixes = true;
  }

  std::vector<Fix> deferred_fixes(const Context& ctx, const Diagnostic& d) const override {
    std::vector<Fix> fixes;
    if (!ctx.speller) return fixes;
    const Document& doc = ctx.doc;
    for (const Word& w : doc.words) {
      Span raw = doc.raw_span(w.span);
      if (!raw.contains(d.raw) || d.raw.empty()) continue;
      if (!doc.map.is_exact(w.span)) return fixes;
      // the word, or the piece of a hyphenated word, the diagnostic names
      Span piece{w.span.begin + (d.raw.begin - raw.begin), w.span.begin + (d.raw.end - raw.begin)};
      std::string_view t = doc.str(piece);
      bool curly = t.find("\xE2\x80\x99") != std::string_view::npos;
      for (std::string& sug : ctx.speller->suggest(t, 5)) {
        std::string r = match_case(t, sug);
        if (curly) {
          std::string c;
          for (char ch : r) {
            if (ch == '\'') c += "\xE2\x80\x99";
            else c += ch;
          }
          r = std::move(c);
        }
        if (r == t) continue;
        Fix f;
        f.title = "Replace with " + quoted(r);
        f.safety = FixSafety::Unsafe;
        f.edits.push_back({d.raw, r});
        fixes.push_back(std::move(f));
      }
      break;
    }
    return fixes;
  }

 private:
  // The slow path, out of line so that the loop above keeps its state in
  // registers: word i of part p, which the dictionaries do not know as written.
  [[gnu::noinline]] static void check_unknown(const Context& ctx, const Part& p, uint32_t i, std::string_view t,
                                              bool after_title, Reporter& out) {
    const Speller& sp = *ctx.speller;
    const Document& doc = ctx.doc;
    std::string_view s = doc.text;
    const Word& w = doc.words[i];
    if (t.size() <= 4 && text::count_code_points(t) < 2) return;
    bool start = i == p.word_begin;
    if (!start) {
      int si = sentence_of_word(doc, i);
      start = si >= 0 && doc.sentences[static_cast<size_t>(si)].word_begin == i;
    }
    if (known_word(sp, t, start)) return;
    // --- a word no dictionary knows ---
    // pieces of file names, domains and abbreviations: "resume.pdf", "Ph.D"
    if (w.span.end < s.size() && s[w.span.end] == '.' && is_alnum_at(s, w.span.end + 1)) return;
    if (w.span.begin >= 1 && (s[w.span.begin - 1] == '.' || s[w.span.begin - 1] == '_') &&
        is_alnum_before(s, w.span.begin - 1))
      return;
    if (w.span.begin >= 1 && (s[w.span.begin - 1] == '#' || s[w.span.begin - 1] == '@' || s[w.span.begin - 1] == '_'))
      return;
    if (w.span.end < s.size() && (s[w.span.end] == '_' || s[w.span.end] == '@')) return;
    if (is_known_name(ctx.facts, t) || is_user_word(ctx.facts, t) || chat_speak(t)) return;
    bool capitalized = (w.flags & kWordCapitalized) != 0;
    // a name after a title, or in the greeting and the signature
    if (capitalized && (after_title || p.kind == PartKind::Salutation || p.kind == PartKind::Signature)) return;
    if (has_hyphen(t)) {
      // report the unknown pieces of "fololw-up", not the whole
      std::vector<Span> pieces;
      unknown_pieces(sp, ctx.facts, t, w.span.begin, pieces);
      for (Span piece : pieces) report(out, doc.str(piece), piece);
      return;
    }
    if (capitalized && used_as_proper_noun(sp, doc, p, i, t, start)) return;
    report(out, t, w.span);
  }
};

}  // namespace

FULINT_RULE_INSTANCE(spelling, Rule_)

}  // namespace fulint::rules
