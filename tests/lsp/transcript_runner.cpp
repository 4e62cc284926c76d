// Runs JSON-RPC transcripts (tests/lsp/*.test) against the server in-process.
//
//   fulint_lsp_transcripts [-v] FILE.test...
//
// A transcript is a list of directives; any other line continues the JSON of
// the directive above it, so messages may span lines.
//
//   # comment
//   --- rules: a, b          the workspace .fulint.json turns every other rule off
//   --- config: {JSON}       merged into that .fulint.json ("rules" objects merged)
//   --- rules-in DIR: a, b   the same for DIR/.fulint.json
//   --- file: NAME           writes NAME in the workspace; the lines up to the
//                            next directive are its content
//   --> {JSON}               sends a message (framed, through the real frame
//                            parser); consecutive sends are queued together
//                            before any is handled, as on a pipe
//   -->raw TEXT              sends raw bytes (\r \n \t \\ \xHH escapes)
//   -->frame[+N|-N] TEXT     sends TEXT (escapes allowed) framed, its Content-Length off by N
//   <-- {JSON}               expects a message from the server: the first one
//                            not yet matched that contains this JSON (subset
//                            match); pending diagnostics are flushed if needed
//   !no-output               nothing else was sent (window/logMessage aside)
//   !open NAME [LANG]        sends didOpen (version 1) of a workspace file
//   !flush                   publishes every pending (debounced) diagnostic
//   !lints N / !publishes N  how many drafts were linted / diagnostics published so far
//   !exit-code N             the status the server would exit with
//   !write NAME TEXT         (over)writes a workspace file (escapes allowed)
//   !file-contains NAME TEXT / !file-lacks NAME TEXT
//
// Subset match: objects need the expected keys (value "<absent>": the key must
// be missing); arrays match element by element and must have the same length,
// unless the first expected element is "<contains>" (then every other expected
// element must match some element); "<any>" matches any value; "<~TEXT>"
// matches a string containing TEXT; "<save:NAME>" matches anything and
// keeps it as ${NAME} for later lines. In the file, ${root} is the temporary
// workspace folder and ${root_uri} its file:// URI.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fulint/config.hpp"
#include "fulint/registry.hpp"
#include "lsp/convert.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"

namespace fs = std::filesystem;
using namespace fulint;
using namespace fulint::lsp;

namespace {

bool verbose = false;

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  return s;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    if (c == 'r') out += '\r';
    else if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c == 'x' && i + 2 < s.size() + 1) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else out += c;
  }
  return out;
}

std::map<std::string, std::string> vars;  // <save:NAME> captures, ${NAME} in later sends

bool subset(const json& want, const json& got, std::string& why, const std::string& path = "") {
  if (want.is_string()) {
    const std::string& w = want.get_ref<const std::string&>();
    if (w == "<any>") return true;
    if (w.rfind("<save:", 0) == 0 && w.back() == '>') {
      vars[w.substr(6, w.size() - 7)] = got.is_string() ? got.get<std::string>() : got.dump();
      return true;
    }
    if (w.size() > 3 && w.rfind("<~", 0) == 0 && w.back() == '>') {
      std::string needle = w.substr(2, w.size() - 3);
      if (got.is_string() && got.get_ref<const std::string&>().find(needle) != std::string::npos) return true;
      why = path + ": expected a string containing \"" + needle + "\", got " + got.dump();
      return false;
    }
  }
  if (want.is_object()) {
    if (!got.is_object()) {
      why = path + ": expected an object, got " + got.dump();
      return false;
    }
    for (auto it = want.begin(); it != want.end(); ++it) {
      auto g = got.find(it.key());
      if (it.value().is_string() && it.value() == "<absent>") {
        if (g != got.end()) {
          why = path + "/" + it.key() + ": expected absent, got " + g->dump();
          return false;
        }
        continue;
      }
      if (g == got.end()) {
        why = path + "/" + it.key() + ": missing";
        return false;
      }
      if (!subset(it.value(), *g, why, path + "/" + it.key())) return false;
    }
    return true;
  }
  if (want.is_array()) {
    if (!got.is_array()) {
      why = path + ": expected an array, got " + got.dump();
      return false;
    }
    if (!want.empty() && want[0] == "<contains>") {
      for (size_t i = 1; i < want.size(); ++i) {
        bool found = false;
        std::string ignored;
        for (const json& g : got)
          if (subset(want[i], g, ignored, path)) found = true;
        if (!found) {
          why = path + ": no element matches " + want[i].dump();
          return false;
        }
      }
      return true;
    }
    if (want.size() != got.size()) {
      why = path + ": expected " + std::to_string(want.size()) + " elements, got " + std::to_string(got.size()) + ": " + got.dump();
      return false;
    }
    for (size_t i = 0; i < want.size(); ++i)
      if (!subset(want[i], got[i], why, path + "/" + std::to_string(i))) return false;
    return true;
  }
  if (want.is_number() && got.is_number()) {
    if (want.get<double>() == got.get<double>()) return true;
  } else if (want == got) {
    return true;
  }
  why = path + ": expected " + want.dump() + ", got " + got.dump();
  return false;
}

std::string expand(std::string s) {
  for (const auto& [k, v] : vars) s = replace_all(s, "${" + k + "}", v);
  return s;
}

std::string shorten(const json& j, size_t max = 600) {
  std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return s.size() > max ? s.substr(0, max) + "…" : s;
}

struct Directive {
  int line;
  std::string kind;  // "#", "---", "-->", "-->raw", "<--", "!"
  std::string text;
};

class Transcript {
 public:
  Transcript(const fs::path& file) : file_(file) {
    root_ = fs::temp_directory_path() / ("fulint-lsp-" + std::to_string(::getpid()) + "-" + file.stem().string());
    fs::remove_all(root_);
    fs::create_directories(root_);
    root_ = fs::canonical(root_);
    ServerOptions opts;
    opts.now = parse_time("2026-11-21T10:00:00Z");
    server_ = std::make_unique<Server>([this](const json& m) {
      if (verbose) std::cerr << "  <== " << shorten(m, 2000) << "\n";
      out_.push_back(m);
    }, opts);
    server_->set_cancel_check([this](const json& id) { return inbox_.take_cancelled(id); });
  }
  ~Transcript() {
    std::error_code ec;
    if (!keep_) fs::remove_all(root_, ec);
  }

  bool run() {
    std::ifstream in(file_);
    if (!in) return fail(0, "cannot read " + file_.string());
    std::vector<Directive> ds;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      line = replace_all(replace_all(line, "${root_uri}", path_to_uri(root_.string())), "${root}", root_.string());
      std::string kind;
      for (const char* k : {"-->raw", "-->frame", "-->", "<--", "---", "#", "!"})
        if (line.rfind(k, 0) == 0) {
          kind = k;
          break;
        }
      if (kind.empty()) {
        if (ds.empty()) {
          if (line.find_first_not_of(" \t") == std::string::npos) continue;
          return fail(n, "text before the first directive");
        }
        ds.back().text += "\n" + line;
        continue;
      }
      std::string rest = line.substr(kind.size());
      if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
      ds.push_back({n, kind, rest});
    }
    // Workspace files first.
    std::vector<std::string> rules;
    json config = json::object();
    bool have_rules = false;
    for (const Directive& d : ds) {
      if (d.kind != "---") continue;
      std::string t = d.text;
      std::string first = t.substr(0, t.find('\n'));
      std::string body = t.find('\n') == std::string::npos ? "" : t.substr(t.find('\n') + 1);
      if (first.rfind("rules-in ", 0) == 0) {
        // --- rules-in DIR: a, b   (a .fulint.json in DIR with only those rules on)
        size_t colon = first.find(':');
        std::string dir = first.substr(9, colon - 9);
        std::vector<std::string> on;
        std::stringstream ss(first.substr(colon + 1));
        for (std::string r; std::getline(ss, r, ',');) {
          r.erase(0, r.find_first_not_of(" \t"));
          r.erase(r.find_last_not_of(" \t") + 1);
          if (!r.empty()) on.push_back(r);
        }
        json r = json::object();
        for (const Rule* rule : all_rules())
          if (std::find(on.begin(), on.end(), std::string(rule->meta().id)) == on.end()) r[std::string(rule->meta().id)] = "off";
        fs::create_directories(root_ / dir);
        std::ofstream(root_ / dir / ".fulint.json") << json({{"rules", r}}).dump(2) << "\n";
      } else if (first.rfind("rules:", 0) == 0) {
        have_rules = true;
        std::stringstream ss(first.substr(6));
        for (std::string r; std::getline(ss, r, ',');) {
          r.erase(0, r.find_first_not_of(" \t"));
          r.erase(r.find_last_not_of(" \t") + 1);
          if (!r.empty()) rules.push_back(r);
        }
      } else if (first.rfind("config:", 0) == 0) {
        json c = json::parse(first.substr(7) + "\n" + body, nullptr, false);
        if (c.is_discarded() || !c.is_object()) return fail(d.line, "--- config: is not a JSON object");
        config.merge_patch(c);
      } else if (first.rfind("file:", 0) == 0) {
        std::string name = first.substr(5);
        name.erase(0, name.find_first_not_of(" \t"));
        fs::path p = root_ / name;
        fs::create_directories(p.parent_path());
        while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
        std::ofstream(p, std::ios::binary) << body << (body.empty() ? "" : "\n");
      } else {
        return fail(d.line, "unknown --- directive: " + first);
      }
    }
    if (have_rules) {
      json r = json::object();
      for (const Rule* rule : all_rules()) {
        std::string id(rule->meta().id);
        if (std::find(rules.begin(), rules.end(), id) == rules.end()) r[id] = "off";
      }
      for (const std::string& id : rules)
        if (!find_rule(id)) return fail(0, "--- rules: unknown rule " + id);
      json c = {{"rules", r}};
      c.merge_patch(config);
      std::ofstream(root_ / ".fulint.json") << c.dump(2) << "\n";
    } else if (!config.empty()) {
      std::ofstream(root_ / ".fulint.json") << config.dump(2) << "\n";
    }

    for (Directive& d : ds)
      if (d.kind != "---")
        while (!d.text.empty() && (d.text.back() == '\n' || d.text.back() == ' ')) d.text.pop_back();
    for (const Directive& d : ds) {
      if (d.kind == "#" || d.kind == "---") continue;
      if (d.kind == "-->frame") {
        // -->frame[+N|-N] TEXT: TEXT (escapes allowed) framed with a Content-Length off by N
        std::string t = d.text;
        long delta = 0;
        if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
          size_t sp = t.find(' ');
          delta = std::stol(t.substr(0, sp));
          t = sp == std::string::npos ? "" : t.substr(sp + 1);
        }
        std::string body = unescape(expand(t));
        if (verbose) std::cerr << "  ==> frame" << delta << " " << body << "\n";
        parser_.feed("Content-Length: " + std::to_string(static_cast<long>(body.size()) + delta) + "\r\n\r\n" + body);
        continue;
      }
      if (d.kind == "-->") {
        json m = json::parse(expand(d.text), nullptr, false);
        if (m.is_discarded()) return fail(d.line, "--> is not JSON (use -->raw for malformed input)");
        if (verbose) std::cerr << "  ==> " << shorten(m, 2000) << "\n";
        parser_.feed(frame(m.dump()));
        continue;
      }
      if (d.kind == "-->raw") {
        if (verbose) std::cerr << "  ==> raw " << d.text << "\n";
        parser_.feed(unescape(expand(d.text)));
        continue;
      }
      deliver();
      if (d.kind == "<--") {
        json want = json::parse(expand(d.text), nullptr, false);
        if (want.is_discarded()) return fail(d.line, "<-- is not JSON");
        if (!expect(want, d.line)) return false;
        continue;
      }
      // "!" directives
      std::string cmd = d.text.substr(0, d.text.find(' '));
      std::string arg = d.text.find(' ') == std::string::npos ? "" : d.text.substr(d.text.find(' ') + 1);
      if (cmd == "open") {
        // !open NAME [LANGUAGE-ID]: didOpen of a workspace file, version 1
        std::string name = arg.substr(0, arg.find(' '));
        std::string lang = arg.find(' ') == std::string::npos ? "plaintext" : arg.substr(arg.find(' ') + 1);
        std::ifstream f(root_ / name, std::ios::binary);
        if (!f) return fail(d.line, "no workspace file " + name);
        std::stringstream ss;
        ss << f.rdbuf();
        json m = {{"jsonrpc", "2.0"},
                  {"method", "textDocument/didOpen"},
                  {"params", {{"textDocument", {{"uri", path_to_uri((root_ / name).string())}, {"languageId", lang}, {"version", 1}, {"text", ss.str()}}}}}};
        if (verbose) std::cerr << "  ==> " << shorten(m, 2000) << "\n";
        parser_.feed(frame(m.dump()));
        deliver();
      } else if (cmd == "write") {
        // !write NAME TEXT: (over)writes a workspace file (escapes allowed)
        std::string name = arg.substr(0, arg.find(' '));
        std::string text = arg.find(' ') == std::string::npos ? "" : unescape(arg.substr(arg.find(' ') + 1));
        fs::create_directories((root_ / name).parent_path());
        std::ofstream(root_ / name, std::ios::binary) << text;
      } else if (cmd == "flush") {
        server_->flush();
      } else if (cmd == "no-output") {
        server_->flush();
        for (const json& m : out_) {
          if (m.value("method", "") == "window/logMessage") continue;
          return fail(d.line, "unexpected message: " + shorten(m));
        }
        out_.clear();
      } else if (cmd == "lints" || cmd == "publishes") {
        size_t want = std::stoul(arg);
        size_t got = cmd == "lints" ? server_->stats().lints : server_->stats().publishes;
        if (want != got) return fail(d.line, cmd + ": expected " + std::to_string(want) + ", got " + std::to_string(got));
      } else if (cmd == "exit-code") {
        int want = std::stoi(arg);
        if (server_->exit_code() != want)
          return fail(d.line, "exit code: expected " + std::to_string(want) + ", got " + std::to_string(server_->exit_code()));
      } else if (cmd == "file-contains" || cmd == "file-lacks") {
        std::string name = arg.substr(0, arg.find(' '));
        std::string text = arg.find(' ') == std::string::npos ? "" : unescape(arg.substr(arg.find(' ') + 1));
        std::ifstream f(root_ / name, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        bool has = f && ss.str().find(text) != std::string::npos;
        if (has != (cmd == "file-contains"))
          return fail(d.line, name + (has ? " contains " : " lacks ") + "\"" + text + "\":\n" + ss.str());
      } else {
        return fail(d.line, "unknown directive !" + cmd);
      }
    }
    deliver();
    return true;
  }

 private:
  // Everything sent so far goes through the frame parser into the inbox, and
  // is handled in order (a $/cancelRequest already queued cancels a request).
  void deliver() {
    while (auto m = parser_.next()) inbox_.push(std::move(*m));
    Incoming msg;
    while (inbox_.pop(msg, std::chrono::steady_clock::now()) == Inbox::Wait::Message) server_->handle(msg);
  }

  bool expect(const json& want, int line) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      for (size_t i = 0; i < out_.size(); ++i) {
        std::string why;
        if (subset(want, out_[i], why)) {
          out_.erase(out_.begin() + static_cast<long>(i));
          return true;
        }
      }
      server_->flush();
    }
    std::string msg = "no message matches " + shorten(want) + "\n  messages not yet matched:";
    for (const json& m : out_) {
      std::string why;
      subset(want, m, why);
      msg += "\n    " + shorten(m) + "\n      (" + why + ")";
    }
    if (out_.empty()) msg += " none";
    return fail(line, msg);
  }

  bool fail(int line, const std::string& msg) {
    std::cerr << file_.string() << ":" << line << ": " << msg << "\n";
    return false;
  }

  fs::path file_, root_;
  bool keep_ = false;
  FrameParser parser_;
  Inbox inbox_;
  std::vector<json> out_;
  std::unique_ptr<Server> server_;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-v" || a == "--verbose") verbose = true;
    else files.push_back(a);
  }
  if (files.empty()) {
    std::cerr << "usage: fulint_lsp_transcripts [-v] FILE.test...\n";
    return 2;
  }
  int failed = 0;
  for (const std::string& f : files) {
    Transcript t(f);
    bool ok = t.run();
    std::cout << (ok ? "ok     " : "FAILED ") << f << "\n";
    failed += !ok;
  }
  return failed ? 1 : 0;
}
