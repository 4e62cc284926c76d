#include "fulint/config.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "fulint/registry.hpp"
#include "fulint/text.hpp"

namespace fulint {

using nlohmann::json;

ConfigError::ConfigError(std::string file, std::string json_path, std::string problem)
    : std::runtime_error(file + (json_path.empty() ? "" : ": at " + json_path) + ": " + problem),
      file_(std::move(file)),
      json_path_(std::move(json_path)),
      problem_(std::move(problem)) {}

namespace {

std::string type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a value";
  }
}

std::string show(const json& j) {
  std::string s = j.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return type_name(j) + " (" + s + ")";
}

std::string esc(std::string_view key) {  // JSON pointer escaping
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

struct Ctx {
  const std::string& file;
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw ConfigError(file, path, problem);
  }
  std::vector<std::string> strings(const json& j, const std::string& path) const {
    if (!j.is_array()) fail(path, "expected an array of strings, got " + show(j));
    std::vector<std::string> out;
    for (size_t i = 0; i < j.size(); ++i) {
      if (!j[i].is_string()) fail(path + "/" + std::to_string(i), "expected a string, got " + show(j[i]));
      out.push_back(j[i].get<std::string>());
    }
    return out;
  }
  std::string string(const json& j, const std::string& path) const {
    if (!j.is_string()) fail(path, "expected a string, got " + show(j));
    return j.get<std::string>();
  }
};

OptionValue option_value(const Ctx& c, const OptionSpec& spec, const json& j, const std::string& path) {
  auto check_choice = [&](const std::string& v, const std::string& p) {
    if (spec.choices.empty()) return;
    for (auto ch : spec.choices)
      if (ch == v) return;
    std::string list;
    for (auto ch : spec.choices) list += (list.empty() ? "" : ", ") + std::string("\"") + std::string(ch) + "\"";
    c.fail(p, "expected one of " + list + ", got \"" + v + "\"");
  };
  switch (spec.type) {
    case OptionType::Bool:
      if (!j.is_boolean()) c.fail(path, "expected true or false, got " + show(j));
      return j.get<bool>();
    case OptionType::Int:
      if (!j.is_number_integer()) c.fail(path, "expected an integer, got " + show(j));
      if (j.get<int64_t>() < 0) c.fail(path, "expected a non-negative integer, got " + j.dump());
      return j.get<int64_t>();
    case OptionType::Number:
      if (!j.is_number()) c.fail(path, "expected a number, got " + show(j));
      return j.get<double>();
    case OptionType::String: {
      std::string v = c.string(j, path);
      check_choice(v, path);
      return v;
    }
    case OptionType::StringList: {
      auto v = c.strings(j, path);
      for (size_t i = 0; i < v.size(); ++i) check_choice(v[i], path + "/" + std::to_string(i));
      return v;
    }
  }
  return false;
}

RuleSettings default_settings(const Rule& r) {
  RuleSettings s;
  s.enabled = true;
  s.severity = r.meta().severity;
  Ctx c{std::string("built-in defaults")};
  for (const OptionSpec& o : r.meta().options)
    s.options.push_back(option_value(c, o, json::parse(o.default_json), std::string("/") + std::string(o.name)));
  return s;
}

void apply_rule(const Ctx& c, Config& cfg, const std::string& id, const json& v, const std::string& path) {
  int idx = rule_index(id);
  if (idx < 0) {
    std::string hint;
    int best = 4;
    for (const Rule* r : all_rules()) {
      int d = text::edit_distance(id, r->meta().id, 3);
      if (d < best) {
        best = d;
        hint = std::string(r->meta().id);
      }
    }
    c.fail(path, "unknown rule \"" + id + "\"" + (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                     "; `fulint --list-rules` lists them");
  }
  const Rule& rule = *all_rules()[static_cast<size_t>(idx)];
  RuleSettings& s = cfg.rules[static_cast<size_t>(idx)];
  auto set_sev = [&](const json& sv, const std::string& p) {
    if (!sv.is_string()) c.fail(p, "expected \"error\", \"warning\", \"info\", \"hint\" or \"off\", got " + show(sv));
    std::string x = sv.get<std::string>();
    if (x == "off") {
      s.enabled = false;
      return;
    }
    auto sev = parse_severity(x);
    if (!sev) c.fail(p, "expected \"error\", \"warning\", \"info\", \"hint\" or \"off\", got \"" + x + "\"");
    s.enabled = true;
    s.severity = *sev;
  };
  if (v.is_string()) {
    set_sev(v, path);
    return;
  }
  if (!v.is_object()) c.fail(path, "expected a severity string or an object, got " + show(v));
  for (auto it = v.begin(); it != v.end(); ++it) {
    std::string p = path + "/" + esc(it.key());
    if (it.key() == "severity") {
      set_sev(it.value(), p);
      continue;
    }
    auto opts = rule.meta().options;
    size_t k = 0;
    for (; k < opts.size(); ++k)
      if (opts[k].name == it.key()) break;
    if (k == opts.size()) {
      std::string names = "severity";
      for (const auto& o : opts) names += ", " + std::string(o.name);
      c.fail(p, "unknown option \"" + it.key() + "\" for rule " + id + " (options: " + names + ")");
    }
    s.options[k] = option_value(c, opts[k], it.value(), p);
  }
}

void apply_json(const Ctx& c, Config& cfg, const json& root, const std::filesystem::path& base_dir, bool settings) {
  if (!root.is_object()) c.fail("", "expected a JSON object at the top level, got " + show(root));
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    std::string p = "/" + esc(k);
    if (k == "$schema") continue;
    if (k == "language") {
      if (v.is_string()) cfg.languages = {v.get<std::string>()};
      else cfg.languages = c.strings(v, p);
      if (cfg.languages.empty()) c.fail(p, "expected at least one language");
      for (size_t i = 0; i < cfg.languages.size(); ++i) {
        const std::string& l = cfg.languages[i];
        bool ok = l.size() >= 2 && l.size() <= 12;
        for (char ch : l) ok &= (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-');
        if (!ok) c.fail(p, "expected a language such as \"en_US\" or \"en_GB\", got \"" + l + "\"");
      }
    } else if (k == "rules") {
      if (!v.is_object()) c.fail(p, "expected an object mapping rule ids to settings, got " + show(v));
      for (auto r = v.begin(); r != v.end(); ++r) apply_rule(c, cfg, r.key(), r.value(), p + "/" + esc(r.key()));
    } else if (k == "words") {
      auto w = c.strings(v, p);
      cfg.words.insert(cfg.words.end(), w.begin(), w.end());
    } else if (k == "word_files") {
      for (const std::string& f : c.strings(v, p)) {
        std::filesystem::path fp(f);
        if (fp.is_relative()) fp = base_dir / fp;
        cfg.word_files.push_back(fp.lexically_normal().string());
        std::ifstream in(fp);
        if (!in) {
          if (!settings) c.fail(p, "cannot read word list \"" + f + "\" (" + std::strerror(errno) + ")");
          continue;
        }
        std::string line;
        while (std::getline(in, line)) {
          std::string_view t = text::trim(line);
          if (!t.empty() && t[0] != '#') cfg.words.emplace_back(t);
        }
      }
    } else if (k == "interview") {
      if (!v.is_object()) c.fail(p, "expected an object, got " + show(v));
      for (auto i = v.begin(); i != v.end(); ++i) {
        std::string ip = p + "/" + esc(i.key());
        if (i.key() == "date") {
          std::string d = c.string(i.value(), ip);
          auto t = parse_time(d);
          if (!t) c.fail(ip, "expected an ISO 8601 date such as \"2026-11-20T14:00\", got \"" + d + "\"");
          cfg.interview.date = t;
        } else if (i.key() == "company") cfg.interview.company = c.string(i.value(), ip);
        else if (i.key() == "role") cfg.interview.role = c.string(i.value(), ip);
        else if (i.key() == "interviewers") cfg.interview.interviewers = c.strings(i.value(), ip);
        else c.fail(ip, "unknown key \"" + i.key() + "\" (expected date, company, role or interviewers)");
      }
    } else if (k == "files") {
      if (!v.is_object()) c.fail(p, "expected an object, got " + show(v));
      for (auto i = v.begin(); i != v.end(); ++i) {
        std::string ip = p + "/" + esc(i.key());
        if (i.key() == "include") cfg.include = c.strings(i.value(), ip);
        else if (i.key() == "exclude") cfg.exclude = c.strings(i.value(), ip);
        else if (i.key() == "max_bytes") {
          if (!i.value().is_number_unsigned() && !(i.value().is_number_integer() && i.value().get<int64_t>() > 0))
            c.fail(ip, "expected a positive integer, got " + show(i.value()));
          cfg.max_bytes = i.value().get<uint64_t>();
        } else c.fail(ip, "unknown key \"" + i.key() + "\" (expected include, exclude or max_bytes)");
      }
    } else {
      c.fail(p, "unknown key \"" + k + "\" (expected language, rules, words, word_files, interview or files)");
    }
  }
}

}  // namespace

Config Config::defaults() {
  static const Config d = [] {
    Config c;
    for (const Rule* r : all_rules()) c.rules.push_back(default_settings(*r));
    return c;
  }();
  return d;
}

Config parse_config(std::string_view json_text, const std::string& file, const std::filesystem::path& base_dir) {
  Config cfg = Config::defaults();
  cfg.source = file;
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end(), nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    // Turn the byte offset into a line and column.
    size_t off = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, json_text.size());
    size_t line = 1, col = 1;
    for (size_t i = 0; i < off; ++i) {
      if (json_text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    std::string what = e.what();
    size_t p = what.find("parse error");
    size_t q = what.find(": ", p == std::string::npos ? 0 : p);
    if (q != std::string::npos) what = what.substr(q + 2);
    throw ConfigError(file, "", "malformed JSON at line " + std::to_string(line) + ", column " +
                                    std::to_string(col) + ": " + what);
  }
  Ctx c{file};
  apply_json(c, cfg, root, base_dir, false);
  return cfg;
}

Config load_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string(), "", std::string("cannot read the file: ") + std::strerror(errno));
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_config(ss.str(), file.string(), file.parent_path());
}

void apply_overrides(Config& cfg, const Overrides& o) {
  if (!o.settings_json.empty()) {
    Ctx c{std::string("settings")};
    json root;
    try {
      root = json::parse(o.settings_json);
    } catch (const json::parse_error& e) {
      throw ConfigError("settings", "", std::string("malformed JSON: ") + e.what());
    }
    apply_json(c, cfg, root, std::filesystem::current_path(), true);
  }
  for (const auto& [list, on] : {std::pair{&o.enable, true}, std::pair{&o.disable, false}}) {
    for (const std::string& id : *list) {
      int i = rule_index(id);
      if (i < 0) {
        Ctx c{std::string("command line")};
        apply_rule(c, cfg, id, json("warning"), on ? "--enable" : "--disable");  // throws with a hint
      }
      cfg.rules[static_cast<size_t>(i)].enabled = on;
    }
  }
  if (o.interview_date) cfg.interview.date = o.interview_date;
}

ConfigResolver::ConfigResolver(Overrides overrides, std::optional<std::filesystem::path> explicit_config)
    : overrides_(std::move(overrides)), explicit_(std::move(explicit_config)) {}

void ConfigResolver::clear() {
  std::lock_guard lock(mu_);
  dir_cache_.clear();
  cfg_cache_.clear();
  by_folder_.clear();
}

std::optional<std::filesystem::path> ConfigResolver::find(const std::filesystem::path& dir) {
  // Called with mu_ held.
  auto it = dir_cache_.find(dir);
  if (it != dir_cache_.end()) return it->second;
  std::optional<std::filesystem::path> found;
  std::error_code ec;
  std::filesystem::path cand = dir / ".fulint.json";
  if (std::filesystem::is_regular_file(cand, ec)) found = cand;
  else if (dir.has_parent_path() && dir.parent_path() != dir) found = find(dir.parent_path());
  dir_cache_.emplace(dir, found);
  return found;
}

std::shared_ptr<const Config> ConfigResolver::load(const std::optional<std::filesystem::path>& file) {
  std::string key = file ? file->string() : std::string();
  auto it = cfg_cache_.find(key);
  if (it != cfg_cache_.end()) return it->second;
  Config cfg = file ? load_config(*file) : Config::defaults();
  apply_overrides(cfg, overrides_);
  auto p = std::make_shared<const Config>(std::move(cfg));
  cfg_cache_.emplace(key, p);
  return p;
}

std::shared_ptr<const Config> ConfigResolver::for_file(const std::filesystem::path& path) {
  std::lock_guard lock(mu_);
  if (explicit_) return load(explicit_);
  std::string folder = path.parent_path().native();
  auto hit = by_folder_.find(folder);
  if (hit != by_folder_.end()) return hit->second;
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  if (ec) abs = path;
  auto cfg = load(find(abs.parent_path().lexically_normal()));
  by_folder_.emplace(std::move(folder), cfg);
  return cfg;
}

// ---------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------

namespace {

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int64_t> make_time(int y, int mo, int d, int h, int mi, int s, std::optional<int> offset_min) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 24 || mi < 0 || mi > 59 || s < 0 || s > 60) return {};
  if (offset_min) return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
                         mi * 60 + s - *offset_min * 60;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  tm.tm_isdst = -1;
  std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1)) return {};
  return static_cast<int64_t>(t);
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

std::optional<int64_t> parse_iso(std::string_view s) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return {};
  size_t i = 10;
  std::optional<int> off;
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    ++i;
    if (!digits(s, i, 2, h) || i + 2 >= s.size() || s[i + 2] != ':' || !digits(s, i + 3, 2, mi)) return {};
    i += 5;
    if (i < s.size() && s[i] == ':') {
      if (!digits(s, i + 1, 2, sec)) return {};
      i += 3;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      }
    }
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      off = 0;
      ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int oh, om = 0;
      int sign = s[i] == '-' ? -1 : 1;
      if (!digits(s, i + 1, 2, oh)) return {};
      i += 3;
      if (i < s.size() && s[i] == ':') ++i;
      if (i < s.size()) {
        if (!digits(s, i, 2, om)) return {};
        i += 2;
      }
      off = sign * (oh * 60 + om);
    }
  }
  if (i != s.size()) return {};
  return make_time(y, mo, d, h, mi, sec, off);
}

// RFC 5322 dates and their real-world variants:
//   "Wed, 19 Nov 2026 09:12:00 -0500 (EST)", "19 Nov 26 9:12 GMT", "Wed, 19 Nov 2026 14:12:00 +0000"
std::optional<int64_t> parse_rfc5322(std::string_view s) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::vector<std::string> tok;
  std::string cur;
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (depth > 0) {
      if (c == ')') --depth;
      continue;
    }
    if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
      if (!cur.empty()) tok.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) tok.push_back(cur);
  size_t i = 0;
  if (i < tok.size() && tok[i].size() >= 3 && std::isalpha(static_cast<unsigned char>(tok[i][0])) &&
      !std::isdigit(static_cast<unsigned char>(tok[i][0])))
    ++i;  // day name
  if (i + 3 > tok.size()) return {};
  int d = 0, mo = 0, y = 0;
  auto month_of = [&](const std::string& t) {
    std::string l = text::ascii_lower(t.substr(0, 3));
    for (int k = 0; k < 12; ++k)
      if (kMonths[k] == l) return k + 1;
    return 0;
  };
  // "19 Nov 2026" or "Nov 19 2026"
  if (std::isdigit(static_cast<unsigned char>(tok[i][0]))) {
    d = std::atoi(tok[i].c_str());
    mo = month_of(tok[i + 1]);
  } else {
    mo = month_of(tok[i]);
    d = std::atoi(tok[i + 1].c_str());
  }
  y = std::atoi(tok[i + 2].c_str());
  if (tok[i + 2].size() <= 2) y += y < 50 ? 2000 : 1900;
  else if (tok[i + 2].size() == 3) y += 1900;
  if (mo == 0 || d == 0) return {};
  i += 3;
  int h = 0, mi = 0, sec = 0;
  if (i < tok.size()) {
    const std::string& t = tok[i];
    if (std::sscanf(t.c_str(), "%d:%d:%d", &h, &mi, &sec) < 2) return {};
    ++i;
  }
  std::optional<int> off;
  if (i < tok.size()) {
    std::string z = tok[i];
    if ((z[0] == '+' || z[0] == '-') && z.size() == 5) {
      int oh = std::atoi(z.substr(1, 2).c_str()), om = std::atoi(z.substr(3, 2).c_str());
      off = (z[0] == '-' ? -1 : 1) * (oh * 60 + om);
    } else {
      static const std::pair<std::string_view, int> kZones[] = {
          {"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0}, {"est", -300}, {"edt", -240}, {"cst", -360},
          {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"bst", 60},
          {"cet", 60}, {"cest", 120}};
      std::string l = text::ascii_lower(z);
      for (auto [n, m] : kZones)
        if (l == n) off = m;
      if (!off) off = 0;  // RFC 5322: an unknown zone is read as +0000
    }
  }
  return make_time(y, mo, d, h, mi, sec, off);
}

}  // namespace

std::optional<int64_t> parse_time(std::string_view s) {
  s = text::trim(s);
  if (s.empty()) return {};
  if (auto t = parse_iso(s)) return t;
  return parse_rfc5322(s);
}

}  // namespace fulint
