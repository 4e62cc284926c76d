// Helpers shared by the concision rules: they read the body only (the
// paragraphs between the salutation and the closing, never quoted text or the
// signature).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "rules/common.hpp"

namespace fulint::rules::concision {

// Words and sentences of the body paragraphs.
struct BodyCounts {
  uint32_t paragraphs = 0;
  uint32_t words = 0;
  uint32_t sentences = 0;
};

inline BodyCounts body_counts(const Document& doc) {
  BodyCounts c;
  for (const Part& p : doc.parts) {
    if (p.kind != PartKind::Paragraph) continue;
    ++c.paragraphs;
    c.words += p.word_end - p.word_begin;
    c.sentences += p.sentence_end - p.sentence_begin;
  }
  return c;
}

// The index (into doc.words) of the n-th body word (0-based), or -1 when the
// body has no more than n words.
inline int64_t nth_body_word(const Document& doc, uint32_t n) {
  for (const Part& p : doc.parts) {
    if (p.kind != PartKind::Paragraph) continue;
    uint32_t count = p.word_end - p.word_begin;
    if (n < count) return static_cast<int64_t>(p.word_begin + n);
    n -= count;
  }
  return -1;
}

// The span of the sentence holding a word (its paragraph's first line when
// the word is in no sentence).
inline Span sentence_of_word(const Document& doc, uint32_t word) {
  for (const Part& p : doc.parts) {
    if (p.kind != PartKind::Paragraph || word < p.word_begin || word >= p.word_end) continue;
    for (uint32_t s = p.sentence_begin; s < p.sentence_end; ++s) {
      const Sentence& st = doc.sentences[s];
      if (word >= st.word_begin && word < st.word_end) return st.span;
    }
    return first_line(doc, p);
  }
  return doc.words[word].span;
}

inline std::string plural(uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// Syllables of a word, by the vowel-group heuristic documented in
// readability.md: count the groups of consecutive vowels (a, e, i, o, u, y and
// their accented forms), less one for a silent final "e" (not "-le" after a
// consonant), and at least 1. Letters only; other characters
// (apostrophes, hyphens, digits) split groups.
inline bool syllable_vowel(char32_t c) {
  switch (c) {
    case U'a': case U'e': case U'i': case U'o': case U'u': case U'y':
    case U'A': case U'E': case U'I': case U'O': case U'U': case U'Y':
    case U'à': case U'á': case U'â': case U'ä': case U'é': case U'è': case U'ê': case U'ë':
    case U'í': case U'ì': case U'î': case U'ï': case U'ó': case U'ò': case U'ô': case U'ö':
    case U'ú': case U'ù': case U'û': case U'ü': case U'É': case U'È':
      return true;
    default:
      return false;
  }
}

// The vowel-group count corrected for a final "e", from the last three code
// points of the word (0 where the word is shorter).
inline int final_e_rule(int groups, char32_t last, char32_t prev, char32_t prev2) {
  // Only a final "e" can change the count.
  if (last != U'e' && last != U'E') return groups < 1 ? 1 : groups;
  auto lower = [](char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; };
  prev = lower(prev);
  prev2 = lower(prev2);
  // A final "e" after a consonant is silent ("make", "role"), except in "-le"
  // after a consonant ("table", "simple"); after a vowel it is part of that
  // vowel's group already ("employee", "value").
  if (groups > 1 && prev != 0 && !syllable_vowel(prev)) {
    bool le_syllable = prev == U'l' && prev2 != 0 && !syllable_vowel(prev2);
    if (!le_syllable) --groups;
  }
  return groups < 1 ? 1 : groups;
}

// (Out of line, so that the loop of the overload below, which calls it for
// the rare word that is not plain ASCII, stays small enough to inline.)
[[gnu::noinline]] inline int syllables(std::string_view w) {
  int groups = 0;
  bool in_vowel = false;
  char32_t last = 0, prev = 0, prev2 = 0;
  for (size_t i = 0; i < w.size();) {
    size_t len;
    char32_t c = text::decode(w, i, len);
    i += len;
    bool v = syllable_vowel(c);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
    prev2 = prev;
    prev = last;
    last = c;
  }
  return final_e_rule(groups, last, prev, prev2);
}

// The same for the word at `span` of `text`. A plain ASCII word (nearly every
// word) goes byte by byte through a table of syllable_vowel's ASCII vowels;
// any other word by code point, above.
inline int syllables(std::string_view text, Span span) {
  static constexpr auto kVowel = [] {
    std::array<uint8_t, 128> t{};
    for (char v : std::string_view("aeiouyAEIOUY")) t[static_cast<unsigned char>(v)] = 1;
    return t;
  }();
  int groups = 0;
  uint8_t in_vowel = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + span.begin;
  const auto* end = reinterpret_cast<const unsigned char*>(text.data()) + span.end;
  for (; p != end; ++p) {
    if (*p >= 0x80) return syllables(text.substr(span.begin, span.size()));
    const uint8_t v = kVowel[*p];
    groups += v > in_vowel;  // a vowel after a non-vowel
    in_vowel = v;
  }
  auto back = [&](uint32_t k) -> char32_t {
    return k < span.size() ? static_cast<unsigned char>(text[span.end - 1 - k]) : 0;
  };
  return final_e_rule(groups, back(0), back(1), back(2));
}

}  // namespace fulint::rules::concision
