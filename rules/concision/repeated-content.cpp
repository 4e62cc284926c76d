// repeated-content: two body sentences say the same thing (the same content
// words, after dropping case, punctuation and stop words).
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "rules/common.hpp"

namespace fulint::rules {
namespace {

constexpr double kMinJaccard = 0.8;   // shared content words / all content words of the pair
constexpr size_t kMinContentWords = 4;

// Words eight bytes at a time. Nearly every word of a draft is plain ASCII
// and at most eight bytes long: one 64-bit integer holds it (first byte
// lowest), and a few integer operations change all its bytes at once.
namespace swar {

using text::swar::at_least;
using text::swar::kHigh;

// The n bytes (1 <= n <= 8) of s from b, first byte lowest, the rest zero. Reads
// no byte outside s; a word inside a draft's text has eight bytes to read
// nearly always.
constexpr uint64_t load(std::string_view s, size_t b, size_t n) {
  if (!std::is_constant_evaluated() && std::endian::native == std::endian::little && s.size() - b >= 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + b, 8);
    return v & ~uint64_t{0} >> (64 - 8 * n);  // (n >= 1)
  }
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t{static_cast<unsigned char>(s[b + i])} << (8 * i);
  return v;
}

// The bytes of v (all below 0x80) with A-Z lower-cased (0x80 >> 2 is the case bit 0x20).
constexpr uint64_t lower(uint64_t v) { return v | (at_least(v, 'A') & ~at_least(v, 'Z' + 1)) >> 2; }

}  // namespace swar

// A word's key: its lower-case bytes hashed eight at a time. For a given
// start the mix is a bijection of the eight bytes, so two words of up to
// eight bytes (nearly all) share a key only when they are the same word;
// longer ones, about as rarely as any two 64-bit hashes.
constexpr uint64_t kKeySeed = 0x243F6A8885A308D3ull;
constexpr uint64_t mix(uint64_t h, uint64_t chunk) {
  h = (h ^ chunk) * 0x9E3779B97F4A7C15ull;
  return h ^ h >> 32;
}

struct WordKey {
  uint64_t key = 0;
  size_t size = 0;  // of the lower-case word
};

// The key of a word already in lower case.
constexpr WordKey lowered_key(std::string_view w) {
  uint64_t h = kKeySeed;
  for (size_t k = 0; k < w.size(); k += 8) h = mix(h, swar::load(w, k, std::min<size_t>(8, w.size() - k)));
  return {h, w.size()};
}

// The key of the word at `span` of `text`: ASCII is lower-cased eight bytes
// at a time, a word with any other byte case folded first (rare).
WordKey word_key(std::string_view text, Span span) {
  uint64_t h = kKeySeed;
  for (size_t b = span.begin; b < span.end; b += 8) {
    const uint64_t v = swar::load(text, b, std::min<size_t>(8, span.end - b));
    if (v & swar::kHigh) return lowered_key(text::fold(text.substr(span.begin, span.size())));
    h = mix(h, swar::lower(v));
  }
  return {h, span.size()};
}

// Function words that say nothing about a sentence's content.
constexpr std::string_view kStopWords[] = {
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "into", "about", "over", "after", "before", "than", "then", "that", "this", "these", "those",
    "it", "its", "it's", "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself", "we", "us", "our",
    "you", "your", "yours", "you're", "he", "him", "his", "she", "her", "they", "them", "their", "is", "am",
    "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "very", "really", "too", "also", "just",
    "again", "all", "any", "some", "such", "there", "here", "what", "which", "who", "whom", "when", "where",
    "why", "how", "if", "not", "no", "up", "out", "more", "most", "much", "many", "each", "other", "own",
    "same", "only", "both", "well", "s", "t"};

// The stop words by key (open addressing, linear probing), built at compile
// time. Every stop word has at most eight bytes, so the same key and size
// mean the same word: the look-up needs no comparison of text.
constexpr size_t kStopSlots = 512;  // a power of two, some four times the words: few probes
constexpr auto kStopTable = [] {
  std::array<WordKey, kStopSlots> t{};  // size 0 = an empty slot
  for (std::string_view w : kStopWords) {
    if (w.size() > 8) throw std::logic_error("stop words have at most eight bytes");
    const WordKey k = lowered_key(w);
    size_t i = k.key & (kStopSlots - 1);
    while (t[i].size != 0) i = (i + 1) & (kStopSlots - 1);
    t[i] = k;
  }
  return t;
}();

bool is_stop_word(WordKey w) {
  for (size_t i = w.key & (kStopSlots - 1); kStopTable[i].size != 0; i = (i + 1) & (kStopSlots - 1))
    if (kStopTable[i].key == w.key && kStopTable[i].size == w.size) return true;
  return false;
}

// Sorted, unique keys of a sentence's content words, appended to out.
void content_words(const Document& doc, const Sentence& st, std::vector<uint64_t>& out) {
  const size_t first = out.size();
  for (uint32_t i = st.word_begin; i < st.word_end; ++i) {
    const WordKey k = word_key(doc.text, doc.words[i].span);
    if (!is_stop_word(k)) out.push_back(k.key);
  }
  std::sort(out.begin() + static_cast<ptrdiff_t>(first), out.end());
  out.erase(std::unique(out.begin() + static_cast<ptrdiff_t>(first), out.end()), out.end());
}

// Whether two sorted sets share at least kMinJaccard of their union (the
// Jaccard index). The merge stops as soon as the most elements the two could
// still share fall short: nearly every pair of sentences differs at once.
bool similar(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  const size_t total = a.size() + b.size();
  // The index of two sets sharing n elements; it grows with n.
  auto index = [total](size_t n) { return static_cast<double>(n) / static_cast<double>(total - n); };
  if (index(std::min(a.size(), b.size())) < kMinJaccard) return false;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
      continue;
    }
    if (a[i] < b[j]) ++i;
    else ++j;
    if (index(common + std::min(a.size() - i, b.size() - j)) < kMinJaccard) return false;
  }
  return index(common) >= kMinJaccard;
}

// The first words of a sentence, for quoting it: up to six words, then "…".
std::string_view opening_view(const Document& doc, const Sentence& st, bool& cut) {
  cut = st.word_end - st.word_begin > 6;
  if (!cut) return doc.str(st.span);
  return std::string_view(doc.text).substr(st.span.begin, doc.words[st.word_begin + 5].span.end - st.span.begin);
}

std::string opening(const Document& doc, const Sentence& st) {
  bool cut;
  std::string s;
  for (char c : opening_view(doc, st, cut)) {
    if (c == '\r') continue;
    s += c == '\n' ? ' ' : c;
  }
  if (cut) s += "\u2026";
  return s;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "repeated-content",
        .group = Group::Concision,
        .severity = Severity::Info,
        .summary = "Two sentences of the body say the same thing: keep one",
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::vector<uint32_t> sentences;  // indexes into doc.sentences
    for (const Part& p : doc.parts)
      if (p.kind == PartKind::Paragraph)
        for (uint32_t i = p.sentence_begin; i < p.sentence_end; ++i) sentences.push_back(i);
    if (sentences.size() < 2) return;
    // Every sentence's content-word keys in one array: sentence k's are
    // [ends[k - 1], ends[k]).
    std::vector<uint64_t> keys;
    keys.reserve(doc.words.size());
    std::vector<size_t> ends(sentences.size());
    for (size_t k = 0; k < sentences.size(); ++k) {
      content_words(doc, doc.sentences[sentences[k]], keys);
      ends[k] = keys.size();
    }
    auto set = [&](size_t k) {
      const size_t b = k == 0 ? 0 : ends[k - 1];
      return std::span<const uint64_t>(keys).subspan(b, ends[k] - b);
    };
    for (size_t j = 1; j < sentences.size(); ++j) {
      const auto b = set(j);
      if (b.size() < kMinContentWords) continue;
      for (size_t i = 0; i < j; ++i) {
        const auto a = set(i);
        if (a.size() < kMinContentWords || !similar(a, b)) continue;
        const bool same = std::ranges::equal(a, b);
        const Sentence& first = doc.sentences[sentences[i]];
        Diagnostic& d = out.report(doc.sentences[sentences[j]].span,
                                   std::string(same ? "This sentence repeats" : "This sentence nearly repeats") +
                                       " an earlier one, " + quoted(opening(doc, first)) +
                                       "; keep the stronger of the two");
        d.related.push_back({doc.map.to_raw(first.span), "first said here"});
        break;
      }
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(repeated_content, Rule_)

}  // namespace fulint::rules
