// call-to-action-missing: the last paragraph neither invites a reply nor
// offers more information.
#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {

// A block of short lines none of which ends like a sentence: a signature or
// contact block the segmenter left among the paragraphs
// ("[Your Name]" / a phone number / a LinkedIn URL).
bool looks_like_contact_block(const Document& doc, const Part& p) {
  std::string_view t = doc.str(p.span);
  int lines = 0;
  size_t pos = 0;
  while (pos <= t.size()) {
    size_t e = t.find('\n', pos);
    if (e == std::string_view::npos) e = t.size();
    std::string_view line = text::trim(t.substr(pos, e - pos));
    pos = e + 1;
    if (line.empty()) continue;
    ++lines;
    if (std::string_view(".!?,;:").find(line.back()) != std::string_view::npos) return false;
    // more than six words: a sentence (stop counting at the seventh, as a
    // paragraph's line is long)
    int words = 0;
    bool in = false;
    for (char c : line) {
      bool w = c != ' ' && c != '\t';
      if (w && !in && ++words > 6) return false;
      in = w;
    }
  }
  if (lines >= 2) return true;
  // One short line of capitalised words or template fields: a name ("Jordan
  // Lee", "[Your Name]", "{{sender_name}}") left without its closing.
  std::string_view line = text::trim(t);
  int words = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    ++words;
    char c = line[i];
    bool ok = (c >= 'A' && c <= 'Z') || c == '[' || c == '{' || c == '<' || static_cast<unsigned char>(c) >= 0x80;
    if (!ok) return false;
    while (i < line.size() && line[i] != ' ') ++i;
  }
  if (words > 4) return false;
  static const PhraseFamilyId kThanks = family("gratitude");
  for (const PhraseMatch& m : PhraseBook::instance().find(kThanks, line)) {
    (void)m;
    return false;
  }
  return true;
}

// The last body paragraph, passing over a trailing contact block.
const Part* last_paragraph(const Document& doc) {
  const Part* last = nullptr;
  const Part* before = nullptr;
  for (const Part& p : doc.parts)
    if (p.kind == PartKind::Paragraph) {
      before = last;
      last = &p;
    }
  if (last && before && looks_like_contact_block(doc, *last)) return before;
  return last;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "call-to-action-missing",
        .group = Group::Content,
        .severity = Severity::Warning,
        .summary = "The last paragraph neither invites a reply nor offers more information",
        .element = Element::CallToAction,
    };
    return m;
  }

  bool present(const Context& ctx) const override { return invites_reply(ctx, last_paragraph(ctx.doc)); }

  void check(const Context& ctx, Reporter& out) const override {
    const Part* last = last_paragraph(ctx.doc);
    if (!last || invites_reply(ctx, last)) return;
    out.report(last_line(ctx.doc, *last),
               "The last paragraph does not invite a reply; end with a line such as "
               "\u2018I look forward to hearing from you\u2019 or "
               "\u2018Please let me know if I can provide anything else\u2019");
  }

 private:
  // Whether the last paragraph (or the closing) invites a reply.
  static bool invites_reply(const Context& ctx, const Part* last) {
    static const PhraseFamilyId kCta = family("call-to-action");
    const Document& doc = ctx.doc;
    if (!last) return false;
    // A question to the reader invites a reply.
    for (uint32_t i = last->sentence_begin; i < last->sentence_end; ++i) {
      std::string_view t = doc.str(doc.sentences[i].span);
      while (!t.empty() && std::string_view(")]\"'").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
      if (t.ends_with("\u201D") || t.ends_with("\u2019")) t.remove_suffix(3);
      if (!t.empty() && t.back() == '?') return true;
    }
    const Part* closing = doc.closing();
    bool found = false;
    content::for_each_hit(ctx, kCta, nullptr, {PartKind::Paragraph, PartKind::Closing},
                          [&](const PhraseMatch&, const Part& p) {
                            found = &p == last || &p == closing;
                            return !found;
                          });
    return found;
  }
};

}  // namespace

FULINT_RULE_INSTANCE(call_to_action_missing, Rule_)

}  // namespace fulint::rules
