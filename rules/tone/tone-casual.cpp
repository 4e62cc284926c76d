// tone-casual: slang and chat-speak (phrase family "tone-casual"), with a
// formal replacement as an unsafe fix where one exists.
#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

// "u"/"ur" are chat-speak only as words of their own: not "U.S.", "U.K.",
// the initial in "Jordan U. Lee", "R&U" or "U-turn".
bool chat_u_ok(const Document& doc, Span m) {
  std::string_view t = doc.text;
  std::string_view w = doc.str(m);
  bool has_upper = false;
  for (char c : w) has_upper |= (c >= 'A' && c <= 'Z');
  if (w.size() == 2 && w[0] == 'U' && w[1] == 'R') return false;  // an acronym
  char before = m.begin > 0 ? t[m.begin - 1] : ' ';
  char after = m.end < t.size() ? t[m.end] : ' ';
  char after2 = m.end + 1 < t.size() ? t[m.end + 1] : ' ';
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (after == '.' && (has_upper || letter(after2))) return false;
  if (before == '.' || before == '&' || before == '/' || before == '-' || before == '\'') return false;
  if (after == '&' || after == '/' || after == '-' || after == '\'') return false;
  return true;
}

// "cool" in its literal sense: "keep it cool", "a cool, dry place", "cool down".
bool literal_cool(const Document& doc, Span m) {
  std::string_view next = next_word(doc, m);
  if (ieq_any(next, {"down", "off", "dry", "place", "room", "rooms", "temperature", "temperatures", "storage", "air",
                     "water", "weather", "climate", "season", "colors", "colours", "tones", "head", "headed", "under",
                     "calm", "conditions", "environment", "box", "boxes"}))
    return true;
  // "keep it cool", "stored cool": a keeping verb among the three words before
  size_t i = word_lower_bound(doc, m.begin);
  for (size_t k = 0; k < 3 && i > 0; ++k) {
    --i;
    if (!same_line(doc, doc.words[i].span.begin, m.begin)) break;
    if (ieq_any(doc.str(doc.words[i].span), {"keep", "keeps", "kept", "keeping", "stay", "stays", "stayed", "staying",
                                              "remain", "remains", "remained", "store", "stored", "served", "serve",
                                              "running", "room", "runs", "ran"}))
      return true;
  }
  return false;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "tone-casual",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "Slang or chat-speak (gonna, awesome, lol, btw, u) in a professional follow-up",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const auto kCasual = family("tone-casual");
    const Document& doc = ctx.doc;
    const auto& phrases = PhraseBook::instance().phrases(kCasual);
    for (const PhraseMatch& m : ctx.phrases(kCasual)) {
      if (!whole_words(doc, m.span)) continue;
      const Part* part = part_at(doc, m.span.begin);
      if (!part || part->kind == PartKind::Salutation) continue;  // greetings are salutation-casual's
      std::string_view w = doc.str(m.span);
      if ((ieq(w, "u") || ieq(w, "ur")) && !chat_u_ok(doc, m.span)) continue;
      if (ieq(w, "cool") && literal_cool(doc, m.span)) continue;
      const Phrase& ph = phrases[m.phrase];
      if (!ph.has_replacement || ph.replacement.empty()) {
        out.report(m.span, "Casual wording " + flat_quoted(w) + "; remove it or say it formally");
        continue;
      }
      // The span to replace and its replacement.
      Span target = m.span;
      std::string repl;
      std::string_view r = ph.replacement;
      static constexpr std::string_view kRest = " \u2026";
      if (r.size() > kRest.size() && r.substr(r.size() - kRest.size()) == kRest) {
        // replace the first word only: "super helpful" -> "very helpful"
        size_t first_end = word_lower_bound(doc, m.span.begin);
        target = {m.span.begin, doc.words[first_end].span.end};
        repl = match_case(doc.str(target), r.substr(0, r.size() - kRest.size()));
      } else {
        repl = match_case(w, r);
      }
      std::string whole = repl;
      if (target.end < m.span.end) whole += std::string(doc.str({target.end, m.span.end}));
      report(doc, out, m.span, target, whole, repl);
    }
    // The lone "u" (a one-letter phrase the engine cannot pre-filter): one
    // pass over the words.
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted || p.kind == PartKind::Salutation) continue;
      for (const Word& w : std::span(doc.words).subspan(p.word_begin, p.word_end - p.word_begin)) {
        const Span s = w.span;
        if (s.size() != 1 || (doc.text[s.begin] != 'u' && doc.text[s.begin] != 'U') || !chat_u_ok(doc, s)) continue;
        std::string repl = match_case(doc.str(s), "you");
        report(doc, out, s, s, repl, repl);
      }
    }
  }

 private:
  static void report(const Document& doc, Reporter& out, Span span, Span target, const std::string& whole,
                     const std::string& repl) {
    Diagnostic& d = out.report(span, "Casual wording " + flat_quoted(doc.str(span)) + "; write " + flat_quoted(whole));
    out.add_fix(d, "Replace " + flat_quoted(doc.str(target)) + " with " + flat_quoted(repl), FixSafety::Unsafe,
                {{target, repl}});
  }
};

}  // namespace

FULINT_RULE_INSTANCE(tone_casual, Rule_)

}  // namespace fulint::rules
