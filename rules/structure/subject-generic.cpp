// subject-generic: the subject names neither the role nor the interview.
#include "rules/common.hpp"
#include "rules/structure/util.hpp"

namespace fulint::rules {
namespace {

// Words that say nothing by themselves; the generic phrases are data
// (rules/data/subject-generic.txt).
constexpr structure::WordSet<256> kSmallWords{
    "a", "an", "the", "for", "to", "on", "about", "with", "and", "of", "my", "your", "our", "me", "you", "i",
    "we", "us", "it", "this", "that", "again", "so", "very", "much", "just", "today", "yesterday", "tonight",
    "tomorrow", "week", "morning", "afternoon", "evening", "time", "in", "at", "from", "all", "once", "more",
    "really", "truly", "kind", "kindly", "sincerely", "dear", "there", "everyone", "team", "re", "fw", "fwd",
    "aw", "wg", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "opportunity",
    "consideration", "update", "updates", "status", "question", "questions", "note", "meeting", "message",
    "reply", "response", "chat", "call", "was", "is", "help", "yours", "sir", "madam", "feedback", "news",
    "info"};

bool is_recipient_or_sender(const Facts& f, std::string_view w) {
  for (const auto* list : {&f.recipient_tokens, &f.sender_tokens})
    for (const std::string& t : *list)
      if (t.size() == w.size() && structure::same_folded(t, w)) return true;
  return false;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "subject-generic",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "The subject names neither the role nor the interview (‘Thank you’, ‘Follow up’, ‘Checking in’)",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Part* sp = doc.subject();
    if (!sp || text::trim(doc.str(sp->span)).empty()) return;  // subject-missing speaks
    static const PhraseFamilyId kGeneric = family("subject-generic");
    std::span<const PhraseMatch> hits = ctx.phrases(kGeneric);
    size_t h = 0;
    for (uint32_t wi = sp->word_begin; wi < sp->word_end; ++wi) {
      const Word& w = doc.words[wi];
      while (h < hits.size() && hits[h].span.end <= w.span.begin) ++h;
      if (h < hits.size() && hits[h].span.contains(w.span)) continue;
      std::string_view t = word_text(doc, w);
      if (w.has(kWordHasDigit)) return;  // a date or a job number is specific enough
      if (kSmallWords.contains(t)) continue;
      if (is_recipient_or_sender(ctx.facts, t)) continue;
      return;  // a word naming something
    }
    out.report(sp->span, "Subject " + quoted(text::trim(doc.str(sp->span))) +
                             " names neither the role nor the interview; write e.g. ‘Thank you – <role> interview’");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(subject_generic, Rule_)

}  // namespace fulint::rules
