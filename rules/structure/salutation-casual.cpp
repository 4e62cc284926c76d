// salutation-casual: the greeting is casual ("Hey", "Yo", "Howdy").
#include "rules/common.hpp"
#include "rules/structure/util.hpp"

namespace fulint::rules {
namespace {

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "salutation-casual",
        .group = Group::Structure,
        .severity = Severity::Warning,
        .summary = "The greeting is casual (‘Hey’, ‘Hiya’, ‘Yo’, ‘Sup’, ‘Howdy’)",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    structure::Greeting g = structure::read_greeting(ctx);
    if (!g.part || !g.casual || g.greeting_end == g.begin) return;
    const Document& doc = ctx.doc;
    Span word{doc.words[g.begin].span.begin, doc.words[g.greeting_end - 1].span.end};
    // "Hey Priya" -> "Dear Priya"; "Hey there" / "Hey all" / "Hey!" -> "Hello …".
    bool named = false;
    for (const auto& a : g.addressees) named |= !a.nobody;
    std::string_view repl = named ? "Dear" : "Hello";
    auto& d = out.report(word, "Casual greeting " + quoted(doc.str(word)) + "; write " + quoted(repl) +
                                   " in a message to an interviewer");
    out.add_fix(d, "Replace " + quoted(doc.str(word)) + " with " + quoted(repl), FixSafety::Unsafe, {{word, repl}});
  }
};

}  // namespace

FULINT_RULE_INSTANCE(salutation_casual, Rule_)

}  // namespace fulint::rules
