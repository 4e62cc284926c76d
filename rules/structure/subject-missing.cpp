// subject-missing: the draft has no subject line (or an empty one).
#include "rules/common.hpp"
#include "rules/structure/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {
        {"plain_text", OptionType::Bool, "true",
         "Also require a `Subject:` line at the top of plain .txt drafts (false lets them go without one)"}};
    static const RuleMeta m{
        .id = "subject-missing",
        .group = Group::Structure,
        .severity = Severity::Error,
        .summary = "The draft has no subject line, or an empty one",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    if (doc.format == Format::Txt && !ctx.opt_bool("plain_text")) return;
    const Header* h = doc.header("Subject");
    if (h) {
      if (!text::trim(h->value).empty()) return;
      out.report_raw(h->raw, "Empty subject line; write one that names the role, e.g. ‘Thank you – <role> interview’");
      return;
    }
    if (doc.format == Format::Eml) {
      Span at = doc.headers.empty() ? Span{0, 0} : doc.headers.front().raw;
      out.report_raw(at,
                     "The message has no Subject: header; add one that names the role, e.g. "
                     "‘Thank you – <role> interview’");
      return;
    }
    // A plain draft: point at its first non-blank line.
    std::string_view t = doc.text;
    uint32_t i = 0;
    Span first{0, 0};
    while (i < t.size()) {
      size_t e = t.find_first_of("\r\n", i);
      if (e == std::string_view::npos) e = t.size();
      Span line{i, static_cast<uint32_t>(e)};
      if (!text::trim(doc.str(line)).empty()) {
        first = line;
        break;
      }
      i = static_cast<uint32_t>(e) + 1;
    }
    // Trim the line's white space so the range starts at its text.
    std::string_view lv = doc.str(first);
    std::string_view tv = text::trim(lv);
    if (!tv.empty()) {
      uint32_t off = static_cast<uint32_t>(tv.data() - lv.data());
      first = {first.begin + off, first.begin + off + static_cast<uint32_t>(tv.size())};
    }
    out.report(first,
               "The draft has no ‘Subject:’ line; start it with one that names the role, e.g. "
               "‘Subject: Thank you – <role> interview’");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(subject_missing, Rule_)

}  // namespace fulint::rules
