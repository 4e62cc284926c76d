#include "fulint/phrases.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <map>
#include <mutex>
#include <stdexcept>

#include "embedded.hpp"
#include "fulint/document.hpp"
#include "fulint/text.hpp"

// How a draft is matched against every family at once:
//
// 1. At compile time each phrase yields the set of literal texts its matches
//    begin with, folded to lower case: every spelling of its alternations
//    ("the role is", "this job is", ...) when the phrase is plain text with
//    alternations and optional parts, or a shorter beginning ("look" for
//    "look\S+ forward"). These go into one minimal automaton for all
//    families (a trie whose shared endings are merged).
// 2. A scan walks the author's text once. At each place where a match may
//    start (the start of a word, or a punctuation mark), the automaton reads
//    the text as far as any phrase goes. A phrase read to its end is a match
//    with no regex; for the others only their family's regex runs, anchored
//    at that place, leftmost-longest. Most places start no phrase at all.
// 3. When several phrases of a family could have produced a match, each one's
//    own regex (compiled on first use) tells which did.
//
// So the cost grows with the words of a draft and the phrases that really
// start in it, not with the number of families or phrases.

namespace fulint {

struct PhraseBook::Impl {
  struct Family {
    std::string name;
    std::vector<Phrase> phrases;
    std::string pattern;           // the phrases that need a regex, leftmost-longest
    std::vector<uint32_t> lines;   // each phrase's line in its file
    std::unique_ptr<std::once_flag> once = std::make_unique<std::once_flag>();
    mutable std::unique_ptr<RE2> any;  // pattern, compiled on first use
    struct Lazy {
      std::once_flag once;
      mutable std::unique_ptr<RE2> re;
    };
    std::vector<std::unique_ptr<Lazy>> one;  // a regex a phrase, compiled on first use
  };
  std::vector<Family> families;
  std::map<std::string, PhraseFamilyId, std::less<>> by_name;

  // The start index: a minimal acyclic automaton over the phrases' literal
  // beginnings (folded to lower case), entries on the states where one ends.
  struct Entry {
    PhraseFamilyId family;
    uint32_t phrase;
    bool word_end;  // the prefix is a whole word: what follows it is no letter or digit
    bool whole;     // the prefix is a whole match of the phrase
    bool operator==(const Entry&) const = default;
  };
  // The automaton reads symbols: letters are 0-25, the other bytes the keys
  // use follow (at most 64 in all; see AutomatonBuilder).
  static constexpr uint8_t kNone = 0xFF;
  std::array<uint8_t, 128> symbol;  // by ASCII byte, kNone when no key uses it
  // What the scan reads for a byte of the text: the symbol of its folded
  // form (upper case as lower, ’ ... as '), kSpaceBit | the symbol of ' ' for
  // white space (a run reads as one), kCurly for the first byte of ’, kNone.
  static constexpr uint8_t kSpaceBit = 0x40, kCurly = 0xFE;
  std::array<uint8_t, 256> reads;
  // A state as a transition leads to it: one bit per symbol it has a
  // transition for, and where its targets start in `arcs` (in symbol order).
  // A transition holds its target's State, so a step is one memory read.
  struct State {
    uint64_t mask = 0;
    uint32_t kids = 0;
    uint32_t id = 0;  // the state's number, | kHasEntries when phrases end there
  };
  static constexpr uint32_t kHasEntries = 0x80000000u;
  State start;  // no transition leads back to it
  std::vector<State> arcs;
  std::vector<uint32_t> entry_at;  // by state number: its entries run to the next state's
  std::vector<Entry> entries;

  // The state after reading symbol `sym` (< 64) from `s`, null when none.
  const State* step(const State& s, uint8_t sym) const {
    const uint64_t bit = uint64_t{1} << sym;
    if (!(s.mask & bit)) return nullptr;
    return &arcs[s.kids + std::popcount(s.mask & (bit - 1))];
  }

  const RE2& phrase_re(PhraseFamilyId f, uint32_t p) const;
  const RE2& family_re(PhraseFamilyId f) const;
  void find(std::string_view whole, Span range, const std::vector<Word>* words, PhraseFamilyId only,
            std::vector<std::vector<PhraseMatch>>& out, std::vector<uint32_t>& next_free) const;
};

PhraseBook::PhraseBook() : impl_(std::make_unique<Impl>()) {}
PhraseBook::~PhraseBook() = default;

namespace {

RE2::Options re_options() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

// Whether the \b at p[i] is at either end of the phrase, where the engine's
// own word-boundary check stands for it (to_regex drops it; the index reads
// past it).
bool edge_boundary(std::string_view p, size_t i) {
  return i + 1 < p.size() && p[i] == '\\' && p[i + 1] == 'b' && (i == 0 || i + 2 == p.size());
}

// A phrase as written -> an RE2 fragment: spaces match any white space, an
// apostrophe matches a straight or curly one. The engine checks Unicode word
// boundaries itself (and retries shorter matches), so \b is dropped: it would
// only slow RE2's DFA.
std::string to_regex(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 16);
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == ' ') {
      while (i + 1 < p.size() && p[i + 1] == ' ') ++i;
      // "rock ?star": an optional space is any white space or none.
      if (i + 1 < p.size() && (p[i + 1] == '?' || p[i + 1] == '*')) {
        ++i;
        out += "\\s*";
      } else {
        out += "\\s+";
      }
    } else if (c == '\'') {
      out += "['\xE2\x80\x99]";
    } else if (c == '\\' && i + 1 < p.size()) {
      if (edge_boundary(p, i)) {
        ++i;
        continue;
      }
      out += c;
      out += p[++i];
    } else {
      out += c;
    }
  }
  return out;
}

inline bool ascii_alnum(unsigned char c) { return (text::kAsciiClass[c] & text::kAsciiAlnum) != 0; }
// RE2's \s: the characters a space in a phrase matches.
constexpr bool is_re2_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// RE2's \s by byte, for the scan's inner loop (other bytes are never set).
constexpr std::array<bool, 256> kSpace = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = is_re2_space(static_cast<unsigned char>(c));
  return t;
}();
// The index's key for an ASCII byte: lower case, and ' ' for any white space.
constexpr std::array<unsigned char, 128> kFold = [] {
  std::array<unsigned char, 128> t{};
  for (int c = 0; c < 128; ++c)
    t[c] = is_re2_space(static_cast<unsigned char>(c)) ? ' ' : (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c | 0x20) : static_cast<unsigned char>(c);
  return t;
}();

bool alnum_before(std::string_view s, size_t i) {
  if (i == 0) return false;
  unsigned char c = static_cast<unsigned char>(s[i - 1]);
  if (c < 0x80) return ascii_alnum(c);
  size_t len;
  return text::is_alnum(text::decode_before(s, i, len));
}

bool alnum_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return ascii_alnum(c);
  size_t len;
  return text::is_alnum(text::decode(s, i, len));
}

// The literal beginnings of a phrase's matches, read from the phrase's source
// (RE2 syntax, before to_regex). Each item is a text every match of one branch
// starts with; `open` items are the whole match of the piece read so far (what
// follows extends them), closed ones stop there. word_end: a closed item is
// followed by no letter or digit (a space or an apostrophe came next, or the
// phrase ended after a letter). An empty closed item means "no literal
// prefix". The analysis may give up early (an item closes sooner); that only
// makes the index try a family in more places, never fewer.
class PrefixReader {
 public:
  struct Item {
    std::string s;
    bool open;
    bool word_end;
    bool whole = false;  // s is a whole match of the phrase (set by read)
  };
  using Items = std::vector<Item>;

  explicit PrefixReader(std::string_view p) : p_(p) {}

  Items read() {
    Items all = alternation();
    // Items still open at the end spell out a whole match; the index then
    // settles it without the regex, unless the phrase uses syntax whose
    // meaning the index does not keep.
    bool plain = is_plain(p_);
    for (Item& it : all)
      if (it.open) {
        it.open = false;
        it.word_end = !it.s.empty() && ascii_alnum(static_cast<unsigned char>(it.s.back()));
        it.whole = plain && !it.s.empty();
      }
    std::sort(all.begin(), all.end(), [](const Item& a, const Item& b) {
      return a.s != b.s ? a.s < b.s : a.word_end != b.word_end ? a.word_end < b.word_end : a.whole < b.whole;
    });
    // "look" without word_end covers "look" with it and every longer item
    // starting with "look"; in sorted order those follow it directly.
    Items out;
    std::string cover;
    bool covering = false;
    for (Item& it : all) {
      if (covering && it.s.compare(0, cover.size(), cover) == 0) continue;
      if (!out.empty() && out.back().s == it.s) continue;
      if (!it.word_end) {
        cover = it.s;
        covering = true;
      }
      out.push_back(std::move(it));
    }
    return out;
  }

 private:
  static constexpr size_t kMaxItems = 2048;
  std::string_view p_;
  size_t i_ = 0;

  static Items closed() { return {{"", false, false}}; }

  // Whether the index keeps every meaning of a pattern's syntax: no escapes
  // but a \b at either end (to_regex drops those; the scan checks word
  // boundaries itself), no inline flags such as (?-i:) or (?i), no anchors.
  static bool is_plain(std::string_view p) {
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] == '\\') {
        if (!edge_boundary(p, i)) return false;
        ++i;
        continue;
      }
      if (p[i] == '^' || p[i] == '$') return false;
      if (p[i] == '(' && i + 1 < p.size() && p[i + 1] == '?' && (i + 2 >= p.size() || p[i + 2] != ':')) return false;
    }
    return true;
  }
  static Items empty_open() { return {{"", true, false}}; }

  Items alternation() {
    Items all = sequence();
    while (i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      Items more = sequence();
      all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return all;
  }

  Items sequence() {
    Items acc = empty_open();
    while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      Items next = piece();
      Items joined;
      bool too_many = false;
      for (const Item& a : acc) {
        if (!a.open) {
          joined.push_back(a);
          continue;
        }
        for (const Item& b : next) joined.push_back({a.s + b.s, b.open, b.word_end});
        if (joined.size() > kMaxItems) {
          too_many = true;
          break;
        }
      }
      if (too_many) {
        // Too many combinations: extend each open item by the first few
        // characters of the next piece only, and stop there.
        size_t opens = 0;
        for (const Item& x : acc) opens += x.open;
        Items cut;
        for (size_t keep = 5; keep > 0; --keep) {
          Items heads;  // the next piece's items cut to `keep` characters, once each
          for (const Item& y : next) heads.push_back({y.s.substr(0, keep), false, y.s.size() <= keep && !y.open && y.word_end});
          std::sort(heads.begin(), heads.end(), [](const Item& x, const Item& y) {
            return x.s != y.s ? x.s < y.s : x.word_end < y.word_end;
          });
          heads.erase(std::unique(heads.begin(), heads.end(), [](const Item& x, const Item& y) { return x.s == y.s; }),
                      heads.end());
          if (opens * heads.size() > kMaxItems && keep > 1) continue;
          for (const Item& x : acc) {
            if (!x.open) cut.push_back(x);
            else if (opens * heads.size() > kMaxItems) cut.push_back({x.s, false, false});
            else
              for (const Item& y : heads) cut.push_back({x.s + y.s, false, y.word_end});
          }
          break;
        }
        // keep consuming the sequence without extending
        while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') piece();
        return cut;
      }
      acc = std::move(joined);
    }
    return acc;
  }

  Items piece() {
    Items a = atom();
    if (i_ >= p_.size()) return a;
    char q = p_[i_];
    auto close_all = [](Items items) {
      for (Item& it : items)
        if (it.open) it = {it.s, false, false};
      return items;
    };
    if (q == '?') {
      ++i_;
      a.push_back({"", true, false});
    } else if (q == '*') {
      ++i_;
      a = closed();
    } else if (q == '+') {
      ++i_;
      a = close_all(std::move(a));
    } else if (q == '{') {
      size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return a;
      std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
      i_ = close + 1;
      a = (body.empty() || body[0] == '0' || body[0] == ',') ? closed() : close_all(std::move(a));
    } else {
      return a;
    }
    if (i_ < p_.size() && p_[i_] == '?') ++i_;  // lazy
    return a;
  }

  Items atom() {
    unsigned char c = static_cast<unsigned char>(p_[i_]);
    if (c == '(') {
      ++i_;
      if (i_ < p_.size() && p_[i_] == '?') {  // (?:…), (?i:…), (?-i:…), (?i)
        size_t j = i_ + 1;
        while (j < p_.size() && (std::isalpha(static_cast<unsigned char>(p_[j])) || p_[j] == '-')) ++j;
        if (j < p_.size() && p_[j] == ')') {
          i_ = j + 1;
          return empty_open();
        }
        if (j >= p_.size() || p_[j] != ':') {  // named groups and the like: no prefix
          skip_group();
          return closed();
        }
        i_ = j + 1;
      }
      Items inner = alternation();
      if (i_ < p_.size() && p_[i_] == ')') ++i_;
      return inner;
    }
    if (c == '[') {
      // A class of a few letters, digits or , ' (organi[sz]ed) is read as
      // their alternation; any other class ends the literal text.
      size_t close = p_.find(']', i_ + 1);
      if (close != std::string_view::npos && close > i_ + 1) {
        std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
        if (std::all_of(body.begin(), body.end(), [](char x) { return ascii_alnum(static_cast<unsigned char>(x)) || x == ',' || x == '\''; })) {
          Items out;
          for (char x : body) {
            std::string one(1, static_cast<char>(kFold[static_cast<unsigned char>(x)]));
            if (std::none_of(out.begin(), out.end(), [&](const Item& it) { return it.s == one; })) out.push_back({one, true, false});
          }
          i_ = close + 1;
          return out;
        }
      }
      ++i_;
      if (i_ < p_.size() && p_[i_] == '^') ++i_;
      if (i_ < p_.size() && p_[i_] == ']') ++i_;
      while (i_ < p_.size() && p_[i_] != ']') i_ += (p_[i_] == '\\') ? 2 : 1;
      ++i_;
      return closed();
    }
    if (c == '\\') {
      if (i_ + 1 >= p_.size()) {
        ++i_;
        return closed();
      }
      unsigned char e = static_cast<unsigned char>(p_[i_ + 1]);
      i_ += 2;
      if (e == 'b') return empty_open();
      if (e < 0x80 && !ascii_alnum(e)) return {{std::string(1, static_cast<char>(e)), true, false}};
      if (e == 'p' || e == 'P') {  // \pL or \p{…}
        if (i_ < p_.size() && p_[i_] == '{') {
          size_t close = p_.find('}', i_);
          i_ = close == std::string_view::npos ? p_.size() : close + 1;
        } else if (i_ < p_.size()) {
          ++i_;
        }
      }
      return closed();
    }
    if (c == ' ') {  // any run of white space; the text walk reads one as a single space
      while (i_ < p_.size() && p_[i_] == ' ') ++i_;
      return {{" ", true, false}};
    }
    if (c == '\'') {  // either apostrophe; the text walk reads ’ as '
      ++i_;
      return {{"'", true, false}};
    }
    if (c == '.' || c == '^' || c == '$') {
      ++i_;
      return c == '.' ? closed() : empty_open();
    }
    if (c >= 0x80) {  // a non-ASCII character: the index keys on ASCII only
      size_t len;
      text::decode(p_, i_, len);
      i_ += len;
      return closed();
    }
    ++i_;
    return {{std::string(1, static_cast<char>(kFold[c])), true, false}};
  }

  void skip_group() {
    int depth = 1;
    while (i_ < p_.size() && depth > 0) {
      if (p_[i_] == '\\') {
        i_ += 2;
        continue;
      }
      if (p_[i_] == '(') ++depth;
      if (p_[i_] == ')') --depth;
      ++i_;
    }
  }
};

// Builds the minimal automaton of every phrase's prefixes from the sorted
// keys, one key at a time (Daciuk et al., "Incremental construction of
// minimal acyclic finite-state automata", 2000). The states along the last
// key are still open; once a key is past, the states only it reached are
// settled, deepest first: replaced by an equal settled state when there is
// one (the same entries and the same transitions), kept otherwise. Spelled-out
// alternations ("(the|this) (role|job) is") share their endings this way.
class AutomatonBuilder {
 public:
  using Entry = PhraseBook::Impl::Entry;

  void add(std::string key, Entry e) { keys_.push_back({std::move(key), e}); }

  void build(PhraseBook::Impl& im) {
    assign_symbols(im);
    std::vector<uint32_t> order(keys_.size());
    for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      const Key& a = keys_[x];
      const Key& b = keys_[y];
      if (int c = a.s.compare(b.s); c != 0) return c < 0;
      if (a.e.family != b.e.family) return a.e.family < b.e.family;
      if (a.e.phrase != b.e.phrase) return a.e.phrase < b.e.phrase;
      return std::pair(a.e.word_end, a.e.whole) < std::pair(b.e.word_end, b.e.whole);
    });
    open_.assign(1, {});  // the start state
    std::string_view prev;
    for (uint32_t k : order) {
      const Key& key = keys_[k];
      size_t common = 0;
      while (common < prev.size() && common < key.s.size() && prev[common] == key.s[common]) ++common;
      for (size_t d = prev.size(); d > common; --d) open_[d - 1].edges.back().second = settle(open_[d]);
      if (open_.size() < key.s.size() + 1) open_.resize(key.s.size() + 1);
      for (size_t d = common; d < key.s.size(); ++d) {
        open_[d].edges.push_back({static_cast<uint8_t>(key.s[d]), 0});  // the target is settled later
        open_[d + 1].edges.clear();
        open_[d + 1].entries.clear();
      }
      auto& at = open_[key.s.size()].entries;
      if (at.empty() || !(at.back() == key.e)) at.push_back(key.e);
      prev = key.s;
    }
    for (size_t d = prev.size(); d > 0; --d) open_[d - 1].edges.back().second = settle(open_[d]);
    uint32_t start = settle(open_[0]);
    flatten(im, start);
  }

 private:
  struct Key {
    std::string s;  // in symbols
    Entry e;
  };
  struct Open {
    std::vector<std::pair<uint8_t, uint32_t>> edges;  // symbol -> settled state, in symbol order
    std::vector<Entry> entries;
  };
  struct Settled {
    uint32_t edges_begin, edges_end, entries_begin, entries_end;
    uint64_t hash;
  };
  std::vector<Key> keys_;
  std::vector<Open> open_;  // by depth, along the last key
  std::vector<Settled> settled_;
  std::vector<std::pair<uint8_t, uint32_t>> edges_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> table_;  // open addressing: settled state + 1, 0 = empty

  // Letters get symbols 0-25, then the other bytes by how many keys use them.
  // A key is cut before a byte left without a symbol (there are at most 64):
  // it no longer spells out its whole match and stops being a whole word.
  void assign_symbols(PhraseBook::Impl& im) {
    std::array<size_t, 128> uses{};
    for (const Key& k : keys_)
      for (char c : k.s) ++uses[static_cast<unsigned char>(c) & 127];
    im.symbol.fill(PhraseBook::Impl::kNone);
    uint8_t next = 0;
    for (int c = 'a'; c <= 'z'; ++c) im.symbol[c] = next++;
    std::vector<int> rest;
    for (int c = 0; c < 128; ++c)
      if (uses[c] && im.symbol[c] == PhraseBook::Impl::kNone) rest.push_back(c);
    std::stable_sort(rest.begin(), rest.end(), [&](int a, int b) { return uses[a] > uses[b]; });
    for (int c : rest)
      if (next < 64) im.symbol[c] = next++;
    im.reads.fill(PhraseBook::Impl::kNone);
    for (int c = 0; c < 128; ++c) {
      uint8_t sym = im.symbol[kFold[c]];
      if (sym != PhraseBook::Impl::kNone && kFold[c] == ' ') sym |= PhraseBook::Impl::kSpaceBit;
      im.reads[c] = sym;
    }
    if (im.symbol['\''] != PhraseBook::Impl::kNone) im.reads[0xE2] = PhraseBook::Impl::kCurly;
    for (Key& k : keys_) {
      for (size_t i = 0; i < k.s.size(); ++i) {
        uint8_t sym = im.symbol[static_cast<unsigned char>(k.s[i]) & 127];
        if (sym == PhraseBook::Impl::kNone) {
          k.s.resize(i);
          k.e.word_end = false;
          k.e.whole = false;
          break;
        }
        k.s[i] = static_cast<char>(sym);
      }
    }
  }

  static uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x9E3779B97F4A7C15ull; }

  bool same(const Settled& a, const Open& b) const {
    if (a.edges_end - a.edges_begin != b.edges.size() || a.entries_end - a.entries_begin != b.entries.size()) return false;
    return std::equal(b.edges.begin(), b.edges.end(), edges_.begin() + a.edges_begin) &&
           std::equal(b.entries.begin(), b.entries.end(), entries_.begin() + a.entries_begin);
  }

  // The settled state equal to `st`, made if there is none yet.
  uint32_t settle(const Open& st) {
    uint64_t h = 0x51ED;
    for (const Entry& x : st.entries)
      h = mix(h, uint64_t{x.family} | uint64_t{x.phrase} << 16 | uint64_t{x.word_end} << 48 | uint64_t{x.whole} << 49);
    h = mix(h, 0xE0);
    for (const auto& [sym, to] : st.edges) h = mix(h, uint64_t{sym} | uint64_t{to} << 8);
    if (table_.empty() || settled_.size() * 2 >= table_.size()) grow();
    size_t mask = table_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      if (table_[i] == 0) {
        auto id = static_cast<uint32_t>(settled_.size());
        Settled n{static_cast<uint32_t>(edges_.size()), 0, static_cast<uint32_t>(entries_.size()), 0, h};
        edges_.insert(edges_.end(), st.edges.begin(), st.edges.end());
        entries_.insert(entries_.end(), st.entries.begin(), st.entries.end());
        n.edges_end = static_cast<uint32_t>(edges_.size());
        n.entries_end = static_cast<uint32_t>(entries_.size());
        settled_.push_back(n);
        table_[i] = id + 1;
        return id;
      }
      const Settled& other = settled_[table_[i] - 1];
      if (other.hash == h && same(other, st)) return table_[i] - 1;
    }
  }

  void grow() {
    table_.assign(std::max<size_t>(1024, table_.size() * 2), 0);
    size_t mask = table_.size() - 1;
    for (uint32_t id = 0; id < settled_.size(); ++id) {
      size_t i = settled_[id].hash & mask;
      while (table_[i] != 0) i = (i + 1) & mask;
      table_[i] = id + 1;
    }
  }

  // The states reachable from the start, numbered in depth-first order (a
  // state near the one before it in memory).
  void flatten(PhraseBook::Impl& im, uint32_t start) {
    std::vector<uint32_t> number(settled_.size(), UINT32_MAX);
    std::vector<uint32_t> order;
    std::vector<uint32_t> stack{start};
    number[start] = 0;
    while (!stack.empty()) {
      uint32_t id = stack.back();
      stack.pop_back();
      order.push_back(id);
      const Settled& st = settled_[id];
      for (uint32_t e = st.edges_end; e-- > st.edges_begin;)
        if (number[edges_[e].second] == UINT32_MAX) {
          number[edges_[e].second] = 0;  // seen
          stack.push_back(edges_[e].second);
        }
    }
    for (size_t k = 0; k < order.size(); ++k) number[order[k]] = static_cast<uint32_t>(k);
    // Each state as a transition shows it; its targets follow in `arcs` in
    // the states' order.
    std::vector<PhraseBook::Impl::State> shown(order.size());
    uint32_t next_kid = 0;
    for (size_t k = 0; k < order.size(); ++k) {
      const Settled& st = settled_[order[k]];
      PhraseBook::Impl::State& v = shown[k];
      for (uint32_t e = st.edges_begin; e < st.edges_end; ++e) v.mask |= uint64_t{1} << edges_[e].first;
      v.kids = next_kid;
      next_kid += st.edges_end - st.edges_begin;
      v.id = static_cast<uint32_t>(k) | (st.entries_end != st.entries_begin ? PhraseBook::Impl::kHasEntries : 0);
    }
    im.start = shown[0];
    im.arcs.clear();
    im.arcs.reserve(next_kid);
    im.entry_at.clear();
    im.entries.clear();
    for (size_t k = 0; k < order.size(); ++k) {
      const Settled& st = settled_[order[k]];
      for (uint32_t e = st.edges_begin; e < st.edges_end; ++e) im.arcs.push_back(shown[number[edges_[e].second]]);
      im.entry_at.push_back(static_cast<uint32_t>(im.entries.size()));
      im.entries.insert(im.entries.end(), entries_.begin() + st.entries_begin, entries_.begin() + st.entries_end);
    }
    im.entry_at.push_back(static_cast<uint32_t>(im.entries.size()));
  }
};

}  // namespace

std::unique_ptr<PhraseBook> PhraseBook::compile(std::span<const std::pair<std::string_view, std::string_view>> files,
                                                bool check) {
  std::unique_ptr<PhraseBook> book(new PhraseBook());
  Impl& im = *book->impl_;
  AutomatonBuilder starts;
  for (auto [name, content] : files) {
    Impl::Family fam;
    fam.name = std::string(name);
    auto fid = static_cast<PhraseFamilyId>(im.families.size());
    std::string alternation;  // every phrase: checked for errors
    std::string needed;       // the phrases the index cannot settle alone
    size_t line_no = 0;
    size_t pos = 0;
    while (pos <= content.size()) {
      size_t e = content.find('\n', pos);
      if (e == std::string_view::npos) e = content.size();
      std::string_view line = text::trim(content.substr(pos, e - pos));
      ++line_no;
      pos = e + 1;
      if (line.empty() || line[0] == '#') {
        if (e == content.size()) break;
        continue;
      }
      Phrase ph;
      size_t arrow = line.find("=>");
      if (arrow != std::string_view::npos) {
        ph.pattern = std::string(text::trim(line.substr(0, arrow)));
        ph.replacement = std::string(text::trim(line.substr(arrow + 2)));
        ph.has_replacement = true;
      } else {
        ph.pattern = std::string(line);
      }
      std::string rx = to_regex(ph.pattern);
      fam.lines.push_back(static_cast<uint32_t>(line_no));
      auto index = static_cast<uint32_t>(fam.phrases.size());
      bool all_whole = true;
      for (auto& it : PrefixReader(ph.pattern).read()) {
        all_whole = all_whole && it.whole;
        starts.add(std::move(it.s), {fid, index, it.word_end, it.whole});
      }
      if (!alternation.empty()) alternation += '|';
      alternation += "(?:" + rx + ")";
      if (!all_whole) {
        if (!needed.empty()) needed += '|';
        needed += "(?:" + rx + ")";
      }
      fam.phrases.push_back(std::move(ph));
      fam.one.push_back(std::make_unique<Impl::Family::Lazy>());
      if (e == content.size()) break;
    }
    if (alternation.empty()) alternation = "[^\\x00-\\x{10FFFF}]";  // matches nothing
    if (check) {
      RE2 probe(alternation, re_options());
      if (!probe.ok()) {
        for (size_t k = 0; k < fam.phrases.size(); ++k) {  // name the line at fault
          RE2 one(to_regex(fam.phrases[k].pattern), re_options());
          if (!one.ok())
            throw std::runtime_error("rules/data/" + fam.name + ".txt:" + std::to_string(fam.lines[k]) + ": " + one.error());
        }
        throw std::runtime_error("rules/data/" + fam.name + ".txt: " + probe.error());
      }
    }
    fam.pattern = std::move(needed);  // empty: the family needs no regex at all
    im.by_name.emplace(fam.name, fid);
    im.families.push_back(std::move(fam));
  }
  starts.build(im);
  return book;
}

static std::vector<std::pair<std::string_view, std::string_view>> builtin_files() {
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (const auto& f : embedded::phrase_files())
    if (f.name != "spelling-words") files.emplace_back(f.name, f.content);  // a word list for the speller
  return files;
}

void PhraseBook::check_builtin() { compile(builtin_files(), true); }

const PhraseBook& PhraseBook::instance() {
  // Never destroyed (nothing to gain from freeing it at exit).
  static const PhraseBook* book = [] {
    auto files = builtin_files();
    // The embedded files are checked by the unit tests; here each family's
    // regex is built on first use, so that start-up stays short.
    return compile(files, false).release();
  }();
  return *book;
}

void PhraseBook::prepare() const {
  for (size_t f = 0; f < impl_->families.size(); ++f)
    if (!impl_->families[f].pattern.empty()) impl_->family_re(static_cast<PhraseFamilyId>(f));
}

PhraseFamilyId PhraseBook::id(std::string_view family) const {
  auto it = impl_->by_name.find(family);
  if (it == impl_->by_name.end()) throw std::logic_error("unknown phrase family: " + std::string(family));
  return it->second;
}

std::string_view PhraseBook::name(PhraseFamilyId f) const { return impl_->families.at(f).name; }
const std::vector<Phrase>& PhraseBook::phrases(PhraseFamilyId f) const { return impl_->families.at(f).phrases; }
size_t PhraseBook::size() const { return impl_->families.size(); }

const RE2& PhraseBook::Impl::family_re(PhraseFamilyId f) const {
  const Family& fam = families[f];
  std::call_once(*fam.once, [&] { fam.any = std::make_unique<RE2>(fam.pattern, re_options()); });
  return *fam.any;
}

const RE2& PhraseBook::Impl::phrase_re(PhraseFamilyId f, uint32_t p) const {
  const Family& fam = families[f];
  auto& lazy = *fam.one[p];
  std::call_once(lazy.once, [&] { lazy.re = std::make_unique<RE2>(to_regex(fam.phrases[p].pattern), re_options()); });
  return *lazy.re;
}

// Matches the families (all, or `only`) over whole[range]: for each family,
// leftmost-longest matches that do not overlap, on word boundaries, outside
// URLs and e-mail addresses (when words are given).
// Built twice, for processors with and without the popcnt instruction.
[[gnu::target_clones("popcnt", "default")]]
void PhraseBook::Impl::find(std::string_view whole, Span range, const std::vector<Word>* words, PhraseFamilyId only,
                            std::vector<std::vector<PhraseMatch>>& out, std::vector<uint32_t>& next_free) const {
  constexpr PhraseFamilyId kAll = 0xFFFF;
  std::string_view sub = whole.substr(0, range.end);  // the text a match may cover ends with the range
  re2::StringPiece input(sub.data(), sub.size());
  struct Cand {
    Entry e;
    uint32_t end;  // where the prefix ends in the text
  };
  thread_local std::vector<Cand> cands;
  auto collect = [&](uint32_t id, size_t after) {
    id &= ~kHasEntries;
    for (uint32_t k = entry_at[id], end = entry_at[id + 1]; k < end; ++k) {
      const Entry& e = entries[k];
      if (only != kAll && e.family != only) continue;
      if (e.word_end && alnum_at(sub, after)) continue;
      cands.push_back({e, static_cast<uint32_t>(after)});
    }
  };
  bool prev_alnum = alnum_before(whole, range.begin);
  size_t len = 1;
  for (size_t b = range.begin; b < range.end; b += len) {
    auto c = static_cast<unsigned char>(whole[b]);
    bool cur_alnum;
    if (c < 0x80) {
      len = 1;
      cur_alnum = ascii_alnum(c);
    } else {
      cur_alnum = text::is_alnum(text::decode(whole, b, len));
    }
    bool at_start = !(cur_alnum && prev_alnum) && !kSpace[c];
    prev_alnum = cur_alnum;
    if (!at_start) continue;
    if (cur_alnum)  // no match starts inside a word: the loop goes on after its ASCII letters
      len = text::ascii_alnum_end(whole, b + len, range.end) - b;

    // The phrases that may begin here: walk the index along the text as it
    // reads it: ASCII folded to lower case, a run of white space as one
    // space, ’ as '; any other character ends the walk.
    cands.clear();
    if (start.id & kHasEntries) collect(start.id, b);
    const State* st = &start;
    size_t k = b;
    while (k < range.end) {
      uint8_t sym = reads[static_cast<unsigned char>(whole[k])];
      if (sym < kSpaceBit) {
        ++k;
      } else if (sym < kCurly) {
        sym &= ~kSpaceBit;
        ++k;
        while (k < range.end && kSpace[static_cast<unsigned char>(whole[k])]) ++k;
      } else if (sym == kCurly && whole.compare(k, 3, "\xE2\x80\x99") == 0) {
        sym = symbol['\''];
        k += 3;
      } else {
        break;
      }
      st = step(*st, sym);
      if (!st) break;
      if (st->id & kHasEntries) collect(st->id, k);
    }
    if (cands.empty()) continue;
    std::sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) {
      return x.e.family != y.e.family ? x.e.family < y.e.family : x.e.phrase < y.e.phrase;
    });

    for (size_t i = 0; i < cands.size();) {
      PhraseFamilyId f = cands[i].e.family;
      size_t j = i;
      bool all_whole = true;
      for (; j < cands.size() && cands[j].e.family == f; ++j) all_whole = all_whole && cands[j].e.whole;
      size_t first = i;
      i = j;
      if (b < next_free[f]) continue;  // inside the family's previous match
      // The longest match here: the longest whole prefix the index read, and
      // the family regex's longest match (over the phrases the index cannot
      // settle) when one of those may start here.
      size_t e = b;
      for (size_t k = first; k < j; ++k)
        if (cands[k].e.whole && cands[k].end > e) e = cands[k].end;
      if (!all_whole) {
        const RE2& any = family_re(f);
        re2::StringPiece m;
        if (any.Match(input, b, sub.size(), RE2::ANCHOR_START, &m, 1) && !m.empty()) {
          size_t re_end = b + m.size();
          // The longest match ends inside a word ("on" in "online"): try shorter ones.
          while (re_end > e && alnum_before(whole, re_end) && alnum_at(sub, re_end)) {
            re2::StringPiece m2;
            if (re_end - 1 <= b || !any.Match(input, b, re_end - 1, RE2::ANCHOR_START, &m2, 1) || m2.empty()) re_end = b;
            else re_end = b + m2.size();
          }
          if (re_end > e) e = re_end;
        }
      }
      if (e == b) continue;
      // Which phrase: the first, in file order, that matches the whole span.
      uint32_t which = cands[first].e.phrase;
      for (size_t k = first; j - first > 1 && k < j; ++k) {
        if (k > first && !cands[k].e.whole && cands[k].e.phrase == cands[k - 1].e.phrase) continue;
        if (cands[k].e.whole ? cands[k].end == e
                             : phrase_re(f, cands[k].e.phrase).Match(input, b, e, RE2::ANCHOR_BOTH, nullptr, 0)) {
          which = cands[k].e.phrase;
          break;
        }
      }
      auto gb = static_cast<uint32_t>(b), ge = static_cast<uint32_t>(e);
      if (words) {
        // words are sorted: start from the last word beginning before the match
        auto it = std::upper_bound(words->begin(), words->end(), gb,
                                   [](uint32_t off, const Word& w) { return off < w.span.begin; });
        if (it != words->begin()) --it;
        bool in_link = false;
        for (; it != words->end() && it->span.begin < ge && !in_link; ++it)
          in_link = (it->flags & (kWordUrl | kWordEmail)) && it->span.overlaps({gb, ge});
        if (in_link) continue;
      }
      out[f].push_back({{gb, ge}, which});
      next_free[f] = ge;
    }
  }
}

void PhraseBook::scan(const Document& doc, PhraseHits& out) const {
  auto& data = out.data();
  data.resize(impl_->families.size());
  for (auto& v : data) v.clear();  // a reused PhraseHits keeps its storage
  thread_local std::vector<uint32_t> next_free;
  next_free.assign(impl_->families.size(), 0);
  for (const Part& p : doc.parts) {
    if (p.kind == PartKind::Quoted || p.span.empty()) continue;
    impl_->find(doc.text, p.span, &doc.words, 0xFFFF, data, next_free);
  }
}

std::vector<PhraseMatch> PhraseBook::find(PhraseFamilyId f, std::string_view text) const {
  std::vector<std::vector<PhraseMatch>> data(impl_->families.size());
  std::vector<uint32_t> next_free(impl_->families.size(), 0);
  impl_->find(text, {0, static_cast<uint32_t>(text.size())}, nullptr, f, data, next_free);
  return std::move(data.at(f));
}

}  // namespace fulint
