// What every rule source includes: the rule interface and small helpers for
// reading a draft.
#pragma once

#include <string>
#include <string_view>

#include "fulint/document.hpp"
#include "fulint/phrases.hpp"
#include "fulint/rule.hpp"
#include "fulint/text.hpp"

// Defines the accessor the registry (rules.def) calls: one const instance,
// created on first use (thread-safe).
#define FULINT_RULE_INSTANCE(symbol, Class) \
  const ::fulint::Rule& symbol() {          \
    static const Class instance;            \
    return instance;                        \
  }

namespace fulint::rules {

// A phrase family id, looked up once per call site:
//   static const auto kThanks = family("gratitude");
inline PhraseFamilyId family(std::string_view name) { return PhraseBook::instance().id(name); }

// The part containing a text offset, or null.
const Part* part_at(const Document& doc, uint32_t text_offset);
// Whether a text range lies in a part of one of the given kinds.
bool in_part(const Document& doc, Span s, std::initializer_list<PartKind> kinds);
// The span of the first line of a part (for diagnostics about a whole part).
Span first_line(const Document& doc, const Part& p);
Span last_line(const Document& doc, const Part& p);
// Where a diagnostic about the whole body goes: the salutation, else the
// first line of the first paragraph, else the start of the body.
Span body_anchor(const Document& doc);
// ASCII case-insensitive equality (ids, keywords, English function words).
inline bool ieq(std::string_view a, std::string_view b) { return text::iequals_ascii(a, b); }
// Text of a word.
inline std::string_view word_text(const Document& doc, const Word& w) { return doc.str(w.span); }
// "Quote" a piece of text for a message: ‘text’.
std::string quoted(std::string_view s);

}  // namespace fulint::rules
