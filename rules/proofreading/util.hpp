// Helpers shared by the proofreading rules (header-only).
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

#include "rules/common.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fulint::rules::proof {

constexpr char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
constexpr char upper_ascii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// Case-insensitive equality: ASCII without allocating, Unicode by folding.
inline bool same_word(std::string_view a, std::string_view b) {
  if (text::all_ascii(a) && text::all_ascii(b)) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
  }
  return text::fold(a) == text::fold(b);
}

// ASCII case-insensitive equality with a lower-case literal.
constexpr bool is(std::string_view w, std::string_view lower_literal) {
  if (w.size() != lower_literal.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (lower_ascii(w[i]) != lower_literal[i]) return false;
  return true;
}

// Four bytes as one number in the machine's byte order: one load at run
// time, the same number when a table is built at compile time.
constexpr uint32_t load4(const char* p) {
  if (std::is_constant_evaluated()) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int at = std::endian::native == std::endian::little ? i : 3 - i;
      v |= static_cast<uint32_t>(static_cast<uint8_t>(p[i])) << (8 * at);
    }
    return v;
  }
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// A hash of a word, equal for every spelling is() accepts: each byte counts
// with bit 5 set, the only bit lower_ascii ever changes. It reads the first
// and the last four bytes (overlapping when shorter): enough to spread short
// words over a table where is() decides. Take the top bits for an index.
constexpr uint64_t word_hash(std::string_view w) {
  size_t n = w.size();
  uint64_t v = 0;
  if (n >= 4) {
    v = load4(w.data()) | static_cast<uint64_t>(load4(w.data() + n - 4)) << 32;
  } else if (n > 0) {
    auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<uint8_t>(w[i])); };
    v = byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
  }
  return ((v | 0x2020202020202020ull) ^ n) * 0x9E3779B97F4A7C15ull;
}

// A fixed list of lower-case words, built at compile time, that tells whether
// a word is one of them exactly as is() would (ASCII case-insensitively), with
// one hash and nearly always one probe instead of a comparison per listed
// word: the rules ask it about most words of a draft, and most are not listed.
// `Slots` (a power of two) must leave the table at most half full.
template <size_t Slots>
class WordSet {
  static_assert(Slots >= 2 && (Slots & (Slots - 1)) == 0, "Slots must be a power of two");

 public:
  consteval WordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
      // a throw here stops the compilation: the list does not fit
      if (w.empty()) throw "WordSet: an empty word";
      for (char c : w)
        if (lower_ascii(c) != c) throw "WordSet: a word with capitals (is() would never match it)";
      if (2 * ++count_ > Slots) throw "WordSet: too many words for the table";
      if (w.size() > max_size_) max_size_ = w.size();
      size_t i = slot(w);
      while (!slots_[i].empty()) i = (i + 1) & (Slots - 1);
      slots_[i] = w;
    }
  }

  bool contains(std::string_view w) const {
    if (w.empty() || w.size() > max_size_) return false;
    for (size_t i = slot(w); !slots_[i].empty(); i = (i + 1) & (Slots - 1))
      if (is(w, slots_[i])) return true;
    return false;
  }

 private:
  static constexpr size_t slot(std::string_view w) { return word_hash(w) >> (64 - std::countr_zero(Slots)); }

  std::array<std::string_view, Slots> slots_{};
  size_t count_ = 0;
  size_t max_size_ = 0;
};

#if defined(__SSE2__)
// Sixteen bytes of text compared at once. The rules that read every byte of
// a part use it to jump over the stretches where there is nothing to look
// at; a plain loop still decides what a byte means, and reads the last bytes.
class Block16 {
 public:
  explicit Block16(const char* p) : v_(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))) {}
  // Bit i set where byte i is one of the characters.
  template <typename... Chars>
  uint32_t any(Chars... cs) const {
    __m128i hits = _mm_setzero_si128();
    ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v_, _mm_set1_epi8(cs)))), ...);
    return static_cast<uint32_t>(_mm_movemask_epi8(hits));
  }
  // Bit i set where byte i is not ASCII.
  uint32_t high() const { return static_cast<uint32_t>(_mm_movemask_epi8(v_)); }

 private:
  __m128i v_;
};
#endif

// text::count_code_points without the call for an ASCII word.
inline size_t code_points(std::string_view w) { return text::all_ascii(w) ? w.size() : text::count_code_points(w); }

// text::fold, without decoding an ASCII word: its folding is its lower case.
inline std::string fold_word(std::string_view w) {
  if (!text::all_ascii(w)) return text::fold(w);
  std::string out(w);
  for (char& c : out) c = lower_ascii(c);
  return out;
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
  static constexpr WordSet<64> kTitles{"mr", "ms", "mrs", "miss", "mx", "dr", "prof", "professor", "sir", "madam",
                                       "madame", "mme", "monsieur", "herr", "frau", "señor", "señora", "sr", "sra"};
  return kTitles.contains(w);
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
  std::string fw = fold_word(w);
  std::string fs = fold_word(strip_possessive(w));
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
