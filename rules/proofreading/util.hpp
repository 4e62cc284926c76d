// Helpers shared by the proofreading rules (header-only).
#pragma once

#include <cstring>
#include <string>
#include <string_view>

#include "rules/common.hpp"

namespace fulint::rules::proof {

inline bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline char upper_ascii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// Case-insensitive equality: ASCII without allocating, Unicode by folding.
inline bool same_word(std::string_view a, std::string_view b) {
  if (is_ascii(a) && is_ascii(b)) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
  }
  return text::fold(a) == text::fold(b);
}

// ASCII case-insensitive equality with a lower-case literal.
inline bool is(std::string_view w, std::string_view lower_literal) {
  if (w.size() != lower_literal.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (lower_ascii(w[i]) != lower_literal[i]) return false;
  return true;
}

// "interviewer's" / "interviewer’s" -> "interviewer"; otherwise the word itself.
inline std::string_view strip_possessive(std::string_view w) {
  if (w.size() > 2 && (w.back() == 's' || w.back() == 'S')) {
    if (w[w.size() - 2] == '\'') return w.substr(0, w.size() - 2);
    if (w.size() > 4 && w.compare(w.size() - 4, 3, "\xE2\x80\x99") == 0) return w.substr(0, w.size() - 4);
  }
  return w;
}

// Titles before a name (without their full stop).
inline bool is_title(std::string_view w) {
  static constexpr std::string_view kTitles[] = {"mr", "ms", "mrs", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "madame", "mme", "monsieur", "herr", "frau", "señor", "señora", "sr", "sra"};
  for (auto t : kTitles)
    if (is(w, t)) return true;
  return false;
}

// Whether a word is one of the recipient, sender or company names (or their
// possessive), compared case-insensitively.
inline bool is_known_name(const Facts& f, std::string_view w) {
  std::string_view stem = strip_possessive(w);
  for (const auto* list : {&f.recipient_tokens, &f.sender_tokens, &f.company_tokens})
    for (const std::string& t : *list)
      if (same_word(t, w) || (stem.size() != w.size() && same_word(t, stem))) return true;
  return false;
}

// Whether a word is one of the user's words (config "words", folded).
inline bool is_user_word(const Facts& f, std::string_view w) {
  if (f.user_words.empty()) return false;
  std::string fw = text::fold(w);
  std::string fs = text::fold(strip_possessive(w));
  for (const std::string& u : f.user_words)
    if (u == fw || u == fs) return true;
  return false;
}

// `repl` written with the capitals of `like`: "Their" -> "There", "THEIR" -> "THERE".
inline std::string match_case(std::string_view like, std::string_view repl) {
  std::string out(repl);
  if (like.empty() || out.empty()) return out;
  int letters = 0, upper = 0;
  for (char c : like)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++letters;
      if (c >= 'A' && c <= 'Z') ++upper;
    }
  if (letters >= 2 && upper == letters) {
    for (char& c : out) c = upper_ascii(c);
  } else if (like[0] >= 'A' && like[0] <= 'Z') {
    out[0] = upper_ascii(out[0]);
  }
  return out;
}

// The part that holds word index i, or null.
inline const Part* part_of_word(const Document& doc, uint32_t i) {
  for (const Part& p : doc.parts)
    if (i >= p.word_begin && i < p.word_end) return &p;
  return nullptr;
}

// Index of the sentence holding word index i, or -1.
inline int sentence_of_word(const Document& doc, uint32_t i) {
  size_t lo = 0, hi = doc.sentences.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const Sentence& s = doc.sentences[mid];
    if (i < s.word_begin) hi = mid;
    else if (i >= s.word_end) lo = mid + 1;
    else return static_cast<int>(mid);
  }
  return -1;
}

// The text between two words (or from a word to the end of its part).
inline std::string_view gap_after(const Document& doc, const Part& p, uint32_t i) {
  uint32_t b = doc.words[i].span.end;
  uint32_t e = i + 1 < p.word_end ? doc.words[i + 1].span.begin : p.span.end;
  return std::string_view(doc.text).substr(b, e - b);
}

// Whether a gap is only horizontal white space (one line).
inline bool only_spaces(std::string_view g) {
  if (g.empty()) return false;
  for (char c : g)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// Whether a gap is white space, at most one line break included.
inline bool only_white(std::string_view g) {
  if (g.empty()) return false;
  int breaks = 0;
  for (size_t i = 0; i < g.size(); ++i) {
    char c = g[i];
    if (c == '\n') ++breaks;
    else if (c == ' ' || c == '\t' || c == '\r') continue;
    else if (c == '\xC2' && i + 1 < g.size() && g[i + 1] == '\xA0') ++i;  // NBSP
    else return false;
  }
  return breaks <= 1;
}

}  // namespace fulint::rules::proof
