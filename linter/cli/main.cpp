// fulint: the command line. A thin layer over the core library.
#include <CLI/CLI.hpp>
#include <re2/re2.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "fulint/config.hpp"
#include "fulint/linter.hpp"
#include "fulint/registry.hpp"
#include "fulint/phrases.hpp"
#include "fulint/report.hpp"
#include "fulint/spell.hpp"
#include "fulint/text.hpp"
#include "lsp/server.hpp"

namespace fs = std::filesystem;
using namespace fulint;

namespace {

constexpr int kExitClean = 0, kExitFindings = 1, kExitError = 2;

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string stdin_filename;
  std::string parse_file;
  bool list = false;
  std::string explain;
  std::string config;
  std::vector<std::string> enable, disable;
  std::string fail_on = "warning";
  std::string interview_date, now;
  bool fix = false;
  bool version = false;
  bool lsp = false, stdio = false;
  std::string color = "auto";
  bool no_summary = false;
  unsigned jobs = 0;
};

bool want_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (std::getenv("NO_COLOR") && *std::getenv("NO_COLOR")) return false;
  const char* term = std::getenv("TERM");
  return isatty(fd) && !(term && std::string_view(term) == "dumb");
}

std::optional<std::string> read_file(const std::string& path, uint64_t max_bytes, std::string& err) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    err = std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    err = std::strerror(errno);
    ::close(fd);
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    err = "is a folder";
    return std::nullopt;
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    err = "the file is " + std::to_string(st.st_size) + " bytes, over the limit of " + std::to_string(max_bytes) +
          " bytes (files.max_bytes); not checked";
    return std::nullopt;
  }
  std::string data;
  // One byte more than the file's size: when a regular file's read stops
  // short at exactly that size, the file has ended, which saves a second
  // read() per draft; a file that has grown is still read to its end.
  data.resize(static_cast<size_t>(st.st_size) + 1);
  size_t got = 0;
  for (;;) {
    if (got == data.size()) data.resize(std::max<size_t>(data.size() * 2, 4096));
    ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
    if (S_ISREG(st.st_mode) && got == static_cast<size_t>(st.st_size) && got < data.size()) break;
    if (got > max_bytes) {
      ::close(fd);
      err = "the file grew over the limit of " + std::to_string(max_bytes) + " bytes (files.max_bytes); not checked";
      return std::nullopt;
    }
  }
  ::close(fd);
  data.resize(got);
  return data;
}

// Writes data to path atomically: a temporary file beside it, then rename.
bool write_atomically(const std::string& path, const std::string& data, std::string& err) {
  fs::path p(path);
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + p.filename().string() + ".fulint-XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = ::mkstemp(buf.data());
  if (fd < 0) {
    err = std::string("cannot create a temporary file: ") + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) (void)::fchmod(fd, st.st_mode & 07777);
  size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = std::string("cannot write: ") + std::strerror(errno);
      ::close(fd);
      ::unlink(buf.data());
      return false;
    }
    off += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    err = std::string("cannot write: ") + std::strerror(errno);
    ::unlink(buf.data());
    return false;
  }
  if (::rename(buf.data(), path.c_str()) != 0) {
    err = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(buf.data());
    return false;
  }
  return true;
}

std::string extension_of(const std::string& path) {
  std::string e = fs::path(path).extension().string();
  return text::ascii_lower(e);
}

struct Job {
  std::string path;         // as shown
  std::string fs_path;      // where to read ("" = stdin)
  std::shared_ptr<const Config> config;
};

struct Outcome {
  std::string rendered;
  std::string error;
  bool failed = false;
  LintResult counts;  // diagnostics kept for totals and exit status
  size_t fixed = 0;
  std::string fixed_text;  // --fix on stdin
  bool done = false;
};

// A glob ("*.eml", "archive/**", "drafts/?.txt") as an RE2 pattern over a
// relative path with "/" separators. A pattern without "/" matches the file name.
std::string glob_to_regex(std::string_view g) {
  std::string out;
  for (size_t i = 0; i < g.size(); ++i) {
    char c = g[i];
    if (c == '*') {
      if (i + 1 < g.size() && g[i + 1] == '*') {
        ++i;
        if (i + 1 < g.size() && g[i + 1] == '/') {
          ++i;
          out += "(?:.*/)?";
        } else {
          out += ".*";
        }
      } else {
        out += "[^/]*";
      }
    } else if (c == '?') {
      out += "[^/]";
    } else if (c == '[') {
      size_t e = g.find(']', i + 1);
      if (e == std::string_view::npos) {
        out += "\\[";
      } else {
        std::string cls(g.substr(i + 1, e - i - 1));
        if (!cls.empty() && cls[0] == '!') cls[0] = '^';
        out += "[" + cls + "]";
        i = e;
      }
    } else {
      out += RE2::QuoteMeta(std::string_view(&c, 1));
    }
  }
  return out;
}

// A config's include and exclude globs, compiled once. "*.eml" and the like
// (a star and a literal ending) are compared as text, the others by RE2.
class GlobSet {
 public:
  explicit GlobSet(const std::vector<std::string>& globs) {
    for (const std::string& g : globs) {
      Glob x;
      x.with_slash = g.find('/') != std::string::npos;
      if (!x.with_slash && g.size() > 1 && g[0] == '*' && g.find_first_of("*?[", 1) == std::string::npos) {
        x.suffix = g.substr(1);
      } else {
        x.re = std::make_unique<RE2>(glob_to_regex(g));
        if (!x.re->ok()) continue;
      }
      globs_.push_back(std::move(x));
    }
  }
  // rel: the path under the walked folder, "/"-separated; name: its last part.
  bool match(std::string_view rel, std::string_view name) const {
    for (const Glob& g : globs_) {
      if (!g.re) {
        if (name.size() >= g.suffix.size() && name.compare(name.size() - g.suffix.size(), g.suffix.size(), g.suffix) == 0)
          return true;
        continue;
      }
      if (RE2::FullMatch(g.with_slash ? rel : name, *g.re)) return true;
      // "archive/**" also excludes the folder's files when rel is deeper
      if (g.with_slash && RE2::FullMatch(rel, *g.re)) return true;
    }
    return false;
  }

 private:
  struct Glob {
    bool with_slash = false;
    std::string suffix;
    std::unique_ptr<RE2> re;
  };
  std::vector<Glob> globs_;
};

enum class EntryType { File, Folder, Other };

// What a folder entry is, from readdir's d_type when the file system gives
// it. A symbolic link to a file is a file; one to a folder is not followed.
EntryType entry_type(const std::string& path, unsigned char d_type) {
  struct stat st;
  if (d_type == DT_UNKNOWN) {
    if (lstat(path.c_str(), &st) != 0) return EntryType::Other;
    d_type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
  }
  if (d_type == DT_DIR) return EntryType::Folder;
  if (d_type == DT_REG) return EntryType::File;
  if (d_type == DT_LNK && stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return EntryType::File;
  return EntryType::Other;
}

// Walks a folder for drafts: hidden folders and files skipped, symbolic links
// to folders not followed (no loops), unreadable folders reported. It reads
// folders with opendir/readdir: std::filesystem's iterator builds and parses
// a path object for every entry, which cost more than the rest of the walk.
void collect_drafts(const std::string& root, ConfigResolver& resolver, std::vector<Job>& jobs,
                    std::vector<std::pair<std::string, std::string>>& errors) {
  std::string base = root;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  const std::string prefix = root.back() == '/' ? root : root + "/";  // a file's path is prefix + rel
  std::map<const Config*, std::pair<GlobSet, GlobSet>> globs;  // folders with one config share them
  auto errno_message = [] { return std::generic_category().message(errno); };

  auto walk = [&](auto& self, const std::string& dir_rel) -> void {
    const std::string dir = dir_rel.empty() ? root : prefix + dir_rel;
    const std::string shown_dir = dir_rel.empty() ? root : prefix + dir_rel.substr(0, dir_rel.size() - 1);
    DIR* d = opendir(dir.c_str());
    if (!d) {
      errors.emplace_back(shown_dir, errno_message());
      return;
    }
    std::shared_ptr<const Config> cfg;  // this folder's, on its first draft
    bool cfg_error = false;
    const std::pair<GlobSet, GlobSet>* filter = nullptr;
    std::string rel;
    for (;;) {
      errno = 0;
      const dirent* ent = readdir(d);
      if (!ent) {
        if (errno) errors.emplace_back(shown_dir, errno_message());
        break;
      }
      std::string_view name = ent->d_name;
      if (name.empty() || name[0] == '.') continue;  // hidden, and . and ..
      rel.assign(dir_rel).append(name);
      const std::string full = prefix + rel;
      const EntryType type = entry_type(full, ent->d_type);
      if (type == EntryType::Folder) {
        self(self, rel + "/");
        continue;
      }
      if (type != EntryType::File) continue;
      if (!cfg && !cfg_error) {
        try {
          cfg = resolver.for_file(fs::path(full));
          filter = &globs.try_emplace(cfg.get(), std::piecewise_construct, std::forward_as_tuple(cfg->include),
                                      std::forward_as_tuple(cfg->exclude))
                        .first->second;
        } catch (const ConfigError&) {
          cfg_error = true;  // reported when the drafts' configs are resolved
        }
      }
      if (cfg_error || (filter->first.match(rel, name) && !filter->second.match(rel, name)))
        jobs.push_back({base == "." ? rel : base + "/" + rel, full, cfg});
    }
    closedir(d);
  };
  walk(walk, "");
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"fulint — a linter for job-interview follow-up and thank-you email drafts", "fulint"};
  app.description(
      "fulint — a linter for job-interview follow-up and thank-you email drafts\n\n"
      "  fulint [OPTIONS] PATH...     check drafts (.eml, .txt) and folders\n"
      "  fulint [OPTIONS] -           check standard input (name it with --stdin-filename)\n"
      "  fulint --lsp                 serve the Language Server Protocol on stdin/stdout\n"
      "  fulint --list-rules | --explain RULE | --parse FILE | --version");
  app.footer(
      "Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or I/O error.\n"
      "Configuration: .fulint.json in the draft's folder or above (see README). Rules: fulint --list-rules.");
  app.add_option("paths", o.paths, "Drafts (.eml, .txt) and folders to check; - for standard input");
  app.add_option("--format", o.format, "Output format")->check(CLI::IsMember({"text", "json", "sarif", "github"}))->default_str("text");
  app.add_option("--stdin-filename", o.stdin_filename, "The name of the draft read from standard input (for output, format and config)");
  app.add_option("--parse", o.parse_file, "Print the parsed draft as JSON and exit");
  app.add_flag("--list-rules", o.list, "List every rule: id, default severity, summary");
  app.add_option("--explain", o.explain, "Print a rule's documentation");
  app.add_option("--config", o.config, "Use this config file instead of looking up .fulint.json");
  app.add_option("--enable", o.enable, "Enable a rule (repeatable)")->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--disable", o.disable, "Disable a rule (repeatable)")->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--fail-on", o.fail_on, "Lowest severity that makes the exit status 1")
      ->check(CLI::IsMember({"error", "warning", "info", "hint"}))->default_str("warning");
  app.add_option("--interview-date", o.interview_date, "When the interview was (ISO 8601), if the draft has no X-Interview-Date header");
  app.add_option("--now", o.now, "The message time for drafts without a Date: header (ISO 8601)");
  app.add_flag("--fix", o.fix, "Apply safe fixes in place (atomically)");
  app.add_option("--color", o.color, "Colour the text output")->check(CLI::IsMember({"auto", "always", "never"}))->default_str("auto");
  app.add_flag("--no-summary", o.no_summary, "Leave out the per-draft summary card in text output");
  app.add_option("-j,--jobs", o.jobs, "Threads to use (default: all cores)");
  app.add_flag("--lsp", o.lsp, "Serve the Language Server Protocol on stdin/stdout");
  app.add_flag("--stdio", o.stdio, "Accepted with --lsp (editors add it)");
  app.add_flag("-V,--version", o.version, "Print the version");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "fulint: " << e.what() << "\nRun 'fulint --help' for usage.\n";
    return kExitError;
  }

  if (o.version) {
    std::cout << "fulint " << version() << "\n";
    return kExitClean;
  }
  if (o.lsp) return lsp::serve_stdio();
  bool color_out = want_color(o.color, 1);
  if (o.list) {
    std::cout << list_rules(o.format == "json", color_out);
    return kExitClean;
  }
  if (!o.explain.empty()) {
    std::string doc = explain_rule(o.explain);
    if (doc.empty()) {
      std::string hint;
      int best = 4;
      for (const Rule* r : all_rules()) {
        int d = text::edit_distance(o.explain, r->meta().id, 3);
        if (d < best) best = d, hint = std::string(r->meta().id);
      }
      std::cerr << "fulint: unknown rule '" << o.explain << "'" << (hint.empty() ? "" : "; did you mean '" + hint + "'?")
                << " ('fulint --list-rules' lists them)\n";
      return kExitError;
    }
    std::cout << doc;
    return kExitClean;
  }
  if (!o.parse_file.empty()) {
    std::string err;
    std::optional<std::string> data;
    if (o.parse_file == "-") {
      std::stringstream ss;
      ss << std::cin.rdbuf();
      data = ss.str();
    } else {
      data = read_file(o.parse_file, Config::defaults().max_bytes, err);
    }
    if (!data) {
      std::cerr << "fulint: " << o.parse_file << ": " << err << "\n";
      return kExitError;
    }
    std::string name = o.parse_file == "-" ? (o.stdin_filename.empty() ? "-" : o.stdin_filename) : o.parse_file;
    std::string ext = extension_of(name);
    ParseOptions po{ext};
    Document doc = parse_document(name, std::move(*data), po);
    std::cout << parse_json(doc);
    return kExitClean;
  }
  if (o.paths.empty()) {
    std::cerr << "fulint: no drafts given\nUsage: fulint [OPTIONS] PATH... (fulint --help for more)\n";
    return kExitError;
  }

  Overrides ov;
  ov.enable = o.enable;
  ov.disable = o.disable;
  LintEnv env;
  auto bad_time = [](const char* opt, const std::string& v) {
    std::cerr << "fulint: " << opt << ": expected an ISO 8601 date such as 2026-11-20T14:00, got '" << v << "'\n";
    return kExitError;
  };
  if (!o.now.empty()) {
    env.now = parse_time(o.now);
    if (!env.now) return bad_time("--now", o.now);
  }
  if (!o.interview_date.empty()) {
    env.interview_date = parse_time(o.interview_date);
    if (!env.interview_date) return bad_time("--interview-date", o.interview_date);
  }
  std::optional<fs::path> explicit_cfg;
  if (!o.config.empty()) explicit_cfg = fs::path(o.config);
  ConfigResolver resolver(ov, explicit_cfg);
  Severity fail_on = *parse_severity(o.fail_on);
  OutputFormat fmt = o.format == "json" ? OutputFormat::Json
                     : o.format == "sarif" ? OutputFormat::Sarif
                     : o.format == "github" ? OutputFormat::Github
                                            : OutputFormat::Text;
  TextStyle style{color_out, !o.no_summary};

  // Validate the explicit config and the command line once, up front.
  try {
    (void)resolver.for_file(fs::current_path() / "draft.txt");
  } catch (const ConfigError& e) {
    std::cerr << "fulint: config error: " << e.what() << "\n";
    return kExitError;
  }

  // Start-up work on both cores: the dictionary the drafts most likely need
  // (the first path's) loads while the drafts are collected and the phrase
  // tables compile. A config error there is reported with the draft.
  SpellerCache& spellers = SpellerCache::instance();
  std::jthread dictionary;
  if (o.paths.front() != "-") {
    std::error_code ec;
    fs::path first(o.paths.front());
    try {
      std::shared_ptr<const Config> likely = resolver.for_file(fs::is_directory(first, ec) ? first / "draft.txt" : first);
      dictionary = std::jthread([&spellers, likely] {
        std::string ignored;  // reported with the first draft that needs it
        spellers.get(*likely, ignored);
      });
    } catch (const ConfigError&) {
    }
  }

  // Collect the drafts.
  std::vector<Job> jobs;
  std::vector<std::pair<std::string, std::string>> early_errors;
  bool use_stdin = false;
  for (const std::string& p : o.paths) {
    if (p == "-") {
      if (use_stdin) continue;
      use_stdin = true;
      std::string name = o.stdin_filename.empty() ? "-" : o.stdin_filename;
      jobs.push_back({name, "", nullptr});
      continue;
    }
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      early_errors.emplace_back(p, ec && ec != std::errc::no_such_file_or_directory ? ec.message() : "no such file or folder");
      continue;
    }
    if (fs::is_directory(st)) {
      collect_drafts(p, resolver, jobs, early_errors);
    } else {
      jobs.push_back({p, p, nullptr});
    }
  }
  // Stable order: sorted by path, each file once.
  std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.path < b.path; });
  jobs.erase(std::unique(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.path == b.path && !a.fs_path.empty(); }), jobs.end());
  // Resolve configs (errors stop the run: a wrong config is never silently ignored).
  for (Job& j : jobs) {
    if (j.config) continue;  // found in a folder walk
    try {
      j.config = resolver.for_file(j.fs_path.empty() ? fs::current_path() / (o.stdin_filename.empty() ? "draft.txt" : o.stdin_filename)
                                                     : fs::path(j.fs_path));
    } catch (const ConfigError& e) {
      std::cerr << "fulint: config error: " << e.what() << "\n";
      return kExitError;
    }
  }
  std::string stdin_data;
  if (use_stdin) {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    stdin_data = ss.str();
  }

  if (!jobs.empty()) PhraseBook::instance().prepare();
  if (dictionary.joinable()) dictionary.join();
  std::vector<Outcome> outcomes(jobs.size());
  std::mutex mu;  // guards outcomes, emitted and the writer
  size_t emitted = 0;
  std::atomic<size_t> next{0};

  bool fix_to_stdout = o.fix && use_stdin;
  Writer out_writer(fmt, fix_to_stdout ? std::cerr : std::cout, std::cerr, fix_to_stdout ? TextStyle{false, style.summary} : style);
  Writer& w = out_writer;
  w.begin();
  for (auto& [p, m] : early_errors) w.error(p, m);
  Totals totals;
  bool had_error = !early_errors.empty();
  bool findings = false;
  auto emit = [&](size_t i, Outcome& oc) {
    if (oc.failed && oc.rendered.empty()) {
      w.error(jobs[i].path, oc.error);
      had_error = true;
      return;
    }
    if (oc.failed) {
      w.error(jobs[i].path, oc.error);
      had_error = true;
    }
    w.file(oc.rendered);
    totals.add(oc.counts);
    totals.fixed += oc.fixed;
    for (const Diagnostic& d : oc.counts.diagnostics)
      if (d.severity <= fail_on) findings = true;
    if (fix_to_stdout && !oc.fixed_text.empty()) std::cout << oc.fixed_text << std::flush;
  };

  auto work = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= jobs.size()) return;
      const Job& job = jobs[i];
      Outcome oc;
      std::string err;
      const Config& cfg = *job.config;
      std::optional<std::string> data;
      if (job.fs_path.empty()) {
        data = stdin_data;
        if (data->size() > cfg.max_bytes) {
          err = "the input is over the limit of " + std::to_string(cfg.max_bytes) + " bytes (files.max_bytes); not checked";
          data.reset();
        }
      } else {
        data = read_file(job.fs_path, cfg.max_bytes, err);
      }
      if (data && data->find('\0') != std::string::npos && data->find('\0') < 8192) {
        err = "binary file (it contains NUL bytes), not a draft; not checked";
        data.reset();
      }
      if (!data) {
        oc.failed = true;
        oc.error = err;
      } else {
        LintEnv fenv = env;
        std::string serr;
        fenv.speller = spellers.get(cfg, serr);
        std::string ext = extension_of(job.path);
        Document doc = parse_document(job.path, std::move(*data), ParseOptions{ext});
        LintResult res = lint(doc, cfg, fenv);
        if (o.fix) {
          std::string original = doc.raw;
          for (int round = 0; round < 8; ++round) {
            size_t applied = 0;
            std::string next_text = apply_fixes(doc.raw, res.diagnostics, FixSafety::Safe, &applied);
            if (applied == 0 || next_text == doc.raw) break;
            oc.fixed += applied;
            doc = parse_document(job.path, std::move(next_text), ParseOptions{ext});
            res = lint(doc, cfg, fenv);
          }
          if (doc.raw != original) {
            if (job.fs_path.empty()) {
              oc.fixed_text = doc.raw;
            } else if (!write_atomically(job.fs_path, doc.raw, err)) {
              oc.failed = true;
              oc.error = err;
            }
          } else if (job.fs_path.empty()) {
            oc.fixed_text = doc.raw;
          }
        }
        oc.rendered = render_file(fmt, FileResult{job.path, doc, res}, style);
        if (!serr.empty() && oc.error.empty()) {
          oc.error = "spelling is off: " + serr;
          oc.failed = true;
        }
        oc.counts.diagnostics = std::move(res.diagnostics);
      }
      // Output keeps the order of the drafts: whoever completes the next one
      // due writes it, and any finished ones after it.
      std::lock_guard lock(mu);
      oc.done = true;
      outcomes[i] = std::move(oc);
      while (emitted < outcomes.size() && outcomes[emitted].done) {
        // Moved out, so that its buffers are freed here (assigning an empty
        // Outcome would keep the rendered text's capacity).
        Outcome finished = std::move(outcomes[emitted]);
        emit(emitted, finished);
        ++emitted;
      }
    }
  };
  unsigned n_threads = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  n_threads = static_cast<unsigned>(std::min<size_t>(n_threads, std::max<size_t>(jobs.size(), 1)));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n_threads; ++t) threads.emplace_back(work);

  work();  // the main thread is a worker too
  for (auto& t : threads) t.join();
  w.finish(totals);
  if (had_error) return kExitError;
  return findings ? kExitFindings : kExitClean;
}
