// Helpers shared by the tone rules: sentence context of a phrase match,
// whole-word checks, neighbouring words and case-preserving replacements.
// Header-only; everything here reads the document and allocates little.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "rules/common.hpp"

namespace fulint::rules::tone {

// Whether w equals one of the words in the list (ASCII case-insensitive).
inline bool ieq_any(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (ieq(w, x)) return true;
  return false;
}

inline bool is_authors_kind(PartKind k) { return k != PartKind::Quoted; }

// Index of the first word whose span begins at or after off.
inline size_t word_lower_bound(const Document& doc, uint32_t off) {
  auto it = std::lower_bound(doc.words.begin(), doc.words.end(), off,
                             [](const Word& w, uint32_t o) { return w.span.begin < o; });
  return static_cast<size_t>(it - doc.words.begin());
}

// Index of the word containing off, or doc.words.size().
inline size_t word_at(const Document& doc, uint32_t off) {
  size_t i = word_lower_bound(doc, off + 1);
  if (i == 0) return doc.words.size();
  --i;
  return doc.words[i].span.contains(off) ? i : doc.words.size();
}

// Whether a match covers whole words: it starts where a word starts and ends
// where a word ends ("cool" is not a whole word of "cool-headed").
inline bool whole_words(const Document& doc, Span m) {
  size_t a = word_at(doc, m.begin);
  if (a == doc.words.size() || doc.words[a].span.begin != m.begin) return false;
  size_t b = word_at(doc, m.end - 1);
  return b != doc.words.size() && doc.words[b].span.end == m.end;
}

// Whether two offsets lie on the same line of the analysis text.
inline bool same_line(const Document& doc, uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  std::string_view t = std::string_view(doc.text).substr(a, b - a);
  return t.find_first_of("\r\n") == std::string_view::npos;
}

// The word just before the span, inside the same part ("" when none).
inline std::string_view prev_word(const Document& doc, Span s) {
  size_t i = word_lower_bound(doc, s.begin);
  if (i == 0) return {};
  const Part* p = part_at(doc, s.begin);
  const Word& w = doc.words[i - 1];
  if (!p || !p->span.contains(w.span)) return {};
  return doc.str(w.span);
}

// The word just after the span, inside the same part ("" when none).
inline std::string_view next_word(const Document& doc, Span s) {
  size_t i = word_lower_bound(doc, s.end);
  if (i >= doc.words.size()) return {};
  const Part* p = part_at(doc, s.begin);
  const Word& w = doc.words[i];
  if (!p || !p->span.contains(w.span)) return {};
  return doc.str(w.span);
}

// The sentence holding a text range: a body sentence, else (subject,
// salutation, closing, signature) the line of the part that holds it.
inline Span sentence_span(const Document& doc, Span m) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), m.begin,
                             [](uint32_t o, const Sentence& s) { return o < s.span.begin; });
  if (it != doc.sentences.begin()) {
    const Sentence& s = *(it - 1);
    if (s.span.contains(m.begin)) return s.span;
  }
  const Part* p = part_at(doc, m.begin);
  Span range = p ? p->span : Span{m.begin, m.end};
  std::string_view t = doc.text;
  uint32_t b = m.begin, e = m.end;
  while (b > range.begin && t[b - 1] != '\n' && t[b - 1] != '\r') --b;
  while (e < range.end && t[e] != '\n' && t[e] != '\r') ++e;
  return {b, e};
}

// Whether a sentence asks a question: it ends in '?' (closing quotes and
// brackets aside).
inline bool is_question(const Document& doc, Span sentence) {
  std::string_view t = doc.str(sentence);
  while (!t.empty()) {
    char c = t.back();
    if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == '\r' || c == '\n') {
      t.remove_suffix(1);
      continue;
    }
    if (t.size() >= 3 && (t.substr(t.size() - 3) == "\u201D" || t.substr(t.size() - 3) == "\u2019")) {
      t.remove_suffix(3);
      continue;
    }
    return c == '?';
  }
  return false;
}

// Matches of a family (sorted by position) that lie inside a range.
inline std::span<const PhraseMatch> matches_in(std::span<const PhraseMatch> ms, Span range) {
  auto b = std::lower_bound(ms.begin(), ms.end(), range.begin,
                            [](const PhraseMatch& m, uint32_t o) { return m.span.begin < o; });
  auto e = b;
  while (e != ms.end() && e->span.end <= range.end) ++e;
  return {b, e};
}

inline bool any_in(std::span<const PhraseMatch> ms, Span range) { return !matches_in(ms, range).empty(); }

// Whether a match of a (veto) family overlaps the span.
inline bool any_overlap(std::span<const PhraseMatch> ms, Span s) {
  auto it = std::lower_bound(ms.begin(), ms.end(), s.begin,
                             [](const PhraseMatch& m, uint32_t o) { return m.span.end <= o; });
  for (; it != ms.end() && it->span.begin < s.end; ++it)
    if (it->span.overlaps(s)) return true;
  return false;
}

// Lower-cases a piece of text (ASCII letters directly, others by case
// folding), keeping apostrophes as written.
inline std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t cp = text::decode(s, i, len);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    } else if (cp == text::kInvalid || text::is_apostrophe(cp) || !text::is_upper(cp)) {
      out.append(s.substr(i, len));
    } else {
      out += text::fold(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

// Upper-cases the first code point of s (ASCII only; others kept).
inline void capitalize_first(std::string& s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
}

inline void ascii_upper(std::string& s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
}

// A replacement written with the original's capitalisation: "Gonna" ->
// "Going to", "GONNA" -> "GOING TO", "gonna" -> "going to".
inline std::string match_case(std::string_view original, std::string_view replacement) {
  int letters = 0, upper = 0;
  bool first_upper = false, seen = false;
  for (size_t i = 0; i < original.size();) {
    size_t len;
    char32_t cp = text::decode(original, i, len);
    if (text::is_letter(cp)) {
      ++letters;
      if (text::is_upper(cp)) {
        ++upper;
        if (!seen) first_upper = true;
      }
      seen = true;
    }
    i += len;
  }
  std::string r(replacement);
  if (letters >= 2 && upper == letters) ascii_upper(r);
  else if (first_upper) capitalize_first(r);
  // otherwise the replacement's own capitals ("I") are kept
  return r;
}

// quoted() with every run of white space (a hard-wrapped line break) shown
// as one space: "touch\nbase" -> ‘touch base’.
inline std::string flat_quoted(std::string_view s) { return quoted(text::collapse_spaces(s)); }

// Whether a text offset lies inside a URL or e-mail word.
inline bool in_url_or_email(const Document& doc, uint32_t off) {
  size_t i = word_at(doc, off);
  return i != doc.words.size() && doc.words[i].has(static_cast<WordFlag>(kWordUrl | kWordEmail));
}

// Whether a word equals (case-insensitively) a recipient, sender or company
// token, or one of the user's words.
inline bool is_known_name(const Facts& f, std::string_view w) {
  std::string folded = text::fold(w);
  auto hit = [&](const std::vector<std::string>& v) {
    for (const std::string& x : v)
      if (x.size() == w.size() && text::fold(x) == folded) return true;
    return false;
  };
  if (hit(f.recipient_tokens) || hit(f.sender_tokens) || hit(f.company_tokens)) return true;
  for (const std::string& x : f.user_words)
    if (x == folded) return true;
  return false;
}

// A list of cue phrases tested against one sentence, on demand. Sentence cues
// ("please", "could you", "if selected") are common words: as phrase families
// they would be matched in every draft; here they are searched only in the
// sentence of a finding. Phrases use the phrase-file conventions (RE2, a
// space matches any white space, ' matches ’ too), case-insensitive, on word
// boundaries. Build once (function-local static); thread-safe.
class CueSet {
 public:
  explicit CueSet(std::initializer_list<std::string_view> phrases) {
    std::string alt;
    for (std::string_view p : phrases) {
      if (!alt.empty()) alt += '|';
      alt += "(?:";
      for (size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c == ' ') alt += "\\s+";
        else if (c == '\'') alt += "['\xE2\x80\x99]";
        else alt += c;
      }
      alt += ')';
    }
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    re_ = std::make_unique<RE2>("(?:^|[^\\pL\\pN])(?:" + alt + ")(?:$|[^\\pL\\pN])", o);
  }
  bool ok() const { return re_->ok(); }
  const std::string& error() const { return re_->error(); }
  // Whether a cue occurs in the text.
  bool in(std::string_view text) const { return RE2::PartialMatch(text, *re_); }
  // Whether a cue occurs in a range of the document's text.
  bool in(const Document& doc, Span s) const { return in(doc.str(s)); }
  // Start (relative to text) of the last cue in the text, or -1.
  int64_t last(std::string_view text) const {
    int64_t r = -1;
    re2::StringPiece input(text.data(), text.size()), m;
    size_t pos = 0;
    while (pos < text.size() && re_->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = static_cast<size_t>(m.data() - text.data());
      r = static_cast<int64_t>(b);
      pos = b + 1;
    }
    return r;
  }

 private:
  std::unique_ptr<RE2> re_;
};

}  // namespace fulint::rules::tone
