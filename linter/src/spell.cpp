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

template <typename T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// A word as the caches compare it: its length and its first and last eight
// bytes (overlapping when shorter), read in whole 8-, 4- or 1-byte loads
// rather than a variable-size copy. For a word of up to 16 bytes (nearly
// every word) that is all of it, so a look-up compares two numbers; a longer
// word is also compared byte for byte.
struct WordKey {
  static constexpr size_t kPacked = 16;

  explicit WordKey(std::string_view w) : size(static_cast<uint32_t>(std::min<size_t>(w.size(), UINT32_MAX))) {
    const char* p = w.data();
    size_t n = w.size();
    if (n >= 8) {
      head = load<uint64_t>(p);
      tail = load<uint64_t>(p + n - 8);
    } else if (n >= 4) {
      head = load<uint32_t>(p) | static_cast<uint64_t>(load<uint32_t>(p + n - 4)) << 32;
    } else if (n > 0) {
      head = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) |
             static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
             static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    hash = hash_of(head, tail, n, p);
  }

  // The hash of a word from its key; a word longer than 32 bytes also mixes
  // in its middle (`p` points at its bytes), so that long words alike at both
  // ends do not all land in one chain.
  static uint64_t hash_of(uint64_t head, uint64_t tail, size_t n, const char* p) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = ((head ^ n) * kMul ^ tail) * 0xBF58476D1CE4E5B9ull;
    if (n > 2 * kPacked)
      for (size_t i = 8; i + 16 <= n; i += 8) h = (h ^ (h >> 29) ^ load<uint64_t>(p + i)) * kMul;
    return h ^ (h >> 32);
  }

  uint64_t head = 0, tail = 0;
  uint32_t size;
  uint64_t hash;
};

// Word -> known, open addressing with linear probing. A slot holds the
// word's key, so a look-up touches one slot (and, for a word longer than 16
// bytes, its copy in an arena); an insertion allocates only when a buffer
// grows.
class WordTable {
 public:
  static constexpr size_t kMaxWord = 511;  // longer words are not cached

  WordTable() = default;
  WordTable(const WordTable&) = delete;
  WordTable& operator=(const WordTable&) = delete;

  // -1 = not in the table, 0 = unknown word, 1 = known word.
  int find(std::string_view w, const WordKey& k) const {
    if (k.size <= WordKey::kPacked) return find_packed(k);
    for (size_t i = k.hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.meta == 0) return -1;
      if (same(s, w, k)) return static_cast<int>(s.meta & 1);
    }
  }

  // find() for a word of up to 16 bytes, which its key holds whole.
  int find_packed(const WordKey& k) const {
    uint32_t meta = meta_of(k.size, false);
    for (size_t i = k.hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.meta == 0) return -1;
      if (s.head == k.head && s.tail == k.tail && (s.meta & ~1u) == meta) return static_cast<int>(s.meta & 1);
    }
  }

  void put(std::string_view w, const WordKey& k, bool ok) {
    if (w.size() > kMaxWord) return;
    bool in_arena = w.size() > WordKey::kPacked;
    if (in_arena && arena_.size() + w.size() > kMaxArena) clear();
    if (used_ + 1 > storage_.size() / 2) grow();
    for (size_t i = k.hash & mask_;; i = (i + 1) & mask_) {
      Slot& s = storage_[i];
      if (s.meta == 0) {
        s = Slot{k.head, k.tail, meta_of(k.size, ok), in_arena ? static_cast<uint32_t>(arena_.size()) : 0};
        if (in_arena) arena_.append(w);
        ++used_;
        return;
      }
      if (same(s, w, k)) {
        s.meta = meta_of(k.size, ok);
        return;
      }
    }
  }

  void clear() {
    std::fill(storage_.begin(), storage_.end(), Slot{});
    arena_.clear();
    used_ = 0;
  }

 private:
  struct Slot {
    uint64_t head = 0, tail = 0;  // as in WordKey
    uint32_t meta = 0;            // size << 2 | 2 (used) | known; 0 = empty
    uint32_t off = 0;             // where the arena holds a word longer than 16 bytes
  };
  static constexpr size_t kMaxArena = 4u << 20;  // a bound against hostile input

  static uint32_t meta_of(uint32_t size, bool ok) { return size << 2 | 2u | (ok ? 1u : 0u); }

  bool same(const Slot& s, std::string_view w, const WordKey& k) const {
    return s.head == k.head && s.tail == k.tail && (s.meta >> 2) == k.size &&
           (k.size <= WordKey::kPacked || same_long(s, w));
  }
  bool same_long(const Slot& s, std::string_view w) const {
    return std::memcmp(arena_.data() + s.off, w.data(), w.size()) == 0;
  }

  void grow() {
    std::vector<Slot> old = std::move(storage_);
    storage_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    slots_ = storage_.data();
    mask_ = storage_.size() - 1;
    for (const Slot& s : old) {
      if (s.meta == 0) continue;
      size_t i = WordKey::hash_of(s.head, s.tail, s.meta >> 2, arena_.data() + s.off) & mask_;
      while (storage_[i].meta != 0) i = (i + 1) & mask_;
      storage_[i] = s;
    }
  }

  // find() reads slots_ and mask_ only: before the first insertion they are
  // one empty slot, so a look-up needs no test for an empty table.
  static constexpr Slot kNoSlots[1] = {{0, 0, 0, 0}};
  std::vector<Slot> storage_;
  const Slot* slots_ = kNoSlots;  // storage_.data() once there is storage
  size_t mask_ = 0;
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

// The calling thread's caches, created by its first look-up. The hot path
// reads a plain pointer: a thread_local object with a constructor would cost
// an initialisation check, and a call, on every look-up.
thread_local ThreadCaches* t_caches = nullptr;

ThreadCaches& thread_caches() {
  if (!t_caches) {
    thread_local std::unique_ptr<ThreadCaches> owner = std::make_unique<ThreadCaches>();  // freed at thread exit
    t_caches = owner.get();
  }
  return *t_caches;
}

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

  // The hot path calls nothing but the tail call for a miss, so it needs no
  // registers saved: a word of up to 16 bytes found in this thread's cache of
  // the speller it used last. Everything else is known_miss's.
  bool known(std::string_view word) const override {
    const ThreadCaches* caches = t_caches;
    if (caches && caches->last && caches->last->owner == id_ && word.size() <= WordKey::kPacked) {
      int r = caches->last->table.find_packed(WordKey(word));
      if (r >= 0) return r == 1;
    }
    return known_miss(word);
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

  // The first look-up of a thread or of another speller than its last, or a
  // word not in the thread's cache: asks known_slow and keeps the answer.
  [[gnu::noinline]] bool known_miss(std::string_view word) const {
    WordTable& l1 = thread_caches().of(id_);
    WordKey key(word);
    int r = l1.find(word, key);
    if (r >= 0) return r == 1;
    bool ok = known_slow(word, key);
    l1.put(word, key, ok);
    return ok;
  }

  // Not in this thread's cache: the shared cache, else Hunspell.
  bool known_slow(std::string_view word, const WordKey& key) const {
    Shard& sh = shards_[(key.hash >> 40) % kShards];
    int r;
    {
      std::lock_guard lock(sh.mu);
      r = sh.table.find(word, key);
    }
    if (r >= 0) return r == 1;
    bool ok = ask_hunspell(word);
    std::lock_guard lock(sh.mu);
    sh.table.put(word, key, ok);
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
