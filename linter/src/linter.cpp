#include "fulint/linter.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "fulint/registry.hpp"
#include "fulint/text.hpp"

namespace fulint {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    case Severity::Hint: return "hint";
  }
  return "?";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::Error;
  if (s == "warning") return Severity::Warning;
  if (s == "info") return Severity::Info;
  if (s == "hint") return Severity::Hint;
  return std::nullopt;
}

std::string_view to_string(Group g) {
  switch (g) {
    case Group::Structure: return "structure";
    case Group::Content: return "content";
    case Group::Tone: return "tone";
    case Group::Concision: return "concision";
    case Group::Proofreading: return "proofreading";
    case Group::Sending: return "sending";
  }
  return "?";
}

std::string_view to_string(OptionType t) {
  switch (t) {
    case OptionType::Bool: return "boolean";
    case OptionType::Int: return "integer";
    case OptionType::Number: return "number";
    case OptionType::String: return "string";
    case OptionType::StringList: return "list of strings";
  }
  return "?";
}

std::string_view to_string(Fixability f) {
  switch (f) {
    case Fixability::None: return "none";
    case Fixability::Safe: return "safe";
    case Fixability::Unsafe: return "unsafe";
    case Fixability::Mixed: return "safe and unsafe";
  }
  return "?";
}

int Summary::present() const {
  return gratitude + personalization + qualifications + interest + call_to_action + proofread;
}

// --- Context / Reporter ------------------------------------------------------

const OptionValue& Context::opt(std::string_view name) const {
  for (size_t i = 0; i < meta_.options.size(); ++i)
    if (meta_.options[i].name == name) return settings_.options.at(i);
  throw std::logic_error("rule " + std::string(meta_.id) + " has no option " + std::string(name));
}
bool Context::opt_bool(std::string_view n) const { return std::get<bool>(opt(n)); }
int64_t Context::opt_int(std::string_view n) const { return std::get<int64_t>(opt(n)); }
double Context::opt_number(std::string_view n) const {
  const OptionValue& v = opt(n);
  if (auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  return std::get<double>(v);
}
const std::string& Context::opt_string(std::string_view n) const { return std::get<std::string>(opt(n)); }
const std::vector<std::string>& Context::opt_list(std::string_view n) const {
  return std::get<std::vector<std::string>>(opt(n));
}

Diagnostic& Reporter::report(Span text, std::string message) { return report_raw(doc_.map.to_raw(text), std::move(message)); }

Diagnostic& Reporter::report_raw(Span raw, std::string message) {
  Diagnostic d;
  d.rule = rule_;
  d.severity = severity_;
  d.message = std::move(message);
  d.raw = raw;
  out_.push_back(std::move(d));
  return out_.back();
}

bool Reporter::add_fix(Diagnostic& d, std::string title, FixSafety safety,
                       std::initializer_list<std::pair<Span, std::string_view>> edits) {
  Fix f;
  f.title = std::move(title);
  f.safety = safety;
  for (auto& [span, repl] : edits) {
    if (!doc_.map.is_exact(span)) return false;
    f.edits.push_back({doc_.map.to_raw(span), std::string(repl)});
  }
  d.fixes.push_back(std::move(f));
  return true;
}

// --- Facts -------------------------------------------------------------------

namespace {

std::string capitalize(std::string_view w) {
  std::string s(w);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

bool is_title_word(std::string_view w) {
  static constexpr std::string_view kTitles[] = {"mr", "ms", "mrs", "miss", "mx", "dr", "prof", "sir", "madam"};
  std::string l = text::ascii_lower(w);
  while (!l.empty() && l.back() == '.') l.pop_back();
  for (auto t : kTitles)
    if (l == t) return true;
  return false;
}

void add_name(Facts& f, std::vector<std::string>& tokens, std::string_view full, bool recipient) {
  std::string_view t = text::trim(full);
  if (t.empty()) return;
  // "Patel, Priya" -> both tokens; quotes stripped.
  std::string clean;
  for (char c : t)
    if (c != '"') clean += c;
  if (recipient) f.recipient_names.push_back(clean);
  size_t i = 0;
  std::string_view cv = clean;
  while (i < cv.size()) {
    size_t len;
    while (i < cv.size() && !text::is_letter(text::decode(cv, i, len))) i += len;
    size_t b = i;
    while (i < cv.size()) {
      char32_t cp = text::decode(cv, i, len);
      if (text::is_letter(cp) || ((text::is_apostrophe(cp) || text::is_hyphen(cp)) && i > b)) i += len;
      else break;
    }
    std::string_view w = cv.substr(b, i - b);
    if (text::count_code_points(w) >= 2 && !is_title_word(w)) tokens.emplace_back(w);
  }
}

// "priya.patel" -> "Priya Patel"; "" when the local part is not made of names.
std::string name_from_local_part(std::string_view local) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : local) {
    if (c == '.' || c == '_' || c == '-') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      cur += c;
    } else {
      return "";
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  if (parts.size() < 2) return "";
  std::string out;
  for (auto& p : parts) {
    if (p.size() < 2) return "";
    if (!out.empty()) out += ' ';
    out += capitalize(text::ascii_lower(p));
  }
  return out;
}

std::string company_from_domain(std::string_view addr) {
  size_t at = addr.rfind('@');
  if (at == std::string_view::npos) return "";
  std::string dom = text::ascii_lower(addr.substr(at + 1));
  std::vector<std::string> labels;
  size_t p = 0;
  while (p <= dom.size()) {
    size_t q = dom.find('.', p);
    if (q == std::string::npos) q = dom.size();
    labels.push_back(dom.substr(p, q - p));
    p = q + 1;
  }
  if (labels.size() < 2) return "";
  static constexpr std::string_view kSecondLevel[] = {"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "gv", "or", "ne"};
  size_t idx = labels.size() - 2;
  if (labels.size() >= 3 && labels.back().size() == 2)
    for (auto s : kSecondLevel)
      if (labels[labels.size() - 2] == s) idx = labels.size() - 3;
  std::string label = labels[idx];
  static constexpr std::string_view kFree[] = {"gmail", "googlemail", "outlook", "hotmail", "live", "yahoo", "icloud",
                                               "me", "aol", "proton", "protonmail", "gmx", "mail", "yandex", "zoho", "fastmail", "example"};
  for (auto f : kFree)
    if (label == f) return "";
  return capitalize(label);
}

}  // namespace

Facts compute_facts(const Document& doc, const Config& cfg, const LintEnv& env) {
  Facts f;
  for (const auto* list : {&doc.to, &doc.cc}) {
    for (const Address& a : *list) {
      if (!a.name.empty()) add_name(f, f.recipient_tokens, a.name, true);
      else {
        std::string local(a.address.substr(0, a.address.find('@')));
        std::string n = name_from_local_part(local);
        if (!n.empty()) add_name(f, f.recipient_tokens, n, true);
      }
    }
  }
  for (const std::string& n : cfg.interview.interviewers) add_name(f, f.recipient_tokens, n, true);
  for (const Address& a : doc.from) {
    if (!a.name.empty()) add_name(f, f.sender_tokens, a.name, false);
    std::string n = name_from_local_part(a.address.substr(0, a.address.find('@')));
    if (!n.empty()) add_name(f, f.sender_tokens, n, false);
  }
  if (doc.signature.name) add_name(f, f.sender_tokens, doc.str(*doc.signature.name), false);
  if (!cfg.interview.company.empty()) f.company = cfg.interview.company;
  else
    for (const Address& a : doc.to)
      if (f.company.empty()) f.company = company_from_domain(a.address);
  if (!f.company.empty()) {
    std::vector<std::string> toks;
    add_name(f, toks, f.company, false);
    f.company_tokens = toks;
  }
  if (const Header* h = doc.header("Date")) f.message_time = parse_time(h->value);
  if (!f.message_time) {
    if (env.now) f.message_time = env.now;
    else
      f.message_time = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  }
  if (const Header* h = doc.header("X-Interview-Date"); h && parse_time(h->value)) {
    f.interview_time = parse_time(h->value);
    f.interview_time_source = "X-Interview-Date header";
  } else if (env.interview_date) {
    f.interview_time = env.interview_date;
    f.interview_time_source = "--interview-date";
  } else if (cfg.interview.date) {
    f.interview_time = cfg.interview.date;
    f.interview_time_source = "interview.date in " + (cfg.source.empty() ? std::string("the config") : cfg.source);
  }
  if (const Header* h = doc.header("X-Follow-Up-Number")) {
    std::string_view v = text::trim(h->value);
    int n = 0;
    bool ok = !v.empty() && v.size() < 4;
    for (char c : v) {
      if (c < '0' || c > '9') ok = false;
      else n = n * 10 + (c - '0');
    }
    if (ok) f.follow_up_number = n;
  }
  for (const std::string& w : cfg.words) f.user_words.push_back(text::fold(w));
  return f;
}

// --- lint --------------------------------------------------------------------

namespace {

std::set<std::string, std::less<>> disabled_by_header(const Document& doc) {
  std::set<std::string, std::less<>> out;
  for (const Header& h : doc.headers) {
    std::string n = text::ascii_lower(h.name);
    if (n != "x-fulint-disable") continue;
    std::string_view v = h.value;
    size_t p = 0;
    while (p <= v.size()) {
      size_t q = v.find_first_of(", ", p);
      if (q == std::string_view::npos) q = v.size();
      std::string_view id = text::trim(v.substr(p, q - p));
      if (!id.empty()) out.emplace(id);
      p = q + 1;
    }
  }
  return out;
}

bool is_check_in(const Document& doc, const PhraseHits& hits) {
  static const PhraseFamilyId kCheckIn = PhraseBook::instance().id("check-in");
  for (const PhraseMatch& m : hits.of(kCheckIn)) {
    for (const Part& p : doc.parts)
      if (p.kind == PartKind::Paragraph && p.span.contains(m.span)) return true;
  }
  return false;
}

}  // namespace

LintResult lint(const Document& doc, const Config& cfg, const LintEnv& env) {
  LintResult res;
  res.facts = compute_facts(doc, cfg, env);
  thread_local PhraseHits hits;  // its storage is reused from draft to draft
  PhraseBook::instance().scan(doc, hits);
  res.facts.check_in = res.facts.follow_up_number >= 2 || is_check_in(doc, hits);
  auto off = disabled_by_header(doc);
  auto rules = all_rules();
  std::vector<Diagnostic>& out = res.diagnostics;
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = *rules[i];
    const RuleMeta& m = r.meta();
    const RuleSettings& s = cfg.settings(i);
    bool on = s.enabled && !off.contains(m.id);
    if (!on && !m.element) continue;
    Context ctx(doc, res.facts, hits, m, s, env.speller);
    if (m.element) {
      bool present = r.present(ctx);
      switch (*m.element) {
        case Element::Gratitude: res.summary.gratitude = present; break;
        case Element::Personalization: res.summary.personalization = present; break;
        case Element::Qualifications: res.summary.qualifications = present; break;
        case Element::Interest: res.summary.interest = present; break;
        case Element::CallToAction: res.summary.call_to_action = present; break;
      }
    }
    if (!on) continue;
    Reporter rep(doc, m.id, s.severity, out);
    r.check(ctx, rep);
  }
  res.summary.proofread = true;
  for (const Diagnostic& d : out) {
    const Rule* r = find_rule(d.rule);
    if (r && r->meta().group == Group::Proofreading && d.severity <= Severity::Warning) res.summary.proofread = false;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.raw.begin != b.raw.begin) return a.raw.begin < b.raw.begin;
    if (a.raw.end != b.raw.end) return a.raw.end < b.raw.end;
    return a.rule < b.rule;
  });
  return res;
}

std::vector<Fix> deferred_fixes(const Document& doc, const Config& cfg, const LintEnv& env, const Diagnostic& d) {
  int i = rule_index(d.rule);
  if (i < 0 || !d.deferred_fixes) return {};
  const Rule& r = *all_rules()[static_cast<size_t>(i)];
  Facts facts = compute_facts(doc, cfg, env);
  PhraseHits hits;
  Context ctx(doc, facts, hits, r.meta(), cfg.settings(static_cast<size_t>(i)), env.speller);
  return r.deferred_fixes(ctx, d);
}

std::string apply_fixes(std::string_view raw, const std::vector<Diagnostic>& diags, FixSafety max_safety,
                        size_t* applied) {
  std::vector<const Fix*> chosen;
  std::vector<Span> taken;
  for (const Diagnostic& d : diags) {
    for (const Fix& f : d.fixes) {
      if (static_cast<int>(f.safety) > static_cast<int>(max_safety)) continue;
      bool clash = false;
      for (const Edit& e : f.edits)
        for (Span t : taken)
          if (e.raw.overlaps(t) || (e.raw.empty() && t.contains(e.raw.begin)) || e.raw == t ||
              (t.empty() && e.raw.contains(t.begin)))
            clash = true;
      if (clash) continue;
      for (const Edit& e : f.edits) taken.push_back(e.raw);
      chosen.push_back(&f);
      break;  // one fix per diagnostic
    }
  }
  std::vector<const Edit*> edits;
  for (const Fix* f : chosen)
    for (const Edit& e : f->edits) edits.push_back(&e);
  std::sort(edits.begin(), edits.end(), [](const Edit* a, const Edit* b) { return a->raw.begin < b->raw.begin; });
  std::string out;
  out.reserve(raw.size());
  uint32_t pos = 0;
  for (const Edit* e : edits) {
    if (e->raw.begin < pos || e->raw.end > raw.size()) continue;
    out.append(raw.substr(pos, e->raw.begin - pos));
    out.append(e->text);
    pos = e->raw.end;
  }
  out.append(raw.substr(std::min<size_t>(pos, raw.size())));
  if (applied) *applied = chosen.size();
  return out;
}

}  // namespace fulint
