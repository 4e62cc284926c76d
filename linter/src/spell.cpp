#include "fulint/spell.hpp"

#include <hunspell/hunspell.hxx>

#include <array>
#include <filesystem>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <algorithm>
#include <optional>

#include "embedded.hpp"
#include "fulint/text.hpp"

namespace fulint {

namespace {

std::optional<std::pair<std::string, std::string>> find_dictionary(const std::string& lang) {
  const char* env = std::getenv("FULINT_DICT_PATH");
  std::vector<std::string> dirs;
  if (env && *env) dirs.emplace_back(env);
  dirs.insert(dirs.end(), {"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell"});
  for (const std::string& d : dirs) {
    std::string aff = d + "/" + lang + ".aff", dic = d + "/" + lang + ".dic";
    std::error_code ec;
    if (std::filesystem::exists(aff, ec) && std::filesystem::exists(dic, ec)) return std::make_pair(aff, dic);
  }
  return std::nullopt;
}

// Hunspell handles are not thread-safe: each language has a small pool, and
// results are cached per word in sharded maps so that most look-ups never
// touch Hunspell.
class HunspellSpeller final : public Speller {
 public:
  explicit HunspellSpeller(const std::vector<std::string>& languages) {
    for (const std::string& l : languages) {
      auto paths = find_dictionary(l);
      if (!paths)
        throw std::runtime_error("no Hunspell dictionary for '" + l + "' (looked for " + l +
                                 ".aff/.dic in /usr/share/hunspell; install hunspell-" + l.substr(0, 2) + "-" + text::ascii_lower(l.substr(3)) + ")");
      dicts_.push_back(std::make_unique<Dict>(paths->first, paths->second));
    }
    for (const auto& f : embedded::phrase_files())
      if (f.name == "spelling-words") load_words(f.content);
  }

  bool known(std::string_view word) const override {
    std::string key(word);
    if (extra_.count(text::fold(word))) return true;
    Shard& sh = shards_[std::hash<std::string>{}(key) % shards_.size()];
    {
      std::lock_guard lock(sh.mu);
      auto it = sh.cache.find(key);
      if (it != sh.cache.end()) return it->second;
    }
    bool ok = false;
    for (const auto& d : dicts_) {
      std::lock_guard lock(d->mu);
      if (d->h.spell(key)) {
        ok = true;
        break;
      }
    }
    std::lock_guard lock(sh.mu);
    if (sh.cache.size() > 200000) sh.cache.clear();
    sh.cache.emplace(std::move(key), ok);
    return ok;
  }

  std::vector<std::string> suggest(std::string_view word, size_t max) const override {
    std::vector<std::string> out;
    for (const auto& d : dicts_) {
      std::vector<std::string> s;
      {
        std::lock_guard lock(d->mu);
        s = d->h.suggest(std::string(word));
      }
      for (auto& x : s) {
        if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
        if (out.size() >= max) return out;
      }
    }
    return out;
  }

 private:
  void load_words(std::string_view content) {
    size_t p = 0;
    while (p < content.size()) {
      size_t e = content.find('\n', p);
      if (e == std::string_view::npos) e = content.size();
      std::string_view w = text::trim(content.substr(p, e - p));
      if (!w.empty() && w[0] != '#') extra_.insert(text::fold(w));
      p = e + 1;
    }
  }
  struct Dict {
    Dict(const std::string& aff, const std::string& dic) : h(aff.c_str(), dic.c_str()) {}
    mutable std::mutex mu;
    mutable Hunspell h;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, bool> cache;
  };
  std::vector<std::unique_ptr<Dict>> dicts_;
  mutable std::array<Shard, 16> shards_;
  std::unordered_set<std::string> extra_;
};

}  // namespace

std::shared_ptr<const Speller> load_speller(const std::vector<std::string>& languages) {
  return std::make_shared<HunspellSpeller>(languages);
}

}  // namespace fulint
