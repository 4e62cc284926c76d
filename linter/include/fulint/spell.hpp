// Spelling: Hunspell dictionaries, loaded once, plus fulint's supplementary
// word list and the user's words. Thread-safe.
#pragma once

#include <memory>
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

}  // namespace fulint
