// Helpers shared by the content rules: phrase hits restricted to some parts of
// the draft, the thanks of a draft, qualification sentences and their figures.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "rules/common.hpp"

namespace fulint::rules::content {

inline bool kind_in(PartKind k, std::initializer_list<PartKind> kinds) {
  return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

// Whether the draft has any author's text besides the subject. "Missing"
// rules stay silent on an empty body (a new, still empty draft in an editor).
inline bool has_body(const Document& doc) {
  for (const Part& p : doc.parts)
    if (p.kind != PartKind::Subject && p.kind != PartKind::Quoted && !p.span.empty()) return true;
  return false;
}

inline bool overlaps_any(std::span<const PhraseMatch> ms, Span s) {
  for (const PhraseMatch& m : ms) {
    if (m.span.begin >= s.end) break;  // matches are in text order
    if (m.span.overlaps(s)) return true;
  }
  return false;
}

// Calls f(match, part) for each match of `fam` lying in a part of one of
// `kinds` and not overlapped by a match of `not_fam` (a family of uses that
// do not count, e.g. "thanks to my team"). f returns false to stop.
template <class F>
void for_each_hit(const Context& ctx, PhraseFamilyId fam, const PhraseFamilyId* not_fam,
                  std::initializer_list<PartKind> kinds, F&& f) {
  std::span<const PhraseMatch> nots = not_fam ? ctx.phrases(*not_fam) : std::span<const PhraseMatch>();
  for (const PhraseMatch& m : ctx.phrases(fam)) {
    const Part* p = part_at(ctx.doc, m.span.begin);
    if (!p || !p->span.contains(m.span) || !kind_in(p->kind, kinds)) continue;
    if (!nots.empty() && overlaps_any(nots, m.span)) continue;
    if (!f(m, *p)) return;
  }
}

// The first hit of a family in the given kinds of part, or null.
inline const PhraseMatch* first_hit(const Context& ctx, PhraseFamilyId fam, const PhraseFamilyId* not_fam,
                                    std::initializer_list<PartKind> kinds) {
  const PhraseMatch* out = nullptr;
  for_each_hit(ctx, fam, not_fam, kinds, [&](const PhraseMatch& m, const Part&) {
    out = &m;
    return false;
  });
  return out;
}

// ---------------------------------------------------------------------------
// Thanks
// ---------------------------------------------------------------------------

struct Thanks {
  const PhraseMatch* first = nullptr;  // first thanks in the body paragraphs or the closing
  const Part* part = nullptr;          // the part holding it
  bool in_first_paragraph = false;
  bool in_subject = false;             // the subject thanks (does not count on its own)
};

inline Thanks find_thanks(const Context& ctx) {
  static const PhraseFamilyId kThanks = family("gratitude");
  static const PhraseFamilyId kNot = family("gratitude-not");
  Thanks t;
  const Part* first_para = nullptr;
  for (const Part& p : ctx.doc.parts)
    if (p.kind == PartKind::Paragraph) {
      first_para = &p;
      break;
    }
  for_each_hit(ctx, kThanks, &kNot, {PartKind::Subject, PartKind::Paragraph, PartKind::Closing},
               [&](const PhraseMatch& m, const Part& p) {
                 if (p.kind == PartKind::Subject) {
                   t.in_subject = true;
                   return true;
                 }
                 if (!t.first) {
                   t.first = &m;
                   t.part = &p;
                 }
                 if (&p == first_para) t.in_first_paragraph = true;
                 return !t.in_first_paragraph;
               });
  return t;
}

// ---------------------------------------------------------------------------
// Qualification sentences
// ---------------------------------------------------------------------------

// Index of the sentence of a paragraph that holds a text offset, or -1.
inline int sentence_at(const Document& doc, const Part& p, uint32_t off) {
  for (uint32_t i = p.sentence_begin; i < p.sentence_end; ++i) {
    const Sentence& s = doc.sentences[i];
    if (off < s.span.begin) return static_cast<int>(i);  // between sentences: the next one
    if (off < s.span.end) return static_cast<int>(i);
  }
  return p.sentence_end > p.sentence_begin ? static_cast<int>(p.sentence_end - 1) : -1;
}

// The body sentences that restate a qualification, in text order, unique.
inline std::vector<uint32_t> qualification_sentences(const Context& ctx) {
  static const PhraseFamilyId kQual = family("qualifications");
  std::vector<uint32_t> out;
  for_each_hit(ctx, kQual, nullptr, {PartKind::Paragraph}, [&](const PhraseMatch& m, const Part& p) {
    int s = sentence_at(ctx.doc, p, m.span.begin);
    if (s >= 0 && (out.empty() || out.back() != static_cast<uint32_t>(s))) out.push_back(static_cast<uint32_t>(s));
    return true;
  });
  return out;
}

inline bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A word with digits that is a figure, not a date or a label: "2023" (a
// year), "Q3" and "H2" (a quarter or half) do not quantify anything.
inline bool is_figure_word(std::string_view w) {
  if (w.size() == 4 && std::all_of(w.begin(), w.end(), ascii_digit) && (w.substr(0, 2) == "19" || w.substr(0, 2) == "20"))
    return false;
  if (w.size() == 2 && (w[0] == 'Q' || w[0] == 'q' || w[0] == 'H' || w[0] == 'h') && ascii_digit(w[1])) return false;
  return true;
}

// Whether a sentence carries a number, a percentage or an amount.
inline bool sentence_has_figure(const Context& ctx, const Sentence& s) {
  static const PhraseFamilyId kNum = family("number-words");
  const Document& doc = ctx.doc;
  for (uint32_t w = s.word_begin; w < s.word_end; ++w) {
    const Word& word = doc.words[w];
    if (word.has(kWordHasDigit) && !word.has(kWordUrl) && !word.has(kWordEmail) &&
        is_figure_word(doc.str(word.span)))
      return true;
  }
  // A sign: % $ £ € ¥ ₹, in one pass over the sentence (the other signs'
  // lead bytes are 0xC2 and 0xE2).
  std::string_view t = doc.str(s.span);
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '%' || c == '$') return true;
    if (c != '\xC2' && c != '\xE2') continue;
    for (std::string_view sym : {"\u00A3", "\u20AC", "\u00A5", "\u20B9"})
      if (t.substr(i, sym.size()) == sym) return true;
  }
  for (const PhraseMatch& m : ctx.phrases(kNum)) {
    if (m.span.begin >= s.span.end) break;
    if (s.span.contains(m.span)) return true;
  }
  return false;
}

}  // namespace fulint::rules::content
