// exclamation-overuse: more than one '!' in the author's text (each one after
// the first is reported), and any run of two or more ('!!', '!?!', reported as
// the run).
#include <cstring>

#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "exclamation-overuse",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "More than one exclamation mark in the draft, or a run such as ‘!!’",
        .fix = Fixability::Mixed,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::string_view s = doc.text;
    // Runs of '!' (with '?' inside: "!?!") holding at least one '!'.
    struct Run {
      Span span;
      int bangs;
      bool mixed;
    };
    std::vector<Run> runs;
    int total = 0;
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      const char* base = s.data();
      size_t i = p.span.begin;
      while (i < p.span.end) {
        const void* hit = std::memchr(base + i, '!', p.span.end - i);
        if (!hit) break;
        size_t b = static_cast<size_t>(static_cast<const char*>(hit) - base);
        if (in_url_or_email(doc, static_cast<uint32_t>(b))) {
          i = b + 1;
          continue;
        }
        // extend over '!' and '?' on both sides
        size_t rb = b;
        while (rb > p.span.begin && s[rb - 1] == '?') --rb;
        size_t re = b;
        int bangs = 0;
        bool mixed = rb < b;
        while (re < p.span.end && (s[re] == '!' || s[re] == '?')) {
          if (s[re] == '!') ++bangs;
          else mixed = true;
          ++re;
        }
        runs.push_back({{static_cast<uint32_t>(rb), static_cast<uint32_t>(re)}, bangs, mixed});
        total += bangs;
        i = re;
      }
    }
    if (total < 2) return;
    int seen = 0;
    for (const Run& r : runs) {
      std::string_view t = doc.str(r.span);
      if (r.bangs >= 2) {
        Diagnostic& d = out.report(r.span, "Repeated exclamation marks " + quoted(t) +
                                               "; use at most one in the whole email, or a full stop");
        if (!r.mixed) out.add_fix(d, "Replace " + quoted(t) + " with ‘!’", FixSafety::Safe, {{r.span, "!"}});
        seen += r.bangs;
        continue;
      }
      ++seen;
      if (seen == 1) continue;  // the first '!' of the draft is fine
      if (r.mixed) {
        out.report(r.span, "Exclamation mark " + std::to_string(seen) + " of " + std::to_string(total) +
                               " in this email; keep at most one");
        continue;
      }
      Diagnostic& d = out.report(r.span, "Exclamation mark " + std::to_string(seen) + " of " + std::to_string(total) +
                                             " in this email; keep at most one and end this sentence with a full stop");
      out.add_fix(d, "Replace ‘!’ with ‘.’", FixSafety::Unsafe, {{r.span, "."}});
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(exclamation_overuse, Rule_)

}  // namespace fulint::rules
