#include "fulint/report.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <sstream>

#include "fulint/registry.hpp"
#include "fulint/text.hpp"

namespace fulint {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

std::string_view version() { return "0.1.0"; }

void Totals::add(const LintResult& r) {
  ++files;
  bool any = false;
  for (const Diagnostic& d : r.diagnostics) {
    switch (d.severity) {
      case Severity::Error: ++errors; any = true; break;
      case Severity::Warning: ++warnings; any = true; break;
      case Severity::Info: ++infos; break;
      case Severity::Hint: ++hints; break;
    }
  }
  if (!any) ++clean;
}

Range1 range1(const Document& doc, Span raw) {
  LineCol b = doc.lines.position(raw.begin, Units::CodePoints);
  LineCol e = doc.lines.position(raw.end, Units::CodePoints);
  return {b.line + 1, b.column + 1, e.line + 1, e.column + 1};
}

namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";

const char* sev_color(Severity s) {
  switch (s) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;33m";
    case Severity::Info: return "\x1b[1;34m";
    case Severity::Hint: return "\x1b[1;36m";
  }
  return "";
}

struct Element {
  const char* key;
  const char* label;
  bool Summary::*field;
};
constexpr Element kElements[] = {
    {"gratitude", "gratitude", &Summary::gratitude},
    {"personalization", "personalization", &Summary::personalization},
    {"qualifications", "qualifications", &Summary::qualifications},
    {"interest", "interest", &Summary::interest},
    {"call_to_action", "call to action", &Summary::call_to_action},
    {"proofread", "proofread", &Summary::proofread},
};

std::string render_text(const FileResult& r, const TextStyle& st) {
  std::string out;
  const Document& doc = r.doc;
  for (const Diagnostic& d : r.result.diagnostics) {
    Range1 p = range1(doc, d.raw);
    if (st.color) out += kBold;
    out += r.path;
    out += ':' + std::to_string(p.line) + ':' + std::to_string(p.column) + ": ";
    if (st.color) out += kReset, out += sev_color(d.severity);
    out += to_string(d.severity);
    if (st.color) out += kReset;
    out += ": ";
    out += d.message;
    out += ' ';
    if (st.color) out += kDim;
    out += '[';
    out += d.rule;
    out += ']';
    if (st.color) out += kReset;
    out += '\n';
    if (st.color) {
      // Source excerpt with the range underlined.
      std::string_view line = doc.lines.line_text(p.line - 1);
      std::string ln = std::to_string(p.line);
      out += std::string(5 > ln.size() ? 5 - ln.size() : 0, ' ') + ln + " | ";
      std::string shown;
      for (char c : line) shown += (c == '\t' ? ' ' : c);
      out += shown + "\n      | ";
      uint32_t width = (p.end_line == p.line ? p.end_column : static_cast<uint32_t>(text::count_code_points(line)) + 1) - p.column;
      out += std::string(p.column - 1, ' ');
      out += sev_color(d.severity);
      out += std::string(std::max<uint32_t>(width, 1), '^');
      out += kReset;
      out += '\n';
    }
  }
  if (st.summary) {
    const Summary& s = r.result.summary;
    out += "  ";
    if (st.color) out += kBold;
    out += r.path;
    if (st.color) out += kReset;
    out += ": " + std::to_string(s.present()) + "/6 key elements:";
    for (const auto& e : kElements) {
      bool ok = s.*(e.field);
      out += "  ";
      if (st.color) {
        out += ok ? "\x1b[32m\u2713 " : "\x1b[31m\u2717 ";
        out += e.label;
        out += kReset;
      } else {
        out += ok ? "[x] " : "[ ] ";
        out += e.label;
      }
    }
    out += '\n';
  }
  return out;
}

// Bytes a JSON string holds as they are: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// The JSON of one file, written directly (the batch path renders thousands of
// files, and building a DOM for each costs more than linting it). The layout
// is the one nlohmann::json's dump(2) gives, which the rest of the output uses.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}

  void begin(char bracket) {
    out_ += bracket;
    first_[++depth_] = true;
  }
  void end(char bracket) {
    bool empty = first_[depth_--];
    if (!empty) {
      out_ += '\n';
      indent();
    }
    out_ += bracket;
  }
  // Opens the next member of an object ("key": ) or element of an array.
  // Keys are the renderer's own names: plain ASCII, written as they are.
  JsonOut& key(std::string_view k) {
    next();
    out_ += '"';
    out_ += k;
    out_ += "\": ";
    return *this;
  }
  JsonOut& element() {
    next();
    return *this;
  }
  void value(std::string_view v) { string(v); }
  void value(const char* v) { string(v); }
  void value(bool v) { out_ += v ? "true" : "false"; }
  void value(uint32_t v) {
    char buf[16];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  }

  void string(std::string_view v) {
    out_ += '"';
    for (size_t i = 0; i < v.size(); ++i) {
      // Copy the run of plain printable ASCII at once.
      size_t run = i;
      while (run < v.size() && kPlain[static_cast<unsigned char>(v[run])]) ++run;
      if (run > i) {
        out_.append(v.data() + i, run - i);
        i = run;
        if (i == v.size()) break;
      }
      auto c = static_cast<unsigned char>(v[i]);
      switch (c) {
        case '"': out_ += "\\\""; continue;
        case '\\': out_ += "\\\\"; continue;
        case '\b': out_ += "\\b"; continue;
        case '\f': out_ += "\\f"; continue;
        case '\n': out_ += "\\n"; continue;
        case '\r': out_ += "\\r"; continue;
        case '\t': out_ += "\\t"; continue;
        default: break;
      }
      if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out_ += buf;
      } else if (c < 0x80) {
        out_ += static_cast<char>(c);
      } else {
        size_t len;
        char32_t cp = text::decode(v, i, len);
        if (cp == text::kInvalid) out_ += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
        else out_.append(v.substr(i, len));
        i += len - 1;
      }
    }
    out_ += '"';
  }

 private:
  std::string& out_;
  // Whether the open object or array at each depth has no member yet; the
  // renderers nest a few levels (kMaxDepth is far above).
  static constexpr int kMaxDepth = 32;
  std::array<bool, kMaxDepth> first_{};
  int depth_ = -1;

  void indent() { out_.append(2 * static_cast<size_t>(depth_ + 1), ' '); }
  void next() {
    out_ += first_[depth_] ? "\n" : ",\n";
    first_[depth_] = false;
    indent();
  }
};

void range_members(JsonOut& j, const Document& doc, Span raw) {
  Range1 r = range1(doc, raw);
  j.key("line").value(r.line);
  j.key("column").value(r.column);
  j.key("endLine").value(r.end_line);
  j.key("endColumn").value(r.end_column);
}

std::string render_json(const FileResult& r) {
  std::string out;
  out.reserve(1024 + 512 * r.result.diagnostics.size());
  JsonOut j(out);
  const Document& doc = r.doc;
  j.begin('{');
  j.key("path").value(r.path);
  j.key("format").value(doc.format == Format::Eml ? "eml" : "txt");
  j.key("summary").begin('{');
  for (const auto& e : kElements) j.key(e.key).value(r.result.summary.*(e.field));
  j.end('}');
  j.key("diagnostics").begin('[');
  for (const Diagnostic& d : r.result.diagnostics) {
    j.element().begin('{');
    j.key("rule").value(d.rule);
    j.key("severity").value(to_string(d.severity));
    j.key("message").value(d.message);
    range_members(j, doc, d.raw);
    j.key("fixes").begin('[');
    for (const Fix& f : d.fixes) {
      j.element().begin('{');
      j.key("title").value(f.title);
      j.key("safe").value(f.safety == FixSafety::Safe);
      j.key("edits").begin('[');
      for (const Edit& e : f.edits) {
        j.element().begin('{');
        range_members(j, doc, e.raw);
        j.key("text").value(e.text);
        j.end('}');
      }
      j.end(']');
      j.end('}');
    }
    j.end(']');
    if (!d.related.empty()) {
      j.key("related").begin('[');
      for (const Related& rel : d.related) {
        j.element().begin('{');
        range_members(j, doc, rel.raw);
        j.key("message").value(rel.message);
        j.end('}');
      }
      j.end(']');
    }
    j.end('}');
  }
  j.end(']');
  j.end('}');
  return out;
}

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    default: return "note";
  }
}

// A path as a SARIF artifact URI: relative paths stay relative references,
// absolute ones become file:// URIs.
std::string uri_of(std::string_view path) {
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') out += static_cast<char>(c);
    else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

ordered sarif_region(const Document& doc, Span raw) {
  Range1 p = range1(doc, raw);
  return {{"startLine", p.line}, {"startColumn", p.column}, {"endLine", p.end_line}, {"endColumn", p.end_column}};
}

std::string render_sarif(const FileResult& r) {
  std::string out;
  for (const Diagnostic& d : r.result.diagnostics) {
    ordered loc = {{"physicalLocation",
                    {{"artifactLocation", {{"uri", uri_of(r.path)}}}, {"region", sarif_region(r.doc, d.raw)}}}};
    ordered res = {{"ruleId", d.rule},
                   {"ruleIndex", rule_index(d.rule)},
                   {"level", sarif_level(d.severity)},
                   {"message", {{"text", d.message}}},
                   {"locations", ordered::array({loc})}};
    if (!d.fixes.empty()) {
      ordered fixes = ordered::array();
      for (const Fix& f : d.fixes) {
        ordered reps = ordered::array();
        for (const Edit& e : f.edits)
          reps.push_back({{"deletedRegion", sarif_region(r.doc, e.raw)}, {"insertedContent", {{"text", e.text}}}});
        fixes.push_back({{"description", {{"text", f.title}}},
                         {"artifactChanges", ordered::array({{{"artifactLocation", {{"uri", uri_of(r.path)}}},
                                                              {"replacements", std::move(reps)}}})}});
      }
      res["fixes"] = std::move(fixes);
    }
    if (!out.empty()) out += ",\n";
    out += res.dump();
  }
  return out;
}

std::string gh_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string render_github(const FileResult& r) {
  std::string out;
  for (const Diagnostic& d : r.result.diagnostics) {
    Range1 p = range1(r.doc, d.raw);
    const char* cmd = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
    out += "::";
    out += cmd;
    out += " file=" + gh_escape(r.path, true) + ",line=" + std::to_string(p.line) + ",col=" + std::to_string(p.column) +
           ",endLine=" + std::to_string(p.end_line) + ",endColumn=" + std::to_string(p.end_column) +
           ",title=" + gh_escape(std::string("fulint ") + std::string(d.rule), true) + "::" + gh_escape(d.message, false) +
           "\n";
  }
  return out;
}

}  // namespace

std::string render_file(OutputFormat f, const FileResult& r, const TextStyle& style) {
  switch (f) {
    case OutputFormat::Text: return render_text(r, style);
    case OutputFormat::Json: return render_json(r);
    case OutputFormat::Sarif: return render_sarif(r);
    case OutputFormat::Github: return render_github(r);
  }
  return {};
}

Writer::Writer(OutputFormat f, std::ostream& out, std::ostream& err, TextStyle style)
    : format_(f), out_(out), err_(err), style_(style) {}

void Writer::begin() {
  if (format_ == OutputFormat::Json) out_ << "{\n\"version\": 1,\n\"files\": [";
  if (format_ == OutputFormat::Sarif) out_ << "{\n\"version\": \"2.1.0\",\n\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n\"runs\": [{\n\"results\": [\n";
}

void Writer::file(const std::string& s) {
  if (format_ == OutputFormat::Json) {
    out_ << (files_ ? ",\n" : "\n") << s;
  } else if (format_ == OutputFormat::Sarif) {
    if (!s.empty()) {
      out_ << (files_ ? ",\n" : "") << s;
      ++files_;
    }
    return;
  } else {
    out_ << s;
  }
  ++files_;
}

void Writer::error(std::string_view path, std::string_view message) {
  errors_.emplace_back(std::string(path), std::string(message));
  if (format_ == OutputFormat::Text) {
    if (style_.color) err_ << kBold << path << ": " << sev_color(Severity::Error) << "error:" << kReset << ' ' << message << '\n';
    else err_ << path << ": error: " << message << '\n';
  } else if (format_ == OutputFormat::Github) {
    out_ << "::error file=" << gh_escape(path, true) << ",title=fulint::" << gh_escape(message, false) << '\n';
  } else {
    err_ << "fulint: " << path << ": " << message << '\n';
  }
}

void Writer::finish(const Totals& t) {
  if (format_ == OutputFormat::Json) {
    ordered errs = ordered::array();
    for (auto& [p, m] : errors_) errs.push_back({{"path", p}, {"message", m}});
    out_ << (files_ ? "\n" : "") << "],\n\"errors\": " << errs.dump(2) << "\n}\n";
  } else if (format_ == OutputFormat::Sarif) {
    ordered rules = ordered::array();
    for (const Rule* r : all_rules()) {
      const RuleMeta& m = r->meta();
      rules.push_back({{"id", m.id},
                       {"name", m.id},
                       {"shortDescription", {{"text", m.summary}}},
                       {"fullDescription", {{"text", m.summary}}},
                       {"helpUri", rule_doc_url(m.id)},
                       {"help", {{"text", m.summary}, {"markdown", rule_doc(m.id)}}},
                       {"defaultConfiguration", {{"level", sarif_level(m.severity)}}},
                       {"properties", {{"group", to_string(m.group)}, {"fixable", to_string(m.fix)}}}});
    }
    ordered notes = ordered::array();
    for (auto& [p, m] : errors_)
      notes.push_back({{"level", "error"},
                       {"message", {{"text", p + ": " + m}}},
                       {"locations", ordered::array({{{"physicalLocation", {{"artifactLocation", {{"uri", uri_of(p)}}}}}}})}});
    ordered driver = {{"name", "fulint"},
                      {"version", version()},
                      {"semanticVersion", version()},
                      {"informationUri", "https://fulint.dev"},
                      {"rules", std::move(rules)}};
    ordered inv = {{"executionSuccessful", errors_.empty()}, {"toolExecutionNotifications", std::move(notes)}};
    out_ << "\n],\n\"tool\": {\"driver\": " << driver.dump() << "},\n\"columnKind\": \"unicodeCodePoints\",\n"
         << "\"invocations\": [" << inv.dump() << "]\n}]\n}\n";
  } else if (format_ == OutputFormat::Text) {
    auto plural = [](size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::string line = plural(t.files, "draft", "drafts") + " checked: " + plural(t.errors, "error", "errors") + ", " +
                       plural(t.warnings, "warning", "warnings") + ", " + std::to_string(t.infos) + " info, " +
                       plural(t.hints, "hint", "hints") + "; " + plural(t.clean, "draft", "drafts") +
                       " without errors or warnings";
    if (t.fixed) line += "; " + plural(t.fixed, "fix", "fixes") + " applied";
    if (!errors_.empty()) line += "; " + plural(errors_.size(), "file", "files") + " could not be checked";
    if (style_.color) out_ << kBold << line << kReset << '\n';
    else out_ << line << '\n';
  }
  out_.flush();
}

// --- --parse ------------------------------------------------------------------

std::string parse_json(const Document& doc) {
  auto addrs = [](const std::vector<Address>& v) {
    ordered a = ordered::array();
    for (const Address& x : v) a.push_back({{"name", x.name}, {"address", x.address}});
    return a;
  };
  auto line_of = [&](Span text) { return doc.lines.line_of(doc.map.to_raw(text).begin) + 1; };
  auto part = [&](const Part* p) -> ordered {
    if (!p) return nullptr;
    return {{"line", line_of(p->span)}, {"text", std::string(doc.str(p->span))}};
  };
  ordered j;
  j["format"] = doc.format == Format::Eml ? "eml" : "txt";
  ordered h = ordered::object();
  const Header* subj = doc.header("Subject");
  h["subject"] = subj ? ordered(subj->value) : ordered(nullptr);
  const Header* date = doc.header("Date");
  h["date"] = date ? ordered(date->value) : ordered(nullptr);
  h["from"] = addrs(doc.from);
  h["to"] = addrs(doc.to);
  h["cc"] = addrs(doc.cc);
  ordered other = ordered::object();
  for (const Header& x : doc.headers) {
    std::string n = text::ascii_lower(x.name);
    if (n.rfind("x-", 0) == 0 || n == "references") other[x.name] = x.value;
  }
  if (!other.empty()) h["other"] = std::move(other);
  j["headers"] = std::move(h);
  ordered att = ordered::array();
  for (const Attachment& a : doc.attachments)
    att.push_back({{"filename", a.filename}, {"content_type", a.content_type}, {"line", doc.lines.line_of(a.raw.begin) + 1}});
  j["attachments"] = std::move(att);
  j["subject"] = doc.subject_text ? ordered{{"line", line_of(*doc.subject_text)}, {"text", std::string(doc.str(*doc.subject_text))}}
                                  : ordered(nullptr);
  j["salutation"] = part(doc.salutation());
  ordered paras = ordered::array();
  ordered quoted = ordered::array();
  for (const Part& p : doc.parts) {
    if (p.kind == PartKind::Paragraph) {
      ordered pj = part(&p);
      ordered sents = ordered::array();
      for (uint32_t s = p.sentence_begin; s < p.sentence_end; ++s) sents.push_back(std::string(doc.str(doc.sentences[s].span)));
      pj["sentences"] = std::move(sents);
      pj["words"] = p.word_end - p.word_begin;
      paras.push_back(std::move(pj));
    } else if (p.kind == PartKind::Quoted) {
      quoted.push_back(part(&p));
    }
  }
  j["paragraphs"] = std::move(paras);
  j["closing"] = part(doc.closing());
  ordered sig = part(doc.signature_part());
  if (!sig.is_null()) {
    const SignatureInfo& si = doc.signature;
    ordered kinds = ordered::array();
    if (si.name) kinds.push_back("name");
    if (si.title) kinds.push_back("title");
    if (si.phone) kinds.push_back("phone");
    if (si.email) kinds.push_back("email");
    if (si.url) kinds.push_back("url");
    if (si.linkedin) kinds.push_back("linkedin");
    sig["has"] = std::move(kinds);
    sig["name"] = si.name ? ordered(std::string(doc.str(*si.name))) : ordered(nullptr);
  }
  j["signature"] = std::move(sig);
  j["quoted"] = std::move(quoted);
  j["body_text"] = std::string(doc.str(doc.body));
  j["notes"] = doc.notes;
  return j.dump(2) + "\n";
}

std::string list_rules(bool as_json, bool color) {
  if (as_json) {
    ordered arr = ordered::array();
    for (const Rule* r : all_rules()) {
      const RuleMeta& m = r->meta();
      ordered opts = ordered::array();
      for (const OptionSpec& o : m.options)
        opts.push_back({{"name", o.name}, {"type", to_string(o.type)}, {"default", json::parse(o.default_json)}, {"help", o.help}});
      arr.push_back({{"id", m.id}, {"group", to_string(m.group)}, {"severity", to_string(m.severity)},
                     {"summary", m.summary}, {"fix", to_string(m.fix)}, {"options", std::move(opts)},
                     {"url", rule_doc_url(m.id)}});
    }
    return arr.dump(2) + "\n";
  }
  std::string out;
  Group g = Group::Sending;
  bool first = true;
  for (const Rule* r : all_rules()) {
    const RuleMeta& m = r->meta();
    if (first || m.group != g) {
      g = m.group;
      if (!first) out += '\n';
      first = false;
      if (color) out += kBold;
      out += to_string(g);
      if (color) out += kReset;
      out += '\n';
    }
    std::string id(m.id);
    std::string sev(to_string(m.severity));
    out += "  " + id + std::string(id.size() < 26 ? 26 - id.size() : 1, ' ');
    if (color) out += sev_color(m.severity);
    out += sev;
    if (color) out += kReset;
    out += std::string(sev.size() < 9 ? 9 - sev.size() : 1, ' ');
    out += std::string(m.fix == Fixability::None ? "    " : "fix ");
    out += m.summary;
    out += '\n';
  }
  return out;
}

std::string explain_rule(std::string_view id) {
  const Rule* r = find_rule(id);
  if (!r) return {};
  const RuleMeta& m = r->meta();
  std::string out(rule_doc(id));
  if (out.empty()) out = "# " + std::string(id) + "\n\n" + std::string(m.summary) + "\n";
  if (out.back() != '\n') out += '\n';
  out += "\n---\nGroup: " + std::string(to_string(m.group)) + ". Default severity: " + std::string(to_string(m.severity)) +
         ". Fixes: " + std::string(to_string(m.fix)) + ".\n";
  if (!m.options.empty()) {
    out += "Options (in .fulint.json under \"rules\": {\"" + std::string(id) + "\": {...}}):\n";
    for (const OptionSpec& o : m.options)
      out += "  " + std::string(o.name) + " (" + std::string(to_string(o.type)) + ", default " + std::string(o.default_json) +
             "): " + std::string(o.help) + "\n";
  }
  return out;
}

}  // namespace fulint
