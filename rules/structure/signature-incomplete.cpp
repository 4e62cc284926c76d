// signature-incomplete: the signature has a name but no way to reach the writer.
#include "rules/common.hpp"

namespace fulint::rules {
namespace {

constexpr std::string_view kKinds[] = {"phone", "linkedin", "url", "email", "title"};

std::string_view describe(std::string_view kind) {
  if (kind == "phone") return "a phone number";
  if (kind == "linkedin") return "your LinkedIn profile";
  if (kind == "url") return "a link to your website";
  if (kind == "email") return "an e-mail address";
  if (kind == "title") return "your job title";
  return kind;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static constexpr OptionSpec kOptions[] = {
        {"require_any", OptionType::StringList, R"(["phone", "linkedin", "url"])",
         "The signature needs at least one of these: phone, linkedin, url, email, title", kKinds},
        {"require", OptionType::StringList, "[]",
         "The signature needs every one of these (phone, linkedin, url, email, title); checked besides require_any",
         kKinds}};
    static const RuleMeta m{
        .id = "signature-incomplete",
        .group = Group::Structure,
        .severity = Severity::Info,
        .summary = "The signature has a name but no phone number, LinkedIn profile or link",
        .options = kOptions,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const SignatureInfo& sig = doc.signature;
    if (!sig.name) return;  // signature-missing speaks
    auto has = [&](const std::string& k) {
      return (k == "phone" && sig.phone) || (k == "linkedin" && sig.linkedin) ||
             (k == "url" && (sig.url || sig.linkedin)) || (k == "email" && sig.email) || (k == "title" && sig.title);
    };
    std::string missing;
    for (const std::string& k : ctx.opt_list("require"))
      if (!has(k)) missing += (missing.empty() ? "" : ", ") + k;
    if (!missing.empty()) {
      out.report(*sig.name, "The signature lacks " + missing + " (required by the `require` option)");
      return;
    }
    const std::vector<std::string>& kinds = ctx.opt_list("require_any");
    if (kinds.empty()) return;
    for (const std::string& k : kinds)
      if (has(k)) return;
    std::string want;
    for (size_t i = 0; i < kinds.size(); ++i) {
      if (i > 0) want += i + 1 == kinds.size() ? " or " : ", ";
      want += describe(kinds[i]);
    }
    out.report(*sig.name, "Signature " + quoted(doc.str(*sig.name)) + " gives the reader no way to reach you; add " +
                              want + " under your name");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(signature_incomplete, Rule_)

}  // namespace fulint::rules
