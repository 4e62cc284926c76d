// .fulint.json: per-rule severity and options, words, interview facts, files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "fulint/rule.hpp"

namespace fulint {

// A configuration error: the file, the JSON path ("/rules/too-long/max_words")
// and what was expected.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string file, std::string json_path, std::string problem);
  const std::string& file() const { return file_; }
  const std::string& json_path() const { return json_path_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_, json_path_, problem_;
};

struct InterviewConfig {
  std::optional<int64_t> date;  // Unix seconds
  std::string company, role;
  std::vector<std::string> interviewers;
};

struct Config {
  std::string source;  // the file it was read from ("" = defaults)
  std::vector<std::string> languages{"en_US"};
  std::vector<RuleSettings> rules;  // parallel to all_rules()
  std::vector<std::string> words;   // from "words" and the word-list files
  std::vector<std::string> word_files;  // absolute paths of "word_files"
  InterviewConfig interview;
  std::vector<std::string> include{"*.eml", "*.txt"};
  std::vector<std::string> exclude;
  uint64_t max_bytes = 10u * 1000u * 1000u;

  // Every rule at its defaults.
  static Config defaults();
  const RuleSettings& settings(size_t rule_index) const { return rules[rule_index]; }
};

// Parses .fulint.json text; `file` names it in errors; relative word-list
// paths resolve against `base_dir`. Throws ConfigError.
Config parse_config(std::string_view json_text, const std::string& file, const std::filesystem::path& base_dir);
Config load_config(const std::filesystem::path& file);

// Command-line and editor settings layered over a config.
struct Overrides {
  std::vector<std::string> enable, disable;
  std::optional<int64_t> interview_date;
  // Settings as JSON text in the .fulint.json shape (LSP didChangeConfiguration).
  std::string settings_json;
};
// Throws ConfigError (file "command line" or "settings").
void apply_overrides(Config& cfg, const Overrides& o);

// Finds .fulint.json from a file's folder upwards, caching each folder's
// answer; thread-safe.
class ConfigResolver {
 public:
  explicit ConfigResolver(Overrides overrides, std::optional<std::filesystem::path> explicit_config = {});
  // The config for a draft at `path` (shared, immutable). Throws ConfigError.
  std::shared_ptr<const Config> for_file(const std::filesystem::path& path);
  void clear();

 private:
  std::shared_ptr<const Config> load(const std::optional<std::filesystem::path>& file);
  std::optional<std::filesystem::path> find(const std::filesystem::path& dir);
  Overrides overrides_;
  std::optional<std::filesystem::path> explicit_;
  std::mutex mu_;
  std::map<std::filesystem::path, std::optional<std::filesystem::path>> dir_cache_;
  std::map<std::string, std::shared_ptr<const Config>> cfg_cache_;
  // The answer for each folder as the caller spelled it: drafts of one folder
  // share it, and the look-up then costs no system call.
  std::unordered_map<std::string, std::shared_ptr<const Config>> by_folder_;
};

// ISO 8601 ("2026-11-20", "2026-11-20T14:00", "…:00Z", "…+01:00") or RFC 5322
// date to Unix seconds; a time without a zone is local time.
std::optional<int64_t> parse_time(std::string_view s);

}  // namespace fulint
