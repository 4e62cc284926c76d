// signature-missing: no name after the closing.
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "signature-missing",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "No name after the closing (and no ‘-- ’ signature block)",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Part* closing = doc.closing();
    const SignatureInfo& sig = doc.signature;
    if (sig.name || sig.delimited) return;
    // A signature line that is not contact details or a mobile footer counts as
    // the writer's name, even when it does not look like one ("jordan",
    // "[Your Name]": other rules judge those).
    if (const Part* sp = doc.signature_part()) {
      std::string_view s = doc.str(sp->span);
      size_t i = 0;
      while (i < s.size()) {
        size_t e = s.find_first_of("\r\n", i);
        if (e == std::string_view::npos) e = s.size();
        std::string_view line = text::trim(s.substr(i, e - i));
        i = e + 1;
        if (line.empty()) continue;
        bool contact = line.find('@') != std::string_view::npos || line.find("://") != std::string_view::npos ||
                       line.find("www.") != std::string_view::npos;
        int digits = 0, letters = 0;
        for (char c : line) {
          digits += c >= '0' && c <= '9';
          letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
        }
        if (digits >= 7) contact = true;
        std::string lower = text::ascii_lower(line);
        if (lower.rfind("sent from", 0) == 0 || lower.rfind("get outlook", 0) == 0 || lower.rfind("sent via", 0) == 0 ||
            lower.find("linkedin") != std::string::npos)
          contact = true;
        if (!contact && letters > 0) return;
      }
    }
    if (closing) {
      out.report(closing->span, "No name after the closing " + quoted(doc.str(closing->span)) +
                                    "; sign with your full name on the next line");
      return;
    }
    // No closing either: the message just stops. Point where closing-missing does.
    const Part* last = nullptr;
    for (const Part& p : doc.parts)
      if (p.kind == PartKind::Paragraph) last = &p;
    if (!last) return;  // no body yet
    out.report(last_line(doc, *last), "The message ends without your name; sign off and add your full name");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(signature_missing, Rule_)

}  // namespace fulint::rules
