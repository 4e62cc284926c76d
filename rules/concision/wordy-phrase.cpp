// wordy-phrase: a phrase with a shorter equal ("in order to" -> "to"), with a
// quick fix. The phrases and their replacements are data:
// rules/data/wordy-phrase.txt (its header explains the markers).
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

constexpr std::string_view kReword = "(reword)";

// A phrase's replacement, split from its "(reword)" marker.
struct Replacement {
  std::string_view text;  // "" = drop the phrase
  bool exact = true;      // false: the words around need rewording (unsafe fix)
};

Replacement replacement_of(const Phrase& p) {
  std::string_view r = p.replacement;
  Replacement out;
  if (r.size() >= kReword.size() && r.substr(r.size() - kReword.size()) == kReword) {
    out.exact = false;
    r = text::trim(r.substr(0, r.size() - kReword.size()));
  }
  out.text = r;
  return out;
}

// The matched text for a message: runs of white space (a line break inside
// the phrase) as one space.
std::string one_line(std::string_view s) { return text::collapse_spaces(s); }

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// Whether a text range opens a sentence of its paragraph.
bool opens_sentence(const Document& doc, const Part& p, Span s) {
  for (uint32_t i = p.sentence_begin; i < p.sentence_end; ++i) {
    const Sentence& st = doc.sentences[i];
    if (st.word_begin < st.word_end && doc.words[st.word_begin].span.begin == s.begin) return true;
  }
  return false;
}

// The first word of a part starting at or after an offset, or null.
const Word* word_after(const Document& doc, const Part& p, uint32_t off) {
  for (uint32_t i = p.word_begin; i < p.word_end; ++i)
    if (doc.words[i].span.begin >= off) return &doc.words[i];
  return nullptr;
}

// "I am writing to" / "I'm …": the pronoun I opens the phrase.
bool starts_with_pronoun_i(std::string_view m) {
  return m.size() >= 2 && (m[0] == 'I' || m[0] == 'i') && (m[1] == ' ' || m[1] == '\'' || m.substr(1, 3) == "\xE2\x80\x99");
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "wordy-phrase",
        .group = Group::Concision,
        .severity = Severity::Hint,
        .summary = "A wordy phrase has a shorter equal: 'in order to' -> 'to', 'due to the fact that' -> 'because'",
        .fix = Fixability::Mixed,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const PhraseFamilyId kFamily = family("wordy-phrase");
    const Document& doc = ctx.doc;
    const auto& phrases = PhraseBook::instance().phrases(kFamily);
    for (const PhraseMatch& m : ctx.phrases(kFamily)) {
      const Part* part = part_at(doc, m.span.begin);
      if (!part || part->kind != PartKind::Paragraph || !part->span.contains(m.span)) continue;
      const std::string_view matched = doc.str(m.span);
      const Replacement rep = replacement_of(phrases[m.phrase]);
      const bool at_start = opens_sentence(doc, *part, m.span);
      const bool pronoun_i = starts_with_pronoun_i(matched);

      // The replacement with the match's capitalisation.
      std::string r(rep.text);
      if (!r.empty()) {
        const bool cap = at_start || ascii_upper(matched[0]);
        if (cap && ascii_lower(r[0])) r[0] = static_cast<char>(r[0] - 32);
        if (!pronoun_i && !cap && ascii_upper(r[0])) r[0] = static_cast<char>(r[0] + 32);
      }
      const std::string shown = one_line(matched);
      std::string msg = "Wordy " + quoted(shown);
      if (pronoun_i && !at_start) {
        msg += "; rephrase the sentence to say it directly";
      } else if (!r.empty()) {
        msg += "; write " + quoted(r);
        if (!rep.exact) msg += " and adjust the words after it";
      } else if (rep.exact) {
        msg += "; it adds nothing, cut it";
      } else {
        msg += "; cut it and start with what you have to say";
      }
      Diagnostic& d = out.report(m.span, std::move(msg));

      // The pronoun I can only be rewritten away where it opens the sentence.
      if (pronoun_i && !at_start) continue;
      const FixSafety safety = rep.exact ? FixSafety::Safe : FixSafety::Unsafe;
      if (!r.empty()) {
        out.add_fix(d, "Replace " + quoted(shown) + " with " + quoted(r), safety, {{m.span, r}});
        continue;
      }
      // Drop the phrase and the space after it; the next word takes its place.
      const Word* next = word_after(doc, *part, m.span.end);
      if (!next) continue;
      std::string_view gap = std::string_view(doc.text).substr(m.span.end, next->span.begin - m.span.end);
      if (gap.empty() || !text::trim(gap).empty()) continue;  // punctuation between: leave it to the writer
      const std::string_view next_text = doc.str(next->span);
      if (next_text.size() >= 3 && text::ascii_lower(next_text.substr(0, 3)) == "you") continue;  // "writing to you"
      if (at_start || ascii_upper(matched[0])) {
        const char c = next_text[0];
        if (!ascii_lower(c) && !ascii_upper(c)) continue;
        std::string up(1, ascii_lower(c) ? static_cast<char>(c - 32) : c);
        out.add_fix(d, "Remove " + quoted(shown), safety, {{{m.span.begin, next->span.begin + 1}, up}});
      } else {
        out.add_fix(d, "Remove " + quoted(shown), safety, {{{m.span.begin, next->span.begin}, ""}});
      }
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(wordy_phrase, Rule_)

}  // namespace fulint::rules
