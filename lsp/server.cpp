#include "lsp/server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <streambuf>
#include <thread>

#include "fulint/config.hpp"
#include "fulint/document.hpp"
#include "fulint/linter.hpp"
#include "fulint/registry.hpp"
#include "fulint/report.hpp"
#include "fulint/spell.hpp"
#include "fulint/text.hpp"
#include "lsp/actions.hpp"
#include "lsp/convert.hpp"
#include "lsp/dispatcher.hpp"
#include "lsp/protocol.hpp"

namespace fs = std::filesystem;

namespace fulint::lsp {

namespace {

constexpr std::string_view kSource = "fulint";
constexpr std::string_view kConfigName = ".fulint.json";
constexpr std::string_view kFixAllKind = "source.fixAll.fulint";
constexpr std::string_view kAddWordCommand = "fulint.addWord";
constexpr std::string_view kWatchId = "fulint-watched-files";

enum MessageType { kError = 1, kWarning = 2, kInfo = 3, kLog = 4 };

std::string lower_ext(std::string_view path) { return text::ascii_lower(fs::path(std::string(path)).extension().string()); }

bool kind_allowed(std::string_view kind, const std::optional<std::vector<std::string>>& only) {
  if (!only) return true;
  for (const std::string& o : *only)
    if (kind == o || (kind.size() > o.size() && kind.substr(0, o.size()) == o && kind[o.size()] == '.')) return true;
  return false;
}

std::string hex64(uint64_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<size_t>(i)] = kHex[v & 15];
  return s;
}

// FNV-1a: resultIds for pull diagnostics.
uint64_t fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// Where in a config file a ConfigError points: "malformed JSON at line L,
// column C" or the JSON path's keys found in order.
Span locate_config_error(std::string_view t, const ConfigError& e) {
  const std::string& p = e.problem();
  LineIndex lines(t);
  if (p.rfind("malformed JSON at line ", 0) == 0) {
    unsigned line = 0, col = 0;
    if (std::sscanf(p.c_str(), "malformed JSON at line %u, column %u", &line, &col) == 2 && line > 0) {
      uint32_t off = lines.offset({line - 1, col > 0 ? col - 1 : 0}, Units::Bytes);
      uint32_t end = std::min<uint32_t>(lines.line_end(lines.line_of(off)), off + 1);
      return {off, std::max(off, end)};
    }
  }
  Span found{0, static_cast<uint32_t>(lines.line_end(0))};
  size_t pos = 0;
  const std::string& path = e.json_path();
  size_t i = 1;
  while (i <= path.size() && !path.empty()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string seg = path.substr(i, j - i);
    for (size_t k; (k = seg.find("~1")) != std::string::npos;) seg.replace(k, 2, "/");
    for (size_t k; (k = seg.find("~0")) != std::string::npos;) seg.replace(k, 2, "~");
    if (!seg.empty() && !std::all_of(seg.begin(), seg.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      size_t k = t.find("\"" + seg + "\"", pos);
      if (k == std::string_view::npos) break;
      pos = k;
      found = {static_cast<uint32_t>(k), static_cast<uint32_t>(k + seg.size() + 2)};
    }
    i = j + 1;
  }
  return found;
}

std::string summary_card(const Summary& s) {
  struct Row {
    bool ok;
    const char* name;
    const char* what;
  };
  const Row rows[] = {
      {s.gratitude, "Gratitude", "thanks the interviewer for their time"},
      {s.personalization, "Personalization", "recalls something specific from the interview"},
      {s.qualifications, "Qualifications", "restates why you fit the role"},
      {s.interest, "Interest", "says you are still keen on the role"},
      {s.call_to_action, "Call to action", "invites the next step"},
      {s.proofread, "Proofread", "no spelling or grammar warnings"},
  };
  std::string out = "**fulint: " + std::to_string(s.present()) + " of 6 key elements**\n\n";
  for (const Row& r : rows) out += std::string("- ") + (r.ok ? "✅ " : "❌ ") + "**" + r.name + "**: " + r.what + "\n";
  return out;
}

}  // namespace

// --- State -----------------------------------------------------------------------

// The lint of one version of a document.
struct Analysis {
  enum class Kind { Draft, ConfigFile, Skipped };
  Kind kind = Kind::Draft;
  int64_t version = 0;
  Document doc;
  LintResult result;
  std::shared_ptr<const Config> cfg;
  const Speller* speller = nullptr;
  std::vector<uint32_t> visible;  // indices into result.diagnostics that are shown
  json items = json::array();     // the LSP diagnostics (visible ones)
  mutable std::string result_id;  // pull diagnostics: a hash of `items`, computed when asked
};

struct DocState {
  std::string uri;
  std::optional<std::string> path;  // for file: URIs
  std::string language_id;
  std::string text;
  int64_t version = 0;
  // Byte offset just after a word being typed (the last edit's inserted text
  // ends in a letter there): a spelling diagnostic touching it is held back.
  std::optional<uint32_t> typing_at;
  bool pending = false;  // changed since the last publish
  Server::Clock::time_point first_change, due;
  std::shared_ptr<const Analysis> analysis;  // of `version`, when still valid
  bool too_large_reported = false;
};

struct Server::Impl {
  Impl(Send send, ServerOptions options)
      : send_(std::move(send)),
        options_(options),
        rpc_([this](const json& m) { send_(m); }, [](const std::string& s) { std::cerr << "fulint-lsp: " << s << "\n"; }),
        resolver_(std::make_unique<ConfigResolver>(Overrides{})),
        defaults_(std::make_shared<const Config>(Config::defaults())) {
    register_handlers();
    warm_up_ = std::thread([] { warm_up(); });
  }
  ~Impl() {
    if (warm_up_.joinable()) warm_up_.join();
  }

  // While the client starts up: build the core's phrase tables and load the
  // default dictionary, so that the first draft opened is linted at full speed.
  static void warm_up() {
    try {
      const Config cfg = Config::defaults();
      std::string err;
      LintEnv env;
      env.speller = SpellerCache::instance().get(cfg, err);
      Document doc = parse_document("warm-up.txt", "Subject: Thanks\n\nDear Priya,\n\nThank you for your time.\n\nBest,\nSam\n",
                                    ParseOptions{".txt"});
      doc.lines = LineIndex(doc.raw);
      (void)lint(doc, cfg, env);
    } catch (const std::exception& e) {
      std::cerr << "fulint-lsp: warm-up: " << e.what() << "\n";
    }
  }

  // --- Plumbing --------------------------------------------------------------

  void log(MessageType type, const std::string& message) {
    std::cerr << "fulint-lsp: " << message << "\n";
    if (rpc_.state() == Dispatcher::State::Running && type <= kWarning)
      rpc_.notify("window/logMessage", {{"type", type}, {"message", message}});
  }

  void show(MessageType type, const std::string& message) {
    std::cerr << "fulint-lsp: " << message << "\n";
    if (shown_.insert(message).second) rpc_.notify("window/showMessage", {{"type", type}, {"message", message}});
  }

  DocState* find(const std::string& uri) {
    auto it = docs_.find(uri);
    return it == docs_.end() ? nullptr : &it->second;
  }

  // The folder a workspace-level file goes to for a document.
  fs::path workspace_dir_for(const std::optional<std::string>& path) const {
    if (path) {
      const fs::path p = fs::path(*path).lexically_normal();
      std::optional<fs::path> best;
      for (const std::string& r : roots_) {
        fs::path root = fs::path(r).lexically_normal();
        auto rel = p.lexically_relative(root);
        if (!rel.empty() && *rel.begin() != ".." && (!best || root.string().size() > best->string().size())) best = root;
      }
      if (best) return *best;
      return p.parent_path();
    }
    if (!roots_.empty()) return roots_.front();
    std::error_code ec;
    return fs::current_path(ec);
  }

  // --- Configuration ---------------------------------------------------------

  std::shared_ptr<const Config> config_for(const DocState& d) {
    fs::path p = d.path ? fs::path(*d.path) : workspace_dir_for(std::nullopt) / "untitled.txt";
    try {
      auto cfg = resolver_->for_file(p);
      last_good_[cfg->source] = cfg;
      note_word_files(*cfg);
      return cfg;
    } catch (const ConfigError& e) {
      auto it = last_good_.find(e.file());
      show(kError, std::string("fulint: configuration error: ") + e.what() +
                       (it != last_good_.end() ? " (keeping the last good configuration)" : " (using the defaults)"));
      return it != last_good_.end() ? it->second : defaults_;
    }
  }

  // Editor settings (section "fulint", the shape of .fulint.json) over the files.
  void apply_settings(const json& settings) {
    Overrides ov;
    if (settings.is_object() && !settings.empty()) ov.settings_json = settings.dump();
    else if (!settings.is_null() && !settings.is_object())
      return show(kError, "fulint: settings: expected an object in the shape of .fulint.json, got " + std::string(settings.type_name()));
    if (ov.settings_json == overrides_.settings_json) return;
    Config check = Config::defaults();
    try {
      apply_overrides(check, ov);
    } catch (const ConfigError& e) {
      return show(kError, std::string("fulint: settings error: ") + e.what() + " (keeping the previous settings)");
    }
    overrides_ = ov;
    resolver_ = std::make_unique<ConfigResolver>(overrides_);
    defaults_ = std::make_shared<const Config>(std::move(check));
    last_good_.clear();
    config_changed();
  }

  // A config or word list changed: read them again and re-lint at once.
  void config_changed() {
    resolver_->clear();
    shown_.clear();
    for (auto& [uri, d] : docs_) {
      d.analysis.reset();
      if (!pull_) mark_pending(d, Clock::now(), /*immediately=*/true);
    }
    if (pull_ && caps_.diagnostic_refresh) rpc_.request("workspace/diagnostic/refresh", nullptr);
  }

  void note_word_files(const Config& cfg) {
    bool added = false;
    for (const std::string& f : cfg.word_files) added |= word_files_.insert(f).second;
    if (added && watching_) register_watchers();
  }

  bool is_config_or_word_list(const std::string& path) const {
    fs::path p(path);
    return p.filename() == kConfigName || p.filename() == kWordListName || word_files_.count(p.lexically_normal().string());
  }

  void register_watchers() {
    if (!caps_.watch_registration) return;
    json watchers = json::array({{{"globPattern", "**/" + std::string(kConfigName)}},
                                 {{"globPattern", "**/" + std::string(kWordListName)}}});
    for (const std::string& f : word_files_) watchers.push_back({{"globPattern", f}});
    if (watching_) {
      rpc_.request("client/unregisterCapability",
                   {{"unregisterations", json::array({{{"id", watch_id_}, {"method", "workspace/didChangeWatchedFiles"}}})}});
    }
    watch_id_ = std::string(kWatchId) + "-" + std::to_string(++watch_generation_);
    rpc_.request("client/registerCapability",
                 {{"registrations", json::array({{{"id", watch_id_},
                                                  {"method", "workspace/didChangeWatchedFiles"},
                                                  {"registerOptions", {{"watchers", watchers}}}}})}},
                 [this](const json&, const json* err) {
                   if (err) log(kWarning, "the client refused to watch .fulint.json: " + err->dump());
                 });
    watching_ = true;
  }

  // --- Analysis --------------------------------------------------------------

  void mark_pending(DocState& d, Clock::time_point now, bool immediately) {
    if (!d.pending) d.first_change = now;
    d.pending = true;
    d.due = immediately ? now : std::min(now + options_.debounce, d.first_change + options_.max_wait);
  }

  LintEnv env_for(const Analysis& a) const {
    LintEnv env;
    env.now = options_.now;
    env.speller = a.speller;
    return env;
  }

  json lsp_diagnostic(const Analysis& a, const DocState& d, size_t i) const {
    const Diagnostic& g = a.result.diagnostics[i];
    std::string rule(g.rule);
    std::string message = g.message;
    if (message.empty())
      if (const Rule* r = find_rule(g.rule)) message = std::string(r->meta().summary);
    json j = {{"range", to_json(to_range(a.doc.lines, g.raw, encoding_))},
              {"severity", static_cast<int>(g.severity)},
              {"code", rule},
              {"codeDescription", {{"href", rule_doc_url(g.rule)}}},
              {"source", kSource},
              {"message", message.empty() ? rule : message},
              {"data", {{"version", a.version}, {"index", i}}}};
    if (!g.related.empty() && caps_.related_information) {
      json rel = json::array();
      for (const Related& r : g.related)
        rel.push_back({{"location", {{"uri", d.uri}, {"range", to_json(to_range(a.doc.lines, r.raw, encoding_))}}},
                       {"message", r.message}});
      j["relatedInformation"] = std::move(rel);
    }
    return j;
  }

  // The analysis of the document's current version (linted now if needed).
  std::shared_ptr<const Analysis> current(DocState& d) {
    if (d.analysis && d.analysis->version == d.version) return d.analysis;
    auto a = std::make_shared<Analysis>();
    a->version = d.version;
    if (d.path && fs::path(*d.path).filename() == kConfigName) {
      analyse_config_file(*a, d);
    } else {
      auto cfg = config_for(d);
      a->cfg = cfg;
      std::string ext = lower_ext(d.path ? *d.path : d.uri);
      if (ext.empty()) {
        if (d.language_id == "email" || d.language_id == "mail" || d.language_id == "eml") ext = ".eml";
        else if (d.language_id == "plaintext" || d.language_id == "text") ext = ".txt";
      }
      bool word_list = d.path && (fs::path(*d.path).filename() == kWordListName ||
                                  std::count(cfg->word_files.begin(), cfg->word_files.end(), fs::path(*d.path).lexically_normal().string()));
      if (word_list) {
        a->kind = Analysis::Kind::Skipped;
      } else if (d.text.size() > cfg->max_bytes) {
        a->kind = Analysis::Kind::Skipped;
        if (!d.too_large_reported) {
          d.too_large_reported = true;
          show(kWarning, "fulint: " + (d.path ? *d.path : d.uri) + " is " + std::to_string(d.text.size()) +
                             " bytes, over the limit of " + std::to_string(cfg->max_bytes) + " bytes (files.max_bytes); not checked");
        }
      } else {
        std::string err;
        a->speller = SpellerCache::instance().get(*cfg, err);
        if (!err.empty()) show(kWarning, "fulint: spelling is off: " + err);
        a->doc = parse_document(d.path ? *d.path : d.uri, d.text, ParseOptions{ext});
        a->doc.lines = LineIndex(a->doc.raw);  // the index views raw, which moved
        a->result = lint(a->doc, *cfg, env_for(*a));
        ++stats_.lints;
      }
    }
    if (a->kind != Analysis::Kind::ConfigFile) {
      for (uint32_t i = 0; i < a->result.diagnostics.size(); ++i) {
        const Diagnostic& g = a->result.diagnostics[i];
        if (g.rule == "spelling" && d.typing_at && g.raw.begin <= *d.typing_at && *d.typing_at <= g.raw.end) continue;
        a->visible.push_back(i);
        a->items.push_back(lsp_diagnostic(*a, d, i));
      }
    }
    d.analysis = a;
    return a;
  }

  void analyse_config_file(Analysis& a, const DocState& d) {
    a.kind = Analysis::Kind::ConfigFile;
    a.doc.raw = d.text;
    a.doc.lines = LineIndex(a.doc.raw);
    try {
      (void)parse_config(d.text, *d.path, fs::path(*d.path).parent_path());
    } catch (const ConfigError& e) {
      Span s = locate_config_error(d.text, e);
      std::string where = e.json_path().empty() ? "" : e.json_path() + ": ";
      a.items.push_back({{"range", to_json(to_range(a.doc.lines, s, encoding_))},
                         {"severity", 1},
                         {"code", "config"},
                         {"source", kSource},
                         {"message", where + e.problem()}});
    }
  }

  void publish(DocState& d) {
    auto a = current(d);
    d.pending = false;
    rpc_.notify("textDocument/publishDiagnostics", {{"uri", d.uri}, {"version", d.version}, {"diagnostics", a->items}});
    ++stats_.publishes;
  }

  // --- Lifecycle ---------------------------------------------------------------

  json on_initialize(const json& params) {
    InitializeParams p = parse_initialize(params);
    caps_ = p.capabilities;
    encoding_ = caps_.utf8 ? Encoding::Utf8 : Encoding::Utf16;
    pull_ = caps_.pull;
    roots_ = p.workspace_folders;
    trace_ = p.trace;
    const json& io = p.initialization_options;
    if (io.is_object()) {
      if (auto it = io.find("debounceMs"); it != io.end() && it->is_number_integer() && it->get<int64_t>() >= 0) {
        options_.debounce = std::chrono::milliseconds(it->get<int64_t>());
        options_.max_wait = std::max(options_.max_wait, options_.debounce);
      }
      if (auto it = io.find("settings"); it != io.end()) apply_settings(*it);
    }
    json commands = json::array({std::string(kAddWordCommand)});
    json caps = {
        {"positionEncoding", to_string(encoding_)},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"hoverProvider", true},
        {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix", std::string(kFixAllKind)})}, {"resolveProvider", false}}},
        {"executeCommandProvider", {{"commands", commands}}},
    };
    if (pull_)
      caps["diagnosticProvider"] = {{"identifier", "fulint"}, {"interFileDependencies", false}, {"workspaceDiagnostics", false}};
    return {{"capabilities", caps}, {"serverInfo", {{"name", "fulint"}, {"version", std::string(version())}}}};
  }

  void on_initialized() {
    register_watchers();
    if (caps_.configuration) fetch_configuration();
  }

  void fetch_configuration() {
    rpc_.request("workspace/configuration", {{"items", json::array({{{"section", "fulint"}}})}},
                 [this](const json& result, const json* err) {
                   if (err || !result.is_array() || result.empty()) return;
                   apply_settings(result.at(0));
                 });
  }

  // --- Documents -------------------------------------------------------------

  void on_did_open(const json& params) {
    DidOpenParams p = parse_did_open(params);
    DocState& d = docs_[p.document.uri];
    d = DocState{};
    d.uri = p.document.uri;
    d.path = uri_to_path(d.uri);
    if (d.path) d.path = fs::path(*d.path).lexically_normal().string();
    d.language_id = p.document.language_id;
    d.text = std::move(p.document.text);
    d.version = p.document.version;
    if (!pull_) mark_pending(d, Clock::now(), /*immediately=*/true);
  }

  void on_did_change(const json& params) {
    DidChangeParams p = parse_did_change(params);
    DocState* d = find(p.uri);
    if (!d) return log(kWarning, "didChange for a document that is not open: " + p.uri);
    if (p.version && *p.version <= d->version && !p.changes.empty())
      log(kLog, "didChange for " + p.uri + ": version " + std::to_string(*p.version) + " after " + std::to_string(d->version));
    std::optional<uint32_t> typing;
    for (const ContentChange& c : p.changes) {
      if (!c.range) {
        d->text = c.text;
        typing.reset();
        continue;
      }
      ChangeResult r = apply_change(d->text, *c.range, c.text, encoding_);
      if (r.clamped || r.inverted)
        log(kWarning, "didChange for " + p.uri + ": a range " + (r.inverted ? "that ends before it starts" : "outside the document") +
                          " (clamped as the LSP specification says)");
      typing = ends_in_letter(c.text) ? std::optional<uint32_t>(r.end) : std::nullopt;
    }
    d->typing_at = typing;
    if (p.version) d->version = *p.version;
    else ++d->version;
    d->analysis.reset();
    if (!pull_) mark_pending(*d, Clock::now(), /*immediately=*/false);
  }

  void on_did_close(const json& params) {
    DocumentParams p = parse_document_params(params);
    if (!docs_.erase(p.uri)) return;
    rpc_.notify("textDocument/publishDiagnostics", {{"uri", p.uri}, {"diagnostics", json::array()}});
    ++stats_.publishes;
  }

  void on_did_save(const json& params) {
    DocumentParams p = parse_document_params(params);
    auto path = uri_to_path(p.uri);
    if (path && is_config_or_word_list(fs::path(*path).lexically_normal().string())) config_changed();
  }

  // --- Features --------------------------------------------------------------

  json on_hover(const json& params) {
    PositionParams p = parse_position_params(params);
    DocState* d = find(p.uri);
    if (!d) return nullptr;
    auto a = current(*d);
    if (a->kind != Analysis::Kind::Draft) return nullptr;
    uint32_t off = to_offset(a->doc.lines, p.position, encoding_);
    std::string md;
    std::optional<Range> range;
    std::set<std::string_view> rules;
    for (uint32_t i : a->visible) {
      const Diagnostic& g = a->result.diagnostics[i];
      bool hit = g.raw.empty() ? off == g.raw.begin : (g.raw.begin <= off && off < g.raw.end);
      if (!hit) continue;
      if (!range) range = to_range(a->doc.lines, g.raw, encoding_);
      if (!md.empty()) md += "\n\n---\n\n";
      md += "**" + std::string(g.rule) + "** (" + std::string(to_string(g.severity)) + "): " + g.message + "\n\n";
      if (rules.insert(g.rule).second) md += std::string(rule_doc(g.rule));
    }
    // The subject line: the draft's summary card.
    std::optional<Span> subject;
    if (const Header* h = a->doc.header("Subject")) subject = h->raw;
    else if (a->doc.subject_text) subject = a->doc.raw_span(*a->doc.subject_text);
    if (subject) {
      uint32_t l0 = a->doc.lines.line_of(subject->begin), l1 = a->doc.lines.line_of(subject->end);
      if (p.position.line >= l0 && p.position.line <= l1) {
        if (!md.empty()) md += "\n\n---\n\n";
        md += summary_card(a->result.summary);
        if (!range) range = to_range(a->doc.lines, *subject, encoding_);
      }
    }
    if (md.empty()) return nullptr;
    json h = {{"contents", {{"kind", caps_.markdown_hover ? "markdown" : "plaintext"}, {"value", md}}}};
    if (range) h["range"] = to_json(*range);
    return h;
  }

  json on_pull_diagnostics(const json& params) {
    DocumentParams p = parse_document_params(params);
    DocState* d = find(p.uri);
    if (!d) return {{"kind", "full"}, {"items", json::array()}};
    auto a = current(*d);
    d->pending = false;
    if (a->result_id.empty())
      a->result_id = hex64(fnv1a(a->items.dump(-1, ' ', false, json::error_handler_t::replace), fnv1a(d->uri)));
    if (p.previous_result_id && *p.previous_result_id == a->result_id) return {{"kind", "unchanged"}, {"resultId", a->result_id}};
    return {{"kind", "full"}, {"resultId", a->result_id}, {"items", a->items}};
  }

  std::vector<TextEdit> text_edits(const Analysis& a, const std::vector<Edit>& edits) const {
    std::vector<TextEdit> out;
    for (const Edit& e : edits) out.push_back({to_range(a.doc.lines, e.raw, encoding_), e.text});
    return out;
  }

  json on_code_action(const json& params) {
    CodeActionParams p = parse_code_action(params);
    DocState* d = find(p.uri);
    json actions = json::array();
    if (!d) return actions;
    auto a = current(*d);
    if (a->kind != Analysis::Kind::Draft) return actions;
    const auto& diags = a->result.diagnostics;
    // The diagnostics in question: those the client names (by data, else by
    // code and range) and those under the requested range.
    std::set<uint32_t> chosen;
    for (const json& cd : p.diagnostics) {
      if (!cd.is_object()) continue;
      auto src = cd.find("source");
      if (src != cd.end() && (!src->is_string() || src->get<std::string>() != kSource)) continue;
      auto data = cd.find("data");
      if (data != cd.end() && data->is_object()) {
        auto v = data->find("version"), ix = data->find("index");
        if (v != data->end() && ix != data->end() && v->is_number_integer() && ix->is_number_unsigned() &&
            v->get<int64_t>() == a->version && ix->get<uint64_t>() < diags.size()) {
          chosen.insert(static_cast<uint32_t>(ix->get<uint64_t>()));
          continue;
        }
      }
      for (size_t k = 0; k < a->visible.size(); ++k) {
        const json& item = a->items[k];
        if (cd.contains("code") && cd.contains("range") && item.at("code") == cd.at("code") && item.at("range") == cd.at("range"))
          chosen.insert(a->visible[k]);
      }
    }
    uint32_t rb = to_offset(a->doc.lines, p.range.start, encoding_), re = to_offset(a->doc.lines, p.range.end, encoding_);
    if (re < rb) std::swap(rb, re);
    for (uint32_t i : a->visible)
      if (diags[i].raw.begin <= re && rb <= diags[i].raw.end) chosen.insert(i);

    auto item_of = [&](uint32_t i) -> json {
      auto it = std::find(a->visible.begin(), a->visible.end(), i);
      return it == a->visible.end() ? lsp_diagnostic(*a, *d, i) : a->items[static_cast<size_t>(it - a->visible.begin())];
    };
    auto edit_json = [&](const std::vector<Edit>& edits) {
      return workspace_edit(d->uri, d->version, text_edits(*a, edits), caps_.document_changes);
    };
    const bool quickfix = kind_allowed("quickfix", p.only);
    std::vector<json> disables, words;
    std::set<std::string_view> disabled_rules;
    std::set<std::string> word_set;
    for (uint32_t i : chosen) {
      if (!quickfix) break;
      const Diagnostic& g = diags[i];
      json item = item_of(i);
      bool preferred_given = false;
      auto add_fix = [&](const Fix& f) {
        json act = {{"title", f.title}, {"kind", "quickfix"}, {"diagnostics", json::array({item})}, {"edit", edit_json(f.edits)}};
        if (f.safety == FixSafety::Safe && !preferred_given) {
          act["isPreferred"] = true;
          preferred_given = true;
        }
        actions.push_back(std::move(act));
      };
      for (const Fix& f : g.fixes) add_fix(f);
      if (g.deferred_fixes)
        for (const Fix& f : deferred_fixes(a->doc, *a->cfg, env_for(*a), g)) add_fix(f);
      if (g.rule == "spelling") {
        std::string word(slice(a->doc.raw, g.raw));
        if (!word.empty() && word.find_first_of("\r\n") == std::string::npos && word_set.insert(word).second) {
          std::string title = "Add \u2018" + word + "\u2019 to the dictionary";
          words.push_back({{"title", title},
                           {"kind", "quickfix"},
                           {"diagnostics", json::array({item})},
                           {"command", {{"title", title}, {"command", kAddWordCommand}, {"arguments", json::array({{{"uri", d->uri}, {"word", word}}})}}}});
        }
      }
      if (disabled_rules.insert(g.rule).second) {
        if (auto e = disable_rule_edit(a->doc, g.rule)) {
          disables.push_back({{"title", "Disable rule \u2018" + std::string(g.rule) + "\u2019 for this draft"},
                              {"kind", "quickfix"},
                              {"diagnostics", json::array({item})},
                              {"edit", edit_json({*e})}});
        }
      }
    }
    for (json& w : words) actions.push_back(std::move(w));
    for (json& x : disables) actions.push_back(std::move(x));
    // Fix all: every safe fix of the draft, as one edit.
    if (kind_allowed(kFixAllKind, p.only)) {
      bool any_safe = false;
      for (uint32_t i : a->visible)
        for (const Fix& f : diags[i].fixes) any_safe |= f.safety == FixSafety::Safe;
      if (any_safe) {
        size_t n = 0;
        std::string fixed = fix_all(d->path ? *d->path : d->uri, d->text, *a->cfg, env_for(*a), &n);
        if (n > 0 && fixed != d->text) {
          Edit e = minimal_edit(d->text, fixed);
          actions.push_back({{"title", "Fix all safely fixable fulint problems (" + std::to_string(n) + ")"},
                             {"kind", kFixAllKind},
                             {"edit", edit_json({e})}});
        }
      }
    }
    return actions;
  }

  json on_execute_command(const json& params) {
    ExecuteCommandParams p = parse_execute_command(params);
    if (p.command != kAddWordCommand) throw InvalidParams("unknown command " + p.command);
    std::string uri, word;
    const json& args = p.arguments;
    if (args.size() == 1 && args.at(0).is_object()) {
      const json& o = args.at(0);
      if (o.contains("uri") && o.at("uri").is_string()) uri = o.at("uri").get<std::string>();
      if (o.contains("word") && o.at("word").is_string()) word = o.at("word").get<std::string>();
    } else if (args.size() == 2 && args.at(0).is_string() && args.at(1).is_string()) {
      uri = args.at(0).get<std::string>();
      word = args.at(1).get<std::string>();
    }
    if (uri.empty() || word.empty() || word.size() > 200 || word.find_first_of("\r\n\t") != std::string::npos ||
        !text::valid_utf8(word))
      throw InvalidParams(std::string(kAddWordCommand) + ": expected arguments [{\"uri\": \"…\", \"word\": \"…\"}]");
    DocState tmp;
    DocState* d = find(uri);
    if (!d) {
      tmp.uri = uri;
      tmp.path = uri_to_path(uri);
      d = &tmp;
    }
    auto cfg = config_for(*d);
    fs::path fallback = workspace_dir_for(d->path) / kConfigName;
    AddWordResult r;
    try {
      r = add_word(word, *cfg, fallback);
    } catch (const std::exception& e) {
      throw RpcError(kRequestFailed, std::string("cannot add the word: ") + e.what());
    }
    word_files_.insert(r.word_file.lexically_normal().string());
    log(kInfo, "added \u2018" + word + "\u2019 to " + r.word_file.string() + (r.config_changed ? " (listed in " + r.config_file.string() + ")" : ""));
    config_changed();
    if (watching_ && r.config_changed) register_watchers();
    return nullptr;
  }

  // --- Wiring ----------------------------------------------------------------

  void register_handlers() {
    rpc_.on_request("initialize", [this](const json& p) { return on_initialize(p); });
    rpc_.on_request("shutdown", [](const json&) { return json(nullptr); });
    rpc_.on_notification("initialized", [this](const json&) { on_initialized(); });
    rpc_.on_notification("$/setTrace", [this](const json& p) {
      if (p.is_object() && p.contains("value") && p.at("value").is_string()) trace_ = p.at("value").get<std::string>();
    });
    rpc_.on_notification("textDocument/didOpen", [this](const json& p) { on_did_open(p); });
    rpc_.on_notification("textDocument/didChange", [this](const json& p) { on_did_change(p); });
    rpc_.on_notification("textDocument/didClose", [this](const json& p) { on_did_close(p); });
    rpc_.on_notification("textDocument/didSave", [this](const json& p) { on_did_save(p); });
    rpc_.on_notification("workspace/didChangeConfiguration", [this](const json& p) {
      const json* s = nullptr;
      if (p.is_object() && p.contains("settings")) s = &p.at("settings");
      if (s && s->is_object() && s->contains("fulint")) apply_settings(s->at("fulint"));
      else if (caps_.configuration) fetch_configuration();
    });
    rpc_.on_notification("workspace/didChangeWatchedFiles", [this](const json&) { config_changed(); });
    rpc_.on_request("textDocument/hover", [this](const json& p) { return on_hover(p); });
    rpc_.on_request("textDocument/codeAction", [this](const json& p) { return on_code_action(p); });
    rpc_.on_request("textDocument/diagnostic", [this](const json& p) { return on_pull_diagnostics(p); });
    rpc_.on_request("workspace/executeCommand", [this](const json& p) { return on_execute_command(p); });
  }

  void run_due(Clock::time_point now) {
    if (pull_) return;
    for (auto& [uri, d] : docs_)
      if (d.pending && d.due <= now) publish(d);
  }

  std::optional<Clock::time_point> next_deadline() const {
    if (pull_) return std::nullopt;
    std::optional<Clock::time_point> t;
    for (const auto& [uri, d] : docs_)
      if (d.pending && (!t || d.due < *t)) t = d.due;
    return t;
  }

  Send send_;
  ServerOptions options_;
  Dispatcher rpc_;
  ClientCapabilities caps_;
  Encoding encoding_ = Encoding::Utf16;
  bool pull_ = false;
  std::vector<std::string> roots_;
  std::string trace_ = "off";
  std::map<std::string, DocState> docs_;
  Overrides overrides_;
  std::unique_ptr<ConfigResolver> resolver_;
  std::shared_ptr<const Config> defaults_;                       // defaults + settings
  std::map<std::string, std::shared_ptr<const Config>> last_good_;  // by config file
  std::set<std::string> shown_;                                  // messages shown since the last config change
  std::set<std::string> word_files_;
  bool watching_ = false;
  std::string watch_id_;
  int watch_generation_ = 0;
  std::thread warm_up_;
  Stats stats_;
};

Server::Server(Send send, ServerOptions options) : impl_(std::make_unique<Impl>(std::move(send), options)) {}
Server::~Server() = default;

void Server::handle(const Incoming& in) { impl_->rpc_.dispatch(in); }
void Server::run_due(Clock::time_point now) { impl_->run_due(now); }
std::optional<Server::Clock::time_point> Server::next_deadline() const { return impl_->next_deadline(); }
void Server::set_cancel_check(std::function<bool(const json& id)> check) { impl_->rpc_.set_cancel_check(std::move(check)); }
bool Server::exited() const { return impl_->rpc_.state() == Dispatcher::State::Exited; }
int Server::exit_code() const {
  if (exited()) return impl_->rpc_.exit_code();
  return impl_->rpc_.state() == Dispatcher::State::ShutDown ? 0 : 1;
}
const Server::Stats& Server::stats() const { return impl_->stats_; }

// --- Serving ---------------------------------------------------------------------

int serve(std::istream& in, std::ostream& out, ServerOptions options) {
  // What the reader thread touches lives as long as the thread, which may
  // outlive this call when the client vanished while it waits for input.
  struct Shared {
    Inbox inbox;
    FrameParser parser;
    std::string unfinished;
  };
  auto shared = std::make_shared<Shared>();
  Writer writer(out);
  Server server([&writer](const json& m) { writer.write(m); }, options);
  server.set_cancel_check([shared](const json& id) { return shared->inbox.take_cancelled(id); });
  std::thread reader([shared, &in] { shared->unfinished = read_stream(in, shared->parser, shared->inbox); });
  for (;;) {
    Incoming msg;
    Inbox::Wait w = shared->inbox.pop(msg, server.next_deadline());
    if (w == Inbox::Wait::Message) {
      server.handle(msg);
      if (server.exited()) break;
    } else if (w == Inbox::Wait::Closed) {
      break;
    }
    server.run_due(Server::Clock::now());
    if (!out) break;  // the client is gone
  }
  if (!out) {
    reader.detach();  // it may be blocked on input nobody will send
    return 1;
  }
  reader.join();
  if (!shared->unfinished.empty()) std::cerr << "fulint-lsp: end of input inside a message: " << shared->unfinished << "\n";
  return server.exit_code();
}

namespace {

// Unbuffered-ish stream buffers over file descriptors: reads return what the
// pipe has (never wait for a full buffer), writes go straight out.
class FdInBuf : public std::streambuf {
 public:
  explicit FdInBuf(int fd) : fd_(fd) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    ssize_t n;
    do n = ::read(fd_, buf_, sizeof buf_);
    while (n < 0 && errno == EINTR);
    if (n <= 0) return traits_type::eof();
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  int fd_;
  char buf_[1 << 16];
};

class FdOutBuf : public std::streambuf {
 public:
  explicit FdOutBuf(int fd) : fd_(fd) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::streamsize done = 0;
    while (done < n) {
      ssize_t w = ::write(fd_, s + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) return done;
      done += w;
    }
    return done;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }

 private:
  int fd_;
};

}  // namespace

int serve_stdio() {
  ::signal(SIGPIPE, SIG_IGN);
  // stdout carries only LSP frames: keep a private copy of it for them and
  // point fd 1 at stderr, so that a stray print from any library cannot
  // corrupt the stream.
  int out_fd = ::fcntl(1, F_DUPFD_CLOEXEC, 3);
  if (out_fd < 0) {
    std::perror("fulint-lsp: dup");
    return 1;
  }
  ::dup2(2, 1);
  std::ios::sync_with_stdio(false);
  FdInBuf inbuf(0);
  FdOutBuf outbuf(out_fd);
  std::istream in(&inbuf);
  std::ostream out(&outbuf);
  ServerOptions options;
  if (const char* ms = std::getenv("FULINT_LSP_DEBOUNCE_MS"); ms && *ms) {
    options.debounce = std::chrono::milliseconds(std::strtol(ms, nullptr, 10));
    options.max_wait = std::max(options.max_wait, options.debounce);
  }
  int rc = serve(in, out, options);
  out.flush();
  std::cerr.flush();
  // The reader thread may still wait on stdin when the client went away:
  // end the process here rather than in static destructors.
  std::_Exit(rc);
}

}  // namespace fulint::lsp
