// formatting-artifacts: characters pasted from a word processor — zero-width
// characters, non-breaking spaces, soft hyphens, tabs inside a line, trailing
// white space, a mix of straight and curly quotes — and invalid UTF-8.
//
// One diagnostic per kind and part (at the first occurrence, with a fix for
// all of them), so a pasted paragraph full of NBSPs is one finding, not fifty.
#include <array>
#include <cstring>
#include <optional>

#include "rules/common.hpp"
#include "rules/proofreading/util.hpp"

namespace fulint::rules {
namespace {

using namespace proof;

enum Kind { kZeroWidth, kNbsp, kSoftHyphen, kTab, kTrailing, kKinds };

// Bytes that can start something this rule reports: tab, quotes, line ends,
// and the UTF-8 lead bytes of U+00A0/U+00AD (C2), U+2007–U+2060 (E2), U+FEFF (EF).
constexpr std::array<bool, 256> kInteresting = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'\t', '\'', '"', '\n'}) t[c] = true;
  t[0xC2] = t[0xE2] = t[0xEF] = true;
  return t;
}();

struct Found {
  std::vector<Span> spans;
  std::string_view first_name;  // what the first one is, for the message
};

bool is_emoji_or_joiner_neighbour(char32_t cp) {
  return text::is_emoji(cp) || cp == 0xFE0F || cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "formatting-artifacts",
        .group = Group::Proofreading,
        .severity = Severity::Info,
        .summary = "Pasted characters: zero-width and non-breaking spaces, soft hyphens, tabs, trailing white space, mixed quotes, invalid UTF-8",
        .fix = Fixability::Safe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::string_view s = doc.text;
    const bool flowed = doc.format == Format::Eml && has_format_flowed(doc);

    // quote styles over the whole author's text
    uint32_t straight = 0, curly = 0;
    std::optional<Span> first_straight, first_curly;

    uint32_t done_until = 0;  // lines already scanned (parts can share a line)
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      // the whole lines the part covers, for trailing white space
      uint32_t b = p.span.begin;
      while (b > 0 && s[b - 1] != '\n') --b;
      uint32_t e = p.span.end;
      while (e < s.size() && s[e] != '\n') ++e;
      b = std::max(b, done_until);
      if (b >= e) continue;
      done_until = e;
      std::array<Found, kKinds> found;
      for (uint32_t k = b;;) {
        // skip what cannot be an artifact: letters, digits, spaces, most of UTF-8
        k = next_interesting(s, k, e);
        if (k >= e) break;
        unsigned char c = static_cast<unsigned char>(s[k]);
        if (c < 0x80) {
          if (c == '\t') {
            bool lead = is_leading(s, b, k);
            uint32_t r = k;
            while (r < e && (s[r] == ' ' || s[r] == '\t')) ++r;
            bool trailing = r >= e || s[r] == '\n' || s[r] == '\r';
            if (!lead && !trailing && in_part(p, k)) found[kTab].spans.push_back({k, k + 1});
          } else if (c == '\'' || c == '"') {
            if (in_part(p, k) && !is_prime(s, k)) {
              ++straight;
              if (!first_straight) first_straight = Span{k, k + 1};
            }
          } else if (c == '\n') {
            trailing_ws(doc, p, b, k, flowed, found[kTrailing]);
          }
          ++k;
          continue;
        }
        size_t len;
        char32_t cp = text::decode(s, k, len);
        Span sp{k, k + static_cast<uint32_t>(len)};
        if (cp == 0x200B || cp == 0x2060 || (cp == 0xFEFF && doc.raw_span(sp).begin != 0)) {
          found[kZeroWidth].spans.push_back(sp);
          if (found[kZeroWidth].spans.size() == 1) found[kZeroWidth].first_name = cp_name(cp);
        } else if (cp == 0x200C || cp == 0x200D) {
          size_t l1 = 0, l2 = 0;
          char32_t before = k > 0 ? text::decode_before(s, k, l1) : U' ';
          char32_t after = sp.end < s.size() ? text::decode(s, sp.end, l2) : U' ';
          bool latin_context = (before < 0x250 || after < 0x250) && !is_emoji_or_joiner_neighbour(before) &&
                               !is_emoji_or_joiner_neighbour(after);
          if (latin_context) {
            found[kZeroWidth].spans.push_back(sp);
            if (found[kZeroWidth].spans.size() == 1) found[kZeroWidth].first_name = cp_name(cp);
          }
        } else if (cp == 0x00A0 || cp == 0x202F || cp == 0x2007) {
          if (nbsp_is_artifact(s, k, sp.end, cp)) {
            found[kNbsp].spans.push_back(sp);
            if (found[kNbsp].spans.size() == 1) found[kNbsp].first_name = cp_name(cp);
          }
        } else if (cp == 0x00AD) {
          found[kSoftHyphen].spans.push_back(sp);
        } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D) {
          if (in_part(p, k)) {
            ++curly;
            if (!first_curly) first_curly = sp;
          }
        }
        k = sp.end;
      }
      trailing_ws(doc, p, b, e, flowed, found[kTrailing]);
      report(out, doc, found);
    }

    if (straight > 0 && curly > 0) {
      bool curly_minority = curly < straight || (curly == straight);
      Span at = curly_minority ? *first_curly : *first_straight;
      std::string msg = "Straight and curly quotes mixed (" + std::to_string(straight) + " straight, " +
                        std::to_string(curly) + " curly): make this " +
                        (curly_minority ? "curly one straight" : "straight one curly") + " like the others";
      out.report(at, msg);
    }

    if (!doc.invalid_utf8.empty()) {
      size_t bytes = 0;
      for (Span r : doc.invalid_utf8) bytes += r.size();
      std::string msg = std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes") + " of invalid UTF-8";
      if (doc.invalid_utf8.size() > 1) msg += " in " + std::to_string(doc.invalid_utf8.size()) + " places";
      msg += "; re-save the file as UTF-8";
      out.report_raw(doc.invalid_utf8.front(), msg);
    }
  }

 private:
  // The first byte at or after k that kInteresting marks, or e.
  static uint32_t next_interesting(std::string_view s, uint32_t k, uint32_t e) {
#if defined(__SSE2__)
    // tabs, quotes, line ends and non-ASCII bytes: the table decides on those
    for (; k + 16 <= e; k += 16) {
      Block16 x(s.data() + k);
      for (uint32_t m = x.any('\t', '\'', '"', '\n') | x.high(); m; m &= m - 1) {
        uint32_t at = k + static_cast<uint32_t>(std::countr_zero(m));
        if (kInteresting[static_cast<unsigned char>(s[at])]) return at;
      }
    }
#endif
    while (k < e && !kInteresting[static_cast<unsigned char>(s[k])]) ++k;
    return k;
  }

  static bool in_part(const Part& p, uint32_t k) { return p.span.contains(k); }

  static bool is_leading(std::string_view s, uint32_t line_floor, uint32_t k) {
    uint32_t j = k;
    while (j > line_floor && (s[j - 1] == ' ' || s[j - 1] == '\t')) --j;
    return j == line_floor || s[j - 1] == '\n';
  }

  // 5'10", 6' — primes after digits are not quotes
  static bool is_prime(std::string_view s, uint32_t k) { return k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9'; }

  static std::string_view cp_name(char32_t cp) {
    switch (cp) {
      case 0x200B: return "zero-width space (U+200B)";
      case 0x200C: return "zero-width non-joiner (U+200C)";
      case 0x200D: return "zero-width joiner (U+200D)";
      case 0x2060: return "word joiner (U+2060)";
      case 0xFEFF: return "zero-width no-break space (U+FEFF)";
      case 0x00A0: return "non-breaking space (U+00A0)";
      case 0x202F: return "narrow non-breaking space (U+202F)";
      case 0x2007: return "figure space (U+2007)";
      default: return "invisible character";
    }
  }

  // A no-break space that a word processor left between words; kept where
  // typography wants one: in "10 000", before ":;!?»" (French), after "«".
  static bool nbsp_is_artifact(std::string_view s, uint32_t b, uint32_t e, char32_t cp) {
    size_t l1 = 0, l2 = 0;
    char32_t before = b > 0 ? text::decode_before(s, b, l1) : U' ';
    char32_t after = e < s.size() ? text::decode(s, e, l2) : U' ';
    if (text::is_digit(before) && text::is_digit(after)) return false;
    // at a line's end it is trailing white space, reported as such
    if (after == U'\n' || after == U'\r' || e >= s.size()) return false;
    if (after == U':' || after == U';' || after == U'!' || after == U'?' || after == U'\u00BB' || before == U'\u00AB')
      return false;
    (void)cp;
    return true;
  }

  // Trailing white space of the line ending at `end` (its content start is
  // found backwards); not the "-- " signature separator, not format=flowed.
  static void trailing_ws(const Document& doc, const Part& p, uint32_t floor, uint32_t end, bool flowed, Found& f) {
    std::string_view s = doc.text;
    uint32_t e = end;
    if (e > floor && s[e - 1] == '\r') --e;
    uint32_t j = e;
    while (j > floor) {
      if (s[j - 1] == ' ' || s[j - 1] == '\t') {
        --j;
      } else if (j >= floor + 2 && s[j - 2] == '\xC2' && s[j - 1] == '\xA0') {
        j -= 2;
      } else {
        break;
      }
    }
    if (j == e) return;
    uint32_t ls = j;
    while (ls > floor && s[ls - 1] != '\n') --ls;
    if (j == ls) return;  // a blank line of spaces: not "trailing" text
    std::string_view line = s.substr(ls, e - ls);
    if (line == "-- ") return;
    if (flowed) return;
    (void)p;
    f.spans.push_back({j, e});
  }

  static bool has_format_flowed(const Document& doc) {
    std::string_view r = doc.raw;
    // any part declaring format=flowed: look for "flowed", then "format=" before it
    for (std::string_view needle : {"flowed", "Flowed", "FLOWED"}) {
      for (size_t i = r.find(needle); i != std::string_view::npos; i = r.find(needle, i + 1)) {
        size_t j = i;
        while (j > 0 && (r[j - 1] == ' ' || r[j - 1] == '"')) --j;
        if (j == 0 || r[j - 1] != '=') continue;
        --j;
        while (j > 0 && r[j - 1] == ' ') --j;
        if (j >= 6 && is(r.substr(j - 6, 6), "format")) return true;
      }
    }
    return false;
  }

  // The messages are built only for the kinds found: most parts have none.
  static void report(Reporter& out, const Document& doc, std::array<Found, kKinds>& found) {
    auto emit = [&](Found& f, const std::string& what, std::string_view todo, std::string_view repl,
                    std::string_view fix_title) {
      std::string msg = what;
      if (f.spans.size() > 1) msg += " (" + std::to_string(f.spans.size()) + " in this part)";
      msg.append("; ").append(todo);
      Diagnostic& d = out.report(f.spans.front(), msg);
      Fix fix;
      fix.title = fix_title;
      fix.safety = FixSafety::Safe;
      for (Span sp : f.spans) {
        if (!doc.map.is_exact(sp)) return;
        fix.edits.push_back({doc.map.to_raw(sp), std::string(repl)});
      }
      d.fixes.push_back(std::move(fix));
    };
    if (!found[kZeroWidth].spans.empty())
      emit(found[kZeroWidth], "Invisible " + std::string(found[kZeroWidth].first_name), "delete it", "",
           "Delete the invisible characters");
    if (!found[kNbsp].spans.empty()) {
      std::string nb(found[kNbsp].first_name);
      nb[0] = upper_ascii(nb[0]);
      emit(found[kNbsp], nb + " between words", "use a normal space", " ", "Replace with normal spaces");
    }
    if (!found[kSoftHyphen].spans.empty())
      emit(found[kSoftHyphen], "Soft hyphen (U+00AD) pasted from a word processor", "delete it", "",
           "Delete the soft hyphens");
    if (!found[kTab].spans.empty())
      emit(found[kTab], "Tab inside a line", "use a space", " ", "Replace tabs with spaces");
    if (!found[kTrailing].spans.empty())
      emit(found[kTrailing], "Trailing white space at the end of the line", "delete it", "",
           "Delete trailing white space");
  }
};

}  // namespace

FULINT_RULE_INSTANCE(formatting_artifacts, Rule_)

}  // namespace fulint::rules
