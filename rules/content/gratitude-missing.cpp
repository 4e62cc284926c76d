// gratitude-missing: nothing in the body or the closing thanks the reader.
#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "gratitude-missing",
        .group = Group::Content,
        .severity = Severity::Error,
        .summary = "Nothing in the body or the closing thanks the reader for their time",
        .element = Element::Gratitude,
    };
    return m;
  }

  bool present(const Context& ctx) const override { return content::find_thanks(ctx).first != nullptr; }

  void check(const Context& ctx, Reporter& out) const override {
    if (!content::has_body(ctx.doc)) return;
    content::Thanks t = content::find_thanks(ctx);
    if (t.first) return;
    if (t.in_subject)
      out.report(body_anchor(ctx.doc),
                 "Only the subject thanks the reader; thank them in the message too, e.g. "
                 "\u2018Thank you for taking the time to meet with me\u2019");
    else
      out.report(body_anchor(ctx.doc),
                 "Nothing thanks the reader; open with a line such as "
                 "\u2018Thank you for taking the time to meet with me\u2019");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(gratitude_missing, Rule_)

}  // namespace fulint::rules
