// Spelling: Hunspell dictionaries behind two levels of cache.
//
// A draft of 250 words asks about 250 words, almost all of them seen before,
// so the hot path must be a cache hit that costs a hash and a probe:
//   L1  a per-thread open-addressing table (no lock, no allocation);
//   L2  a table shared by all threads, split in shards with a mutex each;
//   L3  Hunspell itself (one handle per language, behind a mutex), asked only
//       when neither cache knows the word.
// Keys are the words exactly as written (Hunspell is case-sensitive: a
// dictionary's "LinkedIn" does not accept "Linkedin").
#include "fulint/spell.hpp"

#include <hunspell/hunspell.hxx>
#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "embedded.hpp"
#include "fulint/config.hpp"
#include "fulint/registry.hpp"
#include "fulint/text.hpp"

namespace fulint {

namespace {

std::optional<std::pair<std::string, std::string>> find_dictionary(const std::string& lang) {
  const char* env = std::getenv("FULINT_DICT_PATH");
  std::vector<std::string> dirs;
  if (env && *env) {
    // a colon-separated list of folders
    std::string_view v = env;
    size_t p = 0;
    while (p <= v.size()) {
      size_t q = v.find(':', p);
      if (q == std::string_view::npos) q = v.size();
      if (q > p) dirs.emplace_back(v.substr(p, q - p));
      p = q + 1;
    }
  }
  dirs.insert(dirs.end(), {"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                           "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell", "/Library/Spelling"});
  for (const std::string& d : dirs) {
    std::string aff = d + "/" + lang + ".aff", dic = d + "/" + lang + ".dic";
    std::error_code ec;
    if (std::filesystem::exists(aff, ec) && std::filesystem::exists(dic, ec)) return std::make_pair(aff, dic);
  }
  return std::nullopt;
}

// A fast 64-bit hash for short keys. Reads the bytes in whole 8-, 4- or
// 1-byte loads (overlapping at the end) rather than a variable-size copy.
inline uint64_t hash_word(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x243F6A8885A308D3ull ^ (n * kMul);
  auto mix = [&](uint64_t v) {
    h = (h ^ v) * kMul;
    h ^= h >> 29;
  };
  if (n >= 8) {
    size_t i = 0;
    for (; i + 8 < n; i += 8) {
      uint64_t v;
      std::memcpy(&v, p + i, 8);
      mix(v);
    }
    uint64_t v;
    std::memcpy(&v, p + n - 8, 8);
    mix(v);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    mix(a | (static_cast<uint64_t>(b) << 32));
  } else if (n > 0) {
    mix(static_cast<uint64_t>(static_cast<unsigned char>(p[0])) |
        static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
        static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
  }
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  return h;
}

// Word -> known, open addressing with linear probing over 8-byte slots (a
// 32-bit tag of the hash and a reference into an arena holding the words'
// bytes), so a look-up touches one slot and one short run of bytes, and an
// insertion allocates only when a buffer grows.
class WordTable {
 public:
  static constexpr size_t kMaxWord = 511;  // longer words are not cached

  // -1 = not in the table, 0 = unknown word, 1 = known word.
  int find(std::string_view w, uint64_t h) const {
    if (slots_.empty()) return -1;
    uint32_t tag = tag_of(h);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.tag == 0) return -1;
      if (s.tag == tag && len_of(s) == w.size() && same_bytes(arena_.data() + off_of(s), w))
        return static_cast<int>(s.ref & 1);
    }
  }

  void put(std::string_view w, uint64_t h, bool ok) {
    if (w.size() > kMaxWord) return;
    if (arena_.size() + w.size() > kMaxArena) clear();
    if (used_ + 1 > slots_.size() / 2) grow();
    uint32_t tag = tag_of(h);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.tag == 0) {
        s.tag = tag;
        s.ref = ref_of(static_cast<uint32_t>(arena_.size()), w.size(), ok);
        arena_.append(w);
        ++used_;
        return;
      }
      if (s.tag == tag && len_of(s) == w.size() && same_bytes(arena_.data() + off_of(s), w)) {
        s.ref = ref_of(off_of(s), w.size(), ok);
        return;
      }
    }
  }

  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    arena_.clear();
    used_ = 0;
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // high half of the hash, never 0 when used
    uint32_t ref = 0;  // offset << 10 | length << 1 | known
  };
  static constexpr size_t kMaxArena = 4u << 20;  // 22 bits of offset; a bound against hostile input

  static uint32_t tag_of(uint64_t h) { return static_cast<uint32_t>(h >> 32) | 1u; }
  static uint32_t ref_of(uint32_t off, size_t len, bool ok) {
    return off << 10 | static_cast<uint32_t>(len) << 1 | (ok ? 1u : 0u);
  }
  static uint32_t off_of(const Slot& s) { return s.ref >> 10; }
  static size_t len_of(const Slot& s) { return (s.ref >> 1) & 0x1FF; }

  // Short keys: an inline loop beats a call to memcmp.
  static bool same_bytes(const char* a, std::string_view w) {
    for (size_t i = 0; i < w.size(); ++i)
      if (a[i] != w[i]) return false;
    return true;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 2048 : old.size() * 2, Slot{});
    size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.tag == 0) continue;
      uint64_t h = hash_word(std::string_view(arena_.data() + off_of(s), len_of(s)));
      size_t i = h & mask;
      while (slots_[i].tag != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  size_t used_ = 0;
};

std::atomic<uint64_t> g_next_speller_id{1};

// The per-thread caches, one per speller the thread has used lately (a
// folder whose configs name different languages has several spellers).
struct ThreadCaches {
  struct Slot {
    uint64_t owner = 0;
    uint64_t last_use = 0;
    WordTable table;
  };
  std::array<Slot, 3> slots;
  uint64_t tick = 0;
  Slot* last = nullptr;  // the slot used last: nearly always the one wanted

  WordTable& of(uint64_t owner) {
    if (last && last->owner == owner) return last->table;
    ++tick;
    Slot* victim = &slots[0];
    for (Slot& s : slots) {
      if (s.owner == owner) {
        s.last_use = tick;
        last = &s;
        return s.table;
      }
      if (s.last_use < victim->last_use) victim = &s;
    }
    victim->owner = owner;
    victim->last_use = tick;
    victim->table.clear();
    last = victim;
    return victim->table;
  }
};

// One Hunspell handle and how to talk to it in its encoding.
class Dict {
 public:
  Dict(const std::string& aff, const std::string& dic) : h_(aff.c_str(), dic.c_str()) {
    const char* enc = h_.get_dic_encoding();
    std::string e = text::ascii_lower(enc ? enc : "UTF-8");
    utf8_ = e == "utf-8" || e == "utf8";
    if (!utf8_) encoding_ = enc;
  }

  bool spell(std::string_view utf8_word) {
    std::string w;
    if (!to_dict(utf8_word, w)) return false;
    std::lock_guard lock(mu_);
    return h_.spell(w);
  }

  std::vector<std::string> suggest(std::string_view utf8_word) {
    std::string w;
    if (!to_dict(utf8_word, w)) return {};
    std::vector<std::string> s;
    {
      std::lock_guard lock(mu_);
      s = h_.suggest(w);
    }
    if (!utf8_)
      for (auto& x : s) x = convert(x, encoding_.c_str(), "UTF-8");
    return s;
  }

  void add(std::string_view utf8_word) {
    std::string w;
    if (!to_dict(utf8_word, w)) return;
    std::lock_guard lock(mu_);
    h_.add(w);
  }

 private:
  bool to_dict(std::string_view in, std::string& out) const {
    if (utf8_) {
      out.assign(in);
      return true;
    }
    out = convert(in, "UTF-8", encoding_.c_str());
    return !out.empty();
  }

  // "" when the text cannot be converted.
  static std::string convert(std::string_view in, const char* from, const char* to) {
    UErrorCode err = U_ZERO_ERROR;
    std::string out(in.size() * 4 + 8, '\0');
    int32_t n = ucnv_convert(to, from, out.data(), static_cast<int32_t>(out.size()), in.data(),
                             static_cast<int32_t>(in.size()), &err);
    if (U_FAILURE(err) || n < 0) return "";
    out.resize(static_cast<size_t>(n));
    return out;
  }

  std::mutex mu_;
  Hunspell h_;
  bool utf8_ = true;
  std::string encoding_;
};

// Curly apostrophes straightened (Hunspell's ICONV does it for en_*, not for
// every dictionary).
std::string_view straighten(std::string_view w, std::string& buf) {
  if (w.find("\xE2\x80\x99") == std::string_view::npos) return w;
  buf.clear();
  for (size_t i = 0; i < w.size(); ++i) {
    if (w.compare(i, 3, "\xE2\x80\x99") == 0) {
      buf += '\'';
      i += 2;
    } else {
      buf += w[i];
    }
  }
  return buf;
}

class HunspellSpeller final : public Speller {
 public:
  explicit HunspellSpeller(const std::vector<std::string>& languages) {
    std::vector<std::string> langs = languages;
    if (langs.empty()) langs.push_back("en_US");
    for (const std::string& l : langs) {
      auto paths = find_dictionary(l);
      if (!paths) {
        std::string pkg = l.size() >= 2 ? l.substr(0, 2) : l;
        throw std::runtime_error("no Hunspell dictionary for '" + l + "' (looked for " + l +
                                 ".aff/.dic in $FULINT_DICT_PATH, /usr/share/hunspell and /usr/share/myspell; "
                                 "install hunspell-" + pkg + " or set FULINT_DICT_PATH)");
      }
      dicts_.push_back(std::make_unique<Dict>(paths->first, paths->second));
    }
    for (const auto& f : embedded::phrase_files())
      if (f.name == "spelling-words") load_words(f.content);
  }

  bool known(std::string_view word) const override {
    uint64_t h = hash_word(word);
    thread_local ThreadCaches tl;
    WordTable& l1 = tl.of(id_);
    int r = l1.find(word, h);
    if (r >= 0) return r == 1;
    bool ok = known_slow(word, h);
    l1.put(word, h, ok);
    return ok;
  }

  std::vector<std::string> suggest(std::string_view word, size_t max) const override {
    std::vector<std::string> out;
    if (max == 0) return out;
    std::string buf;
    std::string_view w = straighten(word, buf);
    // A supplementary word written with other capitals ("Linkedin") first.
    std::pair<std::string, std::string> key{text::fold(w), ""};
    auto it = std::lower_bound(extra_folded_.begin(), extra_folded_.end(), key);
    for (; it != extra_folded_.end() && it->first == key.first; ++it)
      if (it->second != w) out.push_back(it->second);
    for (const auto& d : dicts_) {
      for (auto& x : d->suggest(w)) {
        if (out.size() >= max) return out;
        if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(std::move(x));
      }
    }
    if (out.size() > max) out.resize(max);
    return out;
  }

 private:
  static constexpr size_t kShards = 32;

  // Not in this thread's cache: the shared cache, else Hunspell.
  [[gnu::noinline]] bool known_slow(std::string_view word, uint64_t h) const {
    Shard& sh = shards_[(h >> 40) % kShards];
    int r;
    {
      std::lock_guard lock(sh.mu);
      r = sh.table.find(word, h);
    }
    if (r >= 0) return r == 1;
    bool ok = ask_hunspell(word);
    std::lock_guard lock(sh.mu);
    sh.table.put(word, h, ok);
    return ok;
  }

  bool ask_hunspell(std::string_view word) const {
    std::string buf;
    std::string_view w = straighten(word, buf);
    for (const auto& d : dicts_)
      if (d->spell(w)) return true;
    return false;
  }

  // The supplementary words join every dictionary's run-time word list, so
  // Hunspell applies its own case rules to them ("onboarding" accepts
  // "Onboarding", "LinkedIn" does not accept "Linkedin") and suggests them.
  void load_words(std::string_view content) {
    size_t p = 0;
    while (p < content.size()) {
      size_t e = content.find('\n', p);
      if (e == std::string_view::npos) e = content.size();
      std::string_view w = text::trim(content.substr(p, e - p));
      p = e + 1;
      if (w.empty() || w[0] == '#') continue;
      for (const auto& d : dicts_) d->add(w);
      extra_folded_.emplace_back(text::fold(w), std::string(w));
    }
    std::sort(extra_folded_.begin(), extra_folded_.end());
  }

  struct Shard {
    std::mutex mu;
    WordTable table;
  };
  std::vector<std::unique_ptr<Dict>> dicts_;
  mutable std::array<Shard, kShards> shards_;
  std::vector<std::pair<std::string, std::string>> extra_folded_;  // (folded, as written), sorted
  const uint64_t id_ = g_next_speller_id.fetch_add(1);
};

}  // namespace

std::shared_ptr<const Speller> load_speller(const std::vector<std::string>& languages) {
  return std::make_shared<HunspellSpeller>(languages);
}

bool needs_speller(const Config& cfg) {
  for (std::string_view id : {"spelling", "name-consistency"}) {
    int idx = rule_index(id);
    if (idx >= 0 && cfg.settings(static_cast<size_t>(idx)).enabled) return true;
  }
  return false;
}

SpellerCache& SpellerCache::instance() {
  // Never destroyed: tearing Hunspell down at exit only costs time, and the
  // process is ending.
  static SpellerCache* c = new SpellerCache;
  return *c;
}

const Speller* SpellerCache::get(const Config& cfg, std::string& err) {
  if (!needs_speller(cfg)) return nullptr;
  std::string key;
  for (const auto& l : cfg.languages) key += l + ",";
  std::lock_guard lock(mu_);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    std::shared_ptr<const Speller> sp;
    std::string e;
    try {
      sp = load_speller(cfg.languages);
    } catch (const std::exception& ex) {
      e = ex.what();
    }
    it = cache_.emplace(key, std::make_pair(std::move(sp), std::move(e))).first;
  }
  if (!it->second.second.empty()) err = it->second.second;
  return it->second.first.get();
}

}  // namespace fulint
