#include "lsp/actions.hpp"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "fulint/text.hpp"

namespace fs = std::filesystem;

namespace fulint::lsp {

namespace {

constexpr std::string_view kDisableHeader = "X-Fulint-Disable";

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// The ids an X-Fulint-Disable value names (comma or space separated).
bool names_rule(std::string_view value, std::string_view rule) {
  size_t p = 0;
  while (p <= value.size()) {
    size_t q = value.find_first_of(", \t", p);
    if (q == std::string_view::npos) q = value.size();
    if (text::trim(value.substr(p, q - p)) == rule) return true;
    p = q + 1;
  }
  return false;
}

std::string ext_of(const std::string& path) { return text::ascii_lower(fs::path(path).extension().string()); }

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes a file through a temporary beside it, then a rename.
void write_atomically(const fs::path& p, const std::string& data) {
  fs::path tmp = p;
  tmp += ".fulint-tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
    out << data;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, p, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot replace " + p.string());
  }
}

// Skips white space and comments (// and /* */, which .fulint.json allows).
size_t skip_blank(std::string_view t, size_t i) {
  while (i < t.size()) {
    char c = t[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (t.substr(i, 2) == "//") {
      size_t e = t.find('\n', i);
      i = e == std::string_view::npos ? t.size() : e + 1;
    } else if (t.substr(i, 2) == "/*") {
      size_t e = t.find("*/", i + 2);
      i = e == std::string_view::npos ? t.size() : e + 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::string_view line_ending(std::string_view raw) {
  size_t i = raw.find_first_of("\r\n");
  if (i != std::string_view::npos && raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') return "\r\n";
  return "\n";
}

std::optional<Edit> disable_rule_edit(const Document& doc, std::string_view rule) {
  const std::string_view eol = line_ending(doc.raw);
  const Header* existing = nullptr;
  for (const Header& h : doc.headers) {
    if (!iequals(h.name, kDisableHeader)) continue;
    if (names_rule(h.value, rule)) return std::nullopt;
    if (!existing) existing = &h;
  }
  if (existing) {
    uint32_t at = existing->raw_value.end;
    std::string ins;
    if (text::trim(existing->value).empty()) {
      if (at > 0 && doc.raw[at - 1] == ':') ins = " ";
    } else {
      ins = ", ";
    }
    ins += rule;
    return Edit{{at, at}, ins};
  }
  std::string field = std::string(kDisableHeader) + ": " + std::string(rule);
  if (!doc.headers.empty()) {
    uint32_t end = 0;
    for (const Header& h : doc.headers) end = std::max(end, h.raw.end);
    uint32_t line = doc.lines.line_of(end);
    if (line + 1 < doc.lines.line_count()) {
      uint32_t at = doc.lines.line_start(line + 1);
      return Edit{{at, at}, field + std::string(eol)};
    }
    auto at = static_cast<uint32_t>(doc.raw.size());
    return Edit{{at, at}, std::string(eol) + field};
  }
  uint32_t at = doc.raw.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  return Edit{{at, at}, field + std::string(eol) + std::string(eol)};
}

std::string fix_all(const std::string& path, std::string text, const Config& cfg, const LintEnv& env, size_t* applied) {
  size_t total = 0;
  const std::string ext = ext_of(path);
  for (int round = 0; round < 8; ++round) {
    Document doc = parse_document(path, text, ParseOptions{ext});
    doc.lines = LineIndex(doc.raw);  // the index views raw: rebuild it in case raw moved
    LintResult res = lint(doc, cfg, env);
    size_t n = 0;
    std::string next = apply_fixes(doc.raw, res.diagnostics, FixSafety::Safe, &n);
    if (n == 0 || next == text) break;
    total += n;
    text = std::move(next);
  }
  if (applied) *applied = total;
  return text;
}

Edit minimal_edit(std::string_view before, std::string_view after) {
  size_t n = std::min(before.size(), after.size());
  size_t pre = 0;
  while (pre < n && before[pre] == after[pre]) ++pre;
  size_t suf = 0;
  while (suf < n - pre && before[before.size() - 1 - suf] == after[after.size() - 1 - suf]) ++suf;
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  // Never split a character or a CRLF: widen the replaced range instead.
  while (pre > 0 && pre < before.size() && (continuation(before[pre]) || (before[pre] == '\n' && before[pre - 1] == '\r'))) --pre;
  while (suf > 0) {
    size_t e = before.size() - suf;  // first byte of the common suffix
    if (continuation(before[e]) || (before[e] == '\n' && e > 0 && before[e - 1] == '\r')) --suf;
    else break;
  }
  Edit e;
  e.raw = {static_cast<uint32_t>(pre), static_cast<uint32_t>(before.size() - suf)};
  e.text = std::string(after.substr(pre, after.size() - suf - pre));
  return e;
}

std::string insert_word_files(std::string_view t, std::string_view name) {
  size_t i = skip_blank(t, 0);
  if (i >= t.size() || t[i] != '{') throw std::runtime_error("the config is not a JSON object");
  size_t brace = i;
  size_t next = skip_blank(t, brace + 1);
  std::string entry = "\"word_files\": [" + nlohmann::json(std::string(name)).dump() + "]";
  std::string out(t.substr(0, brace + 1));
  if (next < t.size() && t[next] == '}') {
    out += "\n  " + entry + "\n";
    out += t.substr(next);
    return out;
  }
  // Indent like the first member when it starts on a line of its own.
  size_t nl = t.find('\n', brace);
  if (nl != std::string_view::npos && nl < next) {
    size_t line_start = t.rfind('\n', next - 1) + 1;
    std::string_view indent = t.substr(line_start, next - line_start);
    bool spaces = std::all_of(indent.begin(), indent.end(), [](char c) { return c == ' ' || c == '\t'; });
    std::string_view eol = (nl > 0 && t[nl - 1] == '\r') ? "\r\n" : "\n";
    out += std::string(eol) + std::string(spaces ? indent : "  ") + entry + ",";
    out += t.substr(brace + 1);
    return out;
  }
  out += entry + ", ";
  out += t.substr(brace + 1);
  return out;
}

AddWordResult add_word(std::string_view word, const Config& cfg, const fs::path& config_if_none) {
  AddWordResult r;
  r.config_file = cfg.source.empty() ? config_if_none : fs::path(cfg.source);
  if (!cfg.word_files.empty()) {
    r.word_file = cfg.word_files.front();
  } else {
    r.word_file = r.config_file.parent_path() / kWordListName;
    r.config_changed = true;
  }
  // The word list: one word a line.
  std::string list = read_all(r.word_file);
  std::istringstream lines(list);
  for (std::string line; std::getline(lines, line);) {
    if (text::trim(line) == word) r.already_there = true;
  }
  if (!r.already_there) {
    if (!list.empty() && list.back() != '\n') list += '\n';
    list += std::string(word) + "\n";
    write_atomically(r.word_file, list);
  }
  if (r.config_changed) {
    std::error_code ec;
    std::string name = r.word_file.filename().string();
    if (fs::exists(r.config_file, ec)) {
      std::string cfg_text = read_all(r.config_file);
      if (cfg_text.find("\"word_files\"") != std::string::npos)
        throw std::runtime_error(r.config_file.string() + " has an empty \"word_files\" list; add " + name + " to it");
      write_atomically(r.config_file, insert_word_files(cfg_text, name));
    } else {
      write_atomically(r.config_file, "{\n  \"word_files\": [" + nlohmann::json(name).dump() + "]\n}\n");
    }
  }
  return r;
}

}  // namespace fulint::lsp
