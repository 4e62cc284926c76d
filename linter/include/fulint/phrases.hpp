// Phrase families: the data files under rules/data/, matched over the
// author's text of a draft in one walk for all families (one automaton of
// the phrases' spellings; RE2, anchored, where a phrase needs it; see
// phrases.cpp).
//
// File format (rules/data/<family>.txt), one phrase a line:
//   # comment
//   in order to => to          a phrase and its replacement
//   look forward to (joining|contributing)   RE2 syntax is allowed
// A space matches any run of white space, an apostrophe matches ' and ’;
// matching is case-insensitive and on word boundaries (Unicode-aware), and a
// match inside a URL or e-mail address is dropped.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fulint/span.hpp"

namespace fulint {

struct Document;

using PhraseFamilyId = uint16_t;

struct Phrase {
  std::string pattern;      // as written in the data file
  std::string replacement;  // after "=>", "" when none
  bool has_replacement = false;
};

struct PhraseMatch {
  Span span;        // in Document::text
  uint32_t phrase;  // index into the family's phrases
};

// The matches of every family in one document.
class PhraseHits {
 public:
  std::span<const PhraseMatch> of(PhraseFamilyId f) const {
    return f < per_family_.size() ? std::span<const PhraseMatch>(per_family_[f]) : std::span<const PhraseMatch>();
  }
  std::vector<std::vector<PhraseMatch>>& data() { return per_family_; }

 private:
  std::vector<std::vector<PhraseMatch>> per_family_;
};

class PhraseBook {
 public:
  // All families of rules/data, compiled on first use.
  static const PhraseBook& instance();
  // Compiles the built-in families with `check` (see compile): for tests, since
  // instance() trusts them and builds each family's regex on first use.
  static void check_builtin();

  // Throws std::logic_error for an unknown family (a programming error).
  PhraseFamilyId id(std::string_view family) const;
  std::string_view name(PhraseFamilyId f) const;
  const std::vector<Phrase>& phrases(PhraseFamilyId f) const;
  size_t size() const;

  // Builds every family's regex now rather than on first use (a batch run
  // does this while the dictionary loads).
  void prepare() const;

  // Matches every family over the author's text parts of the document
  // (subject, salutation, paragraphs, closing, signature).
  void scan(const Document& doc, PhraseHits& out) const;
  // Matches one family over an arbitrary text (for tests and tools).
  std::vector<PhraseMatch> find(PhraseFamilyId f, std::string_view text) const;

  // Compiles families from (name, file content) pairs. With `check`, every
  // family's regex is built now and an error names the family, the line and
  // the RE2 error; without, each is built on first use (and a broken one
  // matches nothing).
  static std::unique_ptr<PhraseBook> compile(std::span<const std::pair<std::string_view, std::string_view>> files,
                                             bool check = true);

  ~PhraseBook();
  PhraseBook(const PhraseBook&) = delete;
  PhraseBook& operator=(const PhraseBook&) = delete;

  struct Impl;

 private:
  PhraseBook();
  std::unique_ptr<Impl> impl_;
};

}  // namespace fulint
