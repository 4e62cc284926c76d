// shouting: words written in capitals for emphasis ("REALLY", "VERY
// EXCITED"). Acronyms, credentials, names, the company, the user's words,
// Roman numerals and bracketed placeholders are left alone.
#include <algorithm>
#include <array>

#include "rules/tone/util.hpp"

namespace fulint::rules {
namespace {

using namespace tone;

// Known acronyms, initialisms and credentials of four or more letters (sorted;
// shorter ones never count as shouting). Users add their own with `words`.
constexpr auto kAcronyms = std::to_array<std::string_view>({
    "AACN",   "AARP",   "ABAQUS", "ACCA",   "ACLS",   "ACLU",   "ACSM",   "AFSCME", "AICP",   "AIDS",   "AJAX",
    "ANSI",   "ANSYS",  "APICS",  "ASAP",   "ASCII",  "ASCP",   "ASEAN",  "ASHRAE", "ASIC",   "ASME",   "ASQC",
    "ASTM",   "ATPL",   "BCBA",   "BIOS",   "BIPAP",  "BSCS",   "BSEE",   "BSIT",   "BSME",   "CAGR",   "CAHPS",
    "CAIA",   "CAPEX",  "CAPM",   "CATIA",  "CCNA",   "CCNP",   "CCPA",   "CCRN",   "CEBS",   "CEFR",   "CELTA",
    "CFPB",   "CIMA",   "CIPD",   "CIPS",   "CISA",   "CISC",   "CISM",   "CISSP",  "CMMC",   "CMMI",   "COBIT",
    "COBOL",  "COBRA",  "COGS",   "COMSOL", "COPD",   "CORS",   "COTA",   "COVID",  "CPCU",   "CPHQ",   "CPIM",
    "CPSM",   "CRNA",   "CRUD",   "CSAT",   "CSCP",   "CSCS",   "CSPO",   "CUDA",   "CUNY",   "CVICU",  "DARPA",
    "DHCP",   "DPHIL",  "DRAM",   "EBITDA", "ECMO",   "EEOC",   "EEPROM", "EMBA",   "ERISA",  "ESOP",   "EULA",
    "FACS",   "FAFSA",  "FEDRAMP", "FEMA",   "FERPA",  "FHFA",   "FHIR",   "FICA",   "FIFA",   "FIFO",   "FINRA",
    "FISMA",  "FMCG",   "FMLA",   "FPGA",   "FRCS",   "GAAP",   "GCSE",   "GDPR",   "GMAT",   "GNSS",   "GPHR",
    "GRAPHQL", "HACCP",  "HCAHPS", "HDMI",   "HEDIS",  "HIPAA",  "HITECH", "HITRUST", "HMRC",   "HRIS",   "HSBC",
    "HTML",   "HTTP",   "HTTPS",  "HVAC",   "IAAS",   "ICAO",   "IEEE",   "IELTS",  "IFRS",   "IIOT",   "IKEA",
    "IMAP",   "INSEAD", "ISTQB",  "ITIL",   "JCAHO",  "JIRA",   "JROTC",  "JSON",   "KAIST",  "KPMG",   "LCSW",
    "LDAP",   "LEED",   "LGBT",   "LGBTQ",  "LIDAR",  "LIFO",   "LLMS",   "LMFT",   "LSAT",   "LSTM",   "MATLAB",
    "MCAT",   "MCSA",   "MCSE",   "MICU",   "MIMO",   "MIPS",   "MLOPS",  "MOOC",   "MPLS",   "MQTT",   "MRCP",
    "MRCS",   "MSCS",   "MSEE",   "MSIT",   "MSME",   "MSRP",   "MVVM",   "MYSQL",  "NAACP",  "NAEYC",  "NAICS",
    "NASA",   "NASDAQ", "NASM",   "NATO",   "NCAA",   "NCIDQ",  "NCLEX",  "NCQA",   "NERC",   "NFPA",   "NICU",
    "NIST",   "NOAA",   "NOSQL",  "NREMT",  "NSCA",   "NVIDIA", "NVME",   "NYSE",   "OAUTH",  "OFDM",   "OFSTED",
    "OPEC",   "OPEX",   "OSHA",   "OSPF",   "OWASP",  "OXFAM",  "PACU",   "PALS",   "PBIS",   "PCBA",   "PGCE",
    "PHARMD", "PICU",   "POSIX",  "PTSA",   "PTSD",   "RADAR",  "RAID",   "REGEX",  "REST",   "RFID",   "RHCE",
    "RHCSA",  "RISC",   "RLHF",   "ROTC",   "RSVP",   "RTOS",   "SAAS",   "SAML",   "SARS",   "SATA",   "SCADA",
    "SCORM",  "SCRUM",  "SCSI",   "SCSS",   "SCUBA",  "SEIU",   "SENCO",  "SHRM",   "SICU",   "SIEM",   "SIMD",
    "SMART",  "SMTP",   "SOAP",   "SOAR",   "SPED",   "SPHR",   "SPSS",   "SRAM",   "STATA",  "STEAM",  "STEM",
    "SUNY",   "SWOT",   "TEFL",   "TESOL",  "TODO",   "TOEFL",  "TOEIC",  "TOGAF",  "UART",   "UCLA",   "UCSF",
    "UEFI",   "UNDP",   "UNESCO", "UNHCR",  "UNICEF", "UNIX",   "UNSW",   "URAC",   "USAID",  "USDA",   "USMC",
    "USMCA",  "USPS",   "VHDL",   "VLAN",   "WACC",   "WCAG",   "WIFI",   "WLAN",   "YAGNI",  "YAML",   "YMCA",
    "YOLO",   "YWCA",
});
static_assert(std::is_sorted(kAcronyms.begin(), kAcronyms.end()), "kAcronyms must stay sorted");

// Short words that are never acronyms and only ever capitalised for emphasis.
bool emphatic_short(std::string_view w) {
  return w == "SO" || w == "TOO" || w == "NOT" || w == "YES" || w == "WOW" || w == "YOU" || w == "ALL" ||
         w == "BIG";
}

bool is_acronym(std::string_view w) {
  return std::binary_search(kAcronyms.begin(), kAcronyms.end(), w);
}

bool roman_numeral(std::string_view w) {
  // M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})
  size_t i = 0;
  auto run = [&](char c, size_t max) {
    size_t n = 0;
    while (i < w.size() && w[i] == c && n < max) ++i, ++n;
  };
  auto group = [&](char one, char five, char ten) {
    if (i + 1 < w.size() && w[i] == one && (w[i + 1] == ten || w[i + 1] == five)) {
      i += 2;
      return;
    }
    if (i < w.size() && w[i] == five) ++i;
    run(one, 3);
  };
  run('M', 3);
  group('C', 'D', 'M');
  group('X', 'L', 'C');
  group('I', 'V', 'X');
  return i == w.size() && !w.empty();
}

// "[ROLE]", "<COMPANY NAME>", "{{TOPIC}}": a placeholder, template-placeholder's job.
bool in_brackets(const Document& doc, Span s, const Part& p) {
  std::string_view t = doc.text;
  for (uint32_t k = s.begin; k > p.span.begin;) {
    char c = t[--k];
    if (c == '\n' || c == '\r' || c == ']' || c == '>' || c == '}') break;
    if (c == '[' || c == '<' || c == '{') {
      for (uint32_t j = s.end; j < p.span.end; ++j) {
        char d = t[j];
        if (d == '\n' || d == '\r' || d == '[' || d == '<' || d == '{') return false;
        if (d == ']' || d == '>' || d == '}') return true;
      }
      return false;
    }
  }
  return false;
}

// Whether the word at off starts a sentence (or a line of a non-paragraph part).
bool starts_sentence(const Document& doc, uint32_t off, const Part& p) {
  std::string_view t = doc.text;
  for (uint32_t k = off; k > p.span.begin;) {
    char c = t[--k];
    if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '\'') continue;
    if (c == '\n' || c == '\r') {
      if (p.kind != PartKind::Paragraph) return true;
      continue;
    }
    return c == '.' || c == '!' || c == '?';
  }
  return true;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "shouting",
        .group = Group::Tone,
        .severity = Severity::Warning,
        .summary = "A word in ALL CAPS for emphasis (not a known acronym): it reads as shouting",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    for (const Part& p : doc.parts) {
      if (p.kind == PartKind::Quoted) continue;
      uint32_t run_first = 0, run_last = 0;
      bool in_run = false;
      auto flush = [&] {
        if (!in_run) return;
        in_run = false;
        report(doc, p, {doc.words[run_first].span.begin, doc.words[run_last].span.end}, out);
      };
      for (uint32_t wi = p.word_begin; wi < p.word_end; ++wi) {
        // Outside a run, pass over the words not in capitals (nearly all) in
        // a tight loop: they neither shout nor end a run.
        if (!in_run)
          while (wi < p.word_end && !doc.words[wi].has(kWordAllCaps)) ++wi;
        if (wi == p.word_end) break;
        const Word& w = doc.words[wi];
        if (!shouts(ctx, w, p)) {
          flush();
          continue;
        }
        if (in_run) {
          std::string_view gap = doc.str({doc.words[run_last].span.end, w.span.begin});
          if (gap.find_first_not_of(" \t") != std::string_view::npos) flush();
        }
        if (!in_run) {
          in_run = true;
          run_first = wi;
        }
        run_last = wi;
      }
      flush();
    }
  }

 private:
  static bool shouts(const Context& ctx, const Word& w, const Part& p) {
    if (!w.has(kWordAllCaps) || w.has(kWordHasDigit) || w.has(kWordUrl) || w.has(kWordEmail)) return false;
    const Document& doc = ctx.doc;
    std::string_view t = doc.str(w.span);
    size_t letters = 0;
    bool all_x = true;
    for (size_t i = 0; i < t.size();) {
      size_t len;
      char32_t cp = text::decode(t, i, len);
      if (text::is_letter(cp)) {
        ++letters;
        all_x &= cp == 'X';
      }
      i += len;
    }
    if (letters < 4 && !emphatic_short(t)) return false;
    if (all_x) return false;  // "XXXX": a placeholder
    if (is_acronym(t) || roman_numeral(t)) return false;
    // "AFL-CIO", "COVID-19": every hyphenated piece an acronym or short
    if (t.find('-') != std::string_view::npos) {
      bool all_known = true;
      size_t b = 0;
      while (b <= t.size()) {
        size_t e = t.find('-', b);
        if (e == std::string_view::npos) e = t.size();
        std::string_view piece = t.substr(b, e - b);
        if (!(piece.size() < 4 || is_acronym(piece))) all_known = false;
        b = e + 1;
      }
      if (all_known) return false;
    }
    if (is_known_name(ctx.facts, t)) return false;
    if (in_brackets(doc, w.span, p)) return false;
    return true;
  }

  // A signature line set wholly in capitals ("SENIOR DATA ANALYST") is
  // letterhead styling, not emphasis.
  static bool caps_signature_line(const Document& doc, const Part& p, Span s) {
    if (p.kind != PartKind::Signature) return false;
    std::string_view t = doc.text;
    uint32_t b = s.begin, e = s.end;
    while (b > p.span.begin && t[b - 1] != '\n' && t[b - 1] != '\r') --b;
    while (e < p.span.end && t[e] != '\n' && t[e] != '\r') ++e;
    std::string_view line = t.substr(b, e - b);
    for (size_t i = 0; i < line.size();) {
      size_t len;
      if (text::is_lower(text::decode(line, i, len))) return false;
      i += len;
    }
    return true;
  }

  static void report(const Document& doc, const Part& p, Span s, Reporter& out) {
    if (caps_signature_line(doc, p, s)) return;
    std::string_view t = doc.str(s);
    std::string repl = lower(t);
    if (starts_sentence(doc, s.begin, p)) capitalize_first(repl);
    Diagnostic& d = out.report(s, quoted(t) + " in capitals reads as shouting; write " + quoted(repl));
    out.add_fix(d, "Replace " + quoted(t) + " with " + quoted(repl), FixSafety::Unsafe, {{s, repl}});
  }
};

}  // namespace

FULINT_RULE_INSTANCE(shouting, Rule_)

}  // namespace fulint::rules
