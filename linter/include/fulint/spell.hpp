// Spelling: Hunspell dictionaries, loaded once, plus fulint's supplementary
// word list and the user's words. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace fulint {

class Speller {
 public:
  virtual ~Speller() = default;
  // Whether any dictionary knows the word (cached per word).
  virtual bool known(std::string_view word) const = 0;
  // Suggestions, best first (slow: only when a fix is asked for).
  virtual std::vector<std::string> suggest(std::string_view word, size_t max) const = 0;
};

// Loads the Hunspell dictionaries for the languages ("en_US", "en_GB", …) from
// the system's dictionary folders. Throws std::runtime_error naming what is missing.
std::shared_ptr<const Speller> load_speller(const std::vector<std::string>& languages);

struct Config;
// Whether an enabled rule reads the dictionaries (spelling, name-consistency).
bool needs_speller(const Config& cfg);

// Spellers by language list, loaded on first use and only when a rule needs
// one, shared by the whole process; thread-safe.
class SpellerCache {
 public:
  static SpellerCache& instance();
  // Null when no rule needs it or it cannot be loaded (then `err` says why).
  const Speller* get(const Config& cfg, std::string& err);

 private:
  std::mutex mu_;
  std::map<std::string, std::pair<std::shared_ptr<const Speller>, std::string>> cache_;
};

}  // namespace fulint
