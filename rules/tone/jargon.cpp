// jargon: buzzwords and clichés (phrase family "jargon"); "leverage" only as
// a verb. Unsafe plain-word fixes where the data gives one.
#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

// Whether "leverage/leverages/leveraged/leveraging" at m is a verb.
bool leverage_verb(const Document& doc, Span m) {
  std::string_view w = doc.str(m);
  std::string_view prev = prev_word(doc, m), next = next_word(doc, m);
  auto object = [&] {
    return ieq_any(next, {"my", "our", "your", "their", "his", "her", "its", "this", "these", "those", "them", "it",
                          "every", "all", "existing", "new", "data", "technology", "technologies", "tools", "skills",
                          "experience", "expertise", "relationships", "insights", "resources", "partnerships"});
  };
  auto noun_context = [&] {
    return ieq_any(prev, {"the", "a", "an", "of", "financial", "operating", "operational", "high", "low", "more",
                          "less", "much", "some", "no", "any", "bargaining", "negotiating", "political", "market",
                          "debt", "net", "total", "highly", "heavily", "over", "under"});
  };
  std::string lw = lower(w);
  if (noun_context()) return false;
  if (lw == "leveraging") return !ieq_any(next, {"ratio", "ratios"});
  if (lw == "leveraged") {
    if (ieq_any(next, {"buyout", "buyouts", "finance", "financing", "loan", "loans", "lending", "etf", "etfs",
                       "position", "positions", "fund", "funds", "recapitalization", "company", "companies", "balance",
                       "portfolio", "portfolios", "investment", "investments", "products", "product", "trading"}))
      return false;
    return true;
  }
  // "leverage" / "leverages"
  if (ieq_any(prev, {"to", "i", "we", "you", "they", "can", "could", "will", "would", "should", "must", "and", "or",
                     "help", "helps", "helped", "i'd", "i'll", "we'll", "we'd", "better", "fully", "effectively",
                     "also", "it", "he", "she", "which", "that", "who", "might", "may", "please", "then"}))
    return true;
  return object();  // "Leverage my skills …"
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "jargon",
        .group = Group::Tone,
        .severity = Severity::Hint,
        .summary = "Buzzword or cliché (synergy, leverage, team player, think outside the box)",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const auto kJargon = family("jargon");
    const Document& doc = ctx.doc;
    const auto& phrases = PhraseBook::instance().phrases(kJargon);
    for (const PhraseMatch& m : ctx.phrases(kJargon)) {
      std::string_view t = doc.str(m.span);
      if (is_known_name(ctx.facts, t)) continue;  // a company called "Ninja"
      bool leverage = ieq(t.substr(0, 7), "leverag");
      if (leverage && !leverage_verb(doc, m.span)) continue;
      Diagnostic& d = out.report(m.span, "Buzzword " + flat_quoted(t) + "; say plainly what you did or would do");
      const Phrase& ph = phrases[m.phrase];
      std::string repl;
      if (leverage) {
        std::string lw = lower(t);
        repl = lw == "leverage" ? "use" : lw == "leverages" ? "uses" : lw == "leveraged" ? "used" : "using";
        repl = match_case(t, repl);
      } else if (ph.has_replacement && !ph.replacement.empty()) {
        repl = match_case(t, ph.replacement);
      }
      if (!repl.empty())
        out.add_fix(d, "Replace " + flat_quoted(t) + " with " + flat_quoted(repl), FixSafety::Unsafe, {{m.span, repl}});
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(jargon, Rule_)

}  // namespace fulint::rules
