// attachment-unrequested: the message attaches a résumé or CV.
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

// Whether a file name holds resume, résumé, cv or curriculum as a word. Words
// are split at anything that is not a letter and at a lower-to-upper case
// change ("JaneResume.pdf"), so "CV_2026.pdf" and "jane-cv.docx" count but
// "cvs_receipt.pdf" and "resumed.txt" do not.
bool names_a_resume(std::string_view name) {
  static constexpr std::string_view kWords[] = {"resume", "résumé", "resumé", "cv", "curriculum"};
  size_t i = 0;
  while (i < name.size()) {
    size_t len;
    char32_t cp = text::decode(name, i, len);
    if (!text::is_letter(cp)) {
      i += len;
      continue;
    }
    size_t b = i;
    bool prev_lower = false;
    while (i < name.size()) {
      cp = text::decode(name, i, len);
      if (!text::is_letter(cp)) break;
      if (prev_lower && text::is_upper(cp)) break;
      prev_lower = text::is_lower(cp);
      i += len;
    }
    std::string w = text::fold(name.substr(b, i - b));
    for (std::string_view k : kWords)
      if (w == k) return true;
  }
  return false;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "attachment-unrequested",
        .group = Group::Sending,
        .severity = Severity::Info,
        .summary = "The message attaches a résumé or CV: attach one only when the interviewer asked for it",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    for (const Attachment& a : ctx.doc.attachments) {
      if (!names_a_resume(a.filename)) continue;
      out.report_raw(a.raw, "Attachment " + quoted(a.filename) +
                                " looks like a résumé; the interviewer already has it, so remove it unless they asked "
                                "for it");
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(attachment_unrequested, Rule_)

}  // namespace fulint::rules
