// Runs rule fixtures (tests/rules/<rule-id>.fixture; format in tests/rules/README.md).
//   fulint_fixture_tests [--verbose] FIXTURE...
// Prints each failure, then "N passed, M failed" (cases).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "fulint/config.hpp"
#include "fulint/document.hpp"
#include "fulint/linter.hpp"
#include "fulint/registry.hpp"
#include "fulint/spell.hpp"
#include "fulint/text.hpp"

namespace fs = std::filesystem;
using namespace fulint;

namespace {

struct Mark {
  uint32_t line = 0;         // 0-based draft line
  uint32_t col = 0;          // 0-based code points
  std::optional<uint32_t> end_col;
  std::string rule, message;
  std::optional<std::string> fix;  // expected replacement text of the first fix
  bool nofix = false;
  std::optional<std::string> severity;
  int fixture_line = 0;
};

struct Case {
  std::string name;
  int fixture_line = 0;
  std::string file = "case.txt";
  std::string config;
  std::string rules;  // "" = the fixture's rule only
  std::string now, interview_date;
  bool crlf = false;
  std::vector<std::string> lines;
  std::vector<Mark> marks;
};

std::vector<Case> read_fixture(const std::string& path, std::string& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err = "cannot read " + path;
    return {};
  }
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  bool in_header = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("=== ", 0) == 0 || line == "===") {
      Case c;
      c.name = line.size() > 4 ? line.substr(4) : "(unnamed)";
      c.fixture_line = n;
      cases.push_back(std::move(c));
      in_header = true;
      continue;
    }
    if (cases.empty()) continue;  // preamble
    Case& c = cases.back();
    if (in_header && line.rfind("--- ", 0) == 0) {
      std::string kv = line.substr(4);
      size_t colon = kv.find(':');
      std::string key = kv.substr(0, colon);
      std::string val = colon == std::string::npos ? "" : std::string(text::trim(kv.substr(colon + 1)));
      if (key == "file") c.file = val;
      else if (key == "config") c.config = val;
      else if (key == "rules") c.rules = val;
      else if (key == "now") c.now = val;
      else if (key == "interview-date") c.interview_date = val;
      else if (key == "crlf") c.crlf = true;
      else {
        err = path + ":" + std::to_string(n) + ": unknown case option '" + key + "'";
        return {};
      }
      continue;
    }
    in_header = false;
    if (line.rfind("#!", 0) == 0) {
      if (c.lines.empty()) {
        err = path + ":" + std::to_string(n) + ": a #! mark needs a draft line above it";
        return {};
      }
      std::string body = line.size() > 3 ? line.substr(3) : "";
      std::string_view t = text::trim(body);
      if (t.rfind("fix:", 0) == 0) {
        if (c.marks.empty()) { err = path + ":" + std::to_string(n) + ": fix: without a mark"; return {}; }
        std::string v(text::trim(t.substr(4)));
        c.marks.back().fix = v == "<delete>" ? "" : v;
        continue;
      }
      if (t == "nofix") {
        if (c.marks.empty()) { err = path + ":" + std::to_string(n) + ": nofix without a mark"; return {}; }
        c.marks.back().nofix = true;
        continue;
      }
      if (t.rfind("severity:", 0) == 0) {
        if (c.marks.empty()) { err = path + ":" + std::to_string(n) + ": severity: without a mark"; return {}; }
        c.marks.back().severity = std::string(text::trim(t.substr(9)));
        continue;
      }
      // carets
      size_t first = body.find('^');
      if (first == std::string::npos) {
        err = path + ":" + std::to_string(n) + ": a mark needs '^' carets";
        return {};
      }
      Mark m;
      m.fixture_line = n;
      m.line = static_cast<uint32_t>(c.lines.size() - 1);
      m.col = static_cast<uint32_t>(text::count_code_points(std::string_view(body).substr(0, first)));
      size_t last = first;
      while (last + 1 < body.size() && body[last + 1] == '^') ++last;
      size_t rest = last + 1;
      if (body.compare(rest, 3, "...") == 0) rest += 3;
      else m.end_col = static_cast<uint32_t>(m.col + (last - first + 1));
      std::string_view r = text::trim(std::string_view(body).substr(rest));
      size_t colon = r.find(':');
      m.rule = std::string(text::trim(r.substr(0, colon)));
      if (colon != std::string_view::npos) m.message = std::string(text::trim(r.substr(colon + 1)));
      c.marks.push_back(std::move(m));
      continue;
    }
    c.lines.push_back(line);
  }
  return cases;
}

const Speller* speller_for(const Config& cfg) {
  static std::map<std::string, std::shared_ptr<const Speller>> cache;
  std::string key;
  for (auto& l : cfg.languages) key += l + ",";
  auto it = cache.find(key);
  if (it != cache.end()) return it->second.get();
  std::shared_ptr<const Speller> sp;
  try {
    sp = load_speller(cfg.languages);
  } catch (const std::exception& e) {
    std::cerr << "warning: " << e.what() << "\n";
  }
  cache[key] = sp;
  return sp.get();
}

struct Runner {
  bool verbose = false;
  int passed = 0, failed = 0;

  bool run_case(const std::string& fixture, const std::string& rule_id, const Case& c) {
    std::vector<std::string> problems;
    auto fail = [&](const std::string& s) { problems.push_back(s); };
    // Config: only the fixture's rule (or the listed ones) on.
    Config cfg = Config::defaults();
    try {
      if (!c.config.empty()) {
        Overrides o;
        o.settings_json = c.config;
        apply_overrides(cfg, o);
      }
    } catch (const std::exception& e) {
      fail(std::string("bad --- config: ") + e.what());
    }
    std::vector<std::string> on;
    if (c.rules == "all") {
      for (const Rule* r : all_rules()) on.emplace_back(r->meta().id);
    } else if (!c.rules.empty()) {
      std::stringstream ss(c.rules);
      std::string id;
      while (std::getline(ss, id, ',')) on.emplace_back(text::trim(id));
    } else {
      on.push_back(rule_id);
    }
    for (size_t i = 0; i < cfg.rules.size(); ++i) {
      std::string_view id = all_rules()[i]->meta().id;
      bool keep = std::find(on.begin(), on.end(), id) != on.end();
      if (!keep) cfg.rules[i].enabled = false;
      else if (c.rules.empty() || c.rules != "all") cfg.rules[i].enabled = true;
    }
    LintEnv env;
    if (!c.now.empty()) env.now = parse_time(c.now);
    else env.now = parse_time("2026-11-21T10:00:00Z");
    if (!c.interview_date.empty()) env.interview_date = parse_time(c.interview_date);
    env.speller = speller_for(cfg);
    std::string eol = c.crlf ? "\r\n" : "\n";
    std::string text;
    for (size_t i = 0; i < c.lines.size(); ++i) text += c.lines[i] + (i + 1 < c.lines.size() ? eol : eol);
    std::string ext = fs::path(c.file).extension().string();
    Document doc = parse_document(c.file, text, ParseOptions{ext});
    LintResult res = lint(doc, cfg, env);
    std::vector<bool> used(res.diagnostics.size(), false);
    for (const Mark& m : c.marks) {
      bool found = false;
      for (size_t i = 0; i < res.diagnostics.size(); ++i) {
        if (used[i]) continue;
        const Diagnostic& d = res.diagnostics[i];
        LineCol b = doc.lines.position(d.raw.begin, Units::CodePoints);
        LineCol e = doc.lines.position(d.raw.end, Units::CodePoints);
        if (d.rule != m.rule || b.line != m.line || b.column != m.col) continue;
        if (m.end_col && (e.line != m.line || e.column != *m.end_col)) continue;
        used[i] = true;
        found = true;
        if (!m.message.empty() && d.message.find(m.message) == std::string::npos)
          fail("line " + std::to_string(m.fixture_line) + ": message \"" + d.message + "\" does not contain \"" + m.message + "\"");
        if (m.severity && std::string(to_string(d.severity)) != *m.severity)
          fail("line " + std::to_string(m.fixture_line) + ": severity " + std::string(to_string(d.severity)) + ", expected " + *m.severity);
        if (m.nofix && !d.fixes.empty()) fail("line " + std::to_string(m.fixture_line) + ": expected no fix, got \"" + d.fixes[0].title + "\"");
        if (m.fix) {
          if (d.fixes.empty()) {
            fail("line " + std::to_string(m.fixture_line) + ": expected a fix to \"" + *m.fix + "\", got none");
          } else {
            const Fix& f = d.fixes[0];
            bool ok = f.edits.size() == 1 && f.edits[0].text == *m.fix;
            if (!ok) {
              std::string got;
              for (const Edit& ed : f.edits) got += "[" + std::string(slice(doc.raw, ed.raw)) + "->" + ed.text + "]";
              fail("line " + std::to_string(m.fixture_line) + ": fix " + got + ", expected \"" + *m.fix + "\"");
            }
          }
        }
        break;
      }
      if (!found) {
        std::string near;
        for (const Diagnostic& d : res.diagnostics) {
          LineCol b = doc.lines.position(d.raw.begin, Units::CodePoints);
          LineCol e = doc.lines.position(d.raw.end, Units::CodePoints);
          if (d.rule == m.rule && b.line == m.line)
            near += " (got " + std::to_string(b.column) + "-" + std::to_string(e.line == b.line ? e.column : 9999) + ")";
        }
        fail("line " + std::to_string(m.fixture_line) + ": expected " + m.rule + " at draft line " + std::to_string(m.line + 1) +
             ", column " + std::to_string(m.col + 1) + (m.end_col ? "-" + std::to_string(*m.end_col + 1) : "") + ", none found" + near);
      }
    }
    for (size_t i = 0; i < res.diagnostics.size(); ++i) {
      if (used[i]) continue;
      const Diagnostic& d = res.diagnostics[i];
      LineCol b = doc.lines.position(d.raw.begin, Units::CodePoints);
      LineCol e = doc.lines.position(d.raw.end, Units::CodePoints);
      fail("unexpected " + std::string(d.rule) + " at draft line " + std::to_string(b.line + 1) + ", column " +
           std::to_string(b.column + 1) + "-" + std::to_string(e.line == b.line ? e.column + 1 : 0) + ": " + d.message +
           "   #! " + std::string(b.column, ' ') + std::string(std::max<uint32_t>(e.line == b.line ? e.column - b.column : 1, 1), '^') +
           " " + std::string(d.rule));
    }
    // Safe fixes converge: applying them twice leaves the text unchanged, and
    // no new diagnostics of the rule appear.
    std::string cur = doc.raw;
    size_t before = res.diagnostics.size();
    for (int round = 0; round < 6; ++round) {
      size_t applied = 0;
      std::string next = apply_fixes(cur, res.diagnostics, FixSafety::Safe, &applied);
      if (applied == 0 || next == cur) break;
      if (round == 5) fail("safe fixes do not converge after 5 rounds");
      cur = next;
      Document d2 = parse_document(c.file, cur, ParseOptions{ext});
      res = lint(d2, cfg, env);
      if (res.diagnostics.size() > before) fail("applying safe fixes added diagnostics: " + std::string(res.diagnostics.back().rule) + ": " + res.diagnostics.back().message);
    }
    if (problems.empty()) {
      ++passed;
      if (verbose) std::cout << "ok   " << fixture << ":" << c.fixture_line << " " << c.name << "\n";
      return true;
    }
    ++failed;
    std::cout << "FAIL " << fixture << ":" << c.fixture_line << " " << c.name << "\n";
    for (const auto& p : problems) std::cout << "     " << p << "\n";
    return false;
  }
};

}  // namespace

int main(int argc, char** argv) {
  Runner r;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") r.verbose = true;
    else if (fs::is_directory(a)) {
      for (auto& e : fs::directory_iterator(a))
        if (e.path().extension() == ".fixture") files.push_back(e.path().string());
    } else files.push_back(a);
  }
  std::sort(files.begin(), files.end());
  int bad_files = 0;
  for (const std::string& f : files) {
    std::string rule = fs::path(f).stem().string();
    if (!find_rule(rule)) {
      std::cout << "FAIL " << f << ": no rule named '" << rule << "'\n";
      ++bad_files;
      continue;
    }
    std::string err;
    auto cases = read_fixture(f, err);
    if (!err.empty()) {
      std::cout << "FAIL " << err << "\n";
      ++bad_files;
      continue;
    }
    for (const Case& c : cases) r.run_case(f, rule, c);
  }
  std::cout << r.passed << " passed, " << (r.failed + bad_files) << " failed\n";
  return (r.failed + bad_files) ? 1 : 0;
}
