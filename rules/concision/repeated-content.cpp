// repeated-content: two body sentences say the same thing (the same content
// words, after dropping case, punctuation and stop words).
#include <algorithm>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "rules/common.hpp"

namespace fulint::rules {
namespace {

constexpr double kMinJaccard = 0.8;   // shared content words / all content words of the pair
constexpr size_t kMinContentWords = 4;

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// Function words that say nothing about a sentence's content.
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> s = {
      "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "to", "in", "on", "at", "by", "for", "with",
      "from", "as", "into", "about", "over", "after", "before", "than", "then", "that", "this", "these", "those",
      "it", "its", "it's", "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself", "we", "us", "our",
      "you", "your", "yours", "you're", "he", "him", "his", "she", "her", "they", "them", "their", "is", "am",
      "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "will", "would",
      "shall", "should", "can", "could", "may", "might", "must", "very", "really", "so", "too", "also", "just",
      "again", "all", "any", "some", "such", "there", "here", "what", "which", "who", "whom", "when", "where",
      "why", "how", "if", "not", "no", "up", "out", "more", "most", "much", "many", "each", "other", "own",
      "same", "only", "both", "well", "s", "t"};
  return s;
}

// Sorted, unique hashes of a sentence's content words.
void content_words(const Document& doc, const Sentence& st, std::string& buf, std::vector<uint64_t>& out) {
  out.clear();
  for (uint32_t i = st.word_begin; i < st.word_end; ++i) {
    const Word& w = doc.words[i];
    std::string_view t = doc.str(w.span);
    bool ascii = std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
      buf.assign(t);
      for (char& c : buf)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    } else {
      buf = text::fold(t);
    }
    if (stop_words().contains(buf)) continue;
    out.push_back(fnv1a(buf));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  size_t uni = a.size() + b.size() - common;
  return uni == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(uni);
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
    std::vector<const Sentence*> sentences;
    for (const Part& p : doc.parts)
      if (p.kind == PartKind::Paragraph)
        for (uint32_t i = p.sentence_begin; i < p.sentence_end; ++i) sentences.push_back(&doc.sentences[i]);
    if (sentences.size() < 2) return;
    std::vector<std::vector<uint64_t>> sets(sentences.size());
    std::string buf;
    for (size_t i = 0; i < sentences.size(); ++i) content_words(doc, *sentences[i], buf, sets[i]);
    for (size_t j = 1; j < sentences.size(); ++j) {
      if (sets[j].size() < kMinContentWords) continue;
      for (size_t i = 0; i < j; ++i) {
        if (sets[i].size() < kMinContentWords || jaccard(sets[i], sets[j]) < kMinJaccard) continue;
        const bool same = sets[i] == sets[j];
        Diagnostic& d = out.report(sentences[j]->span, std::string(same ? "This sentence repeats" : "This sentence nearly repeats") +
                                                           " an earlier one, " + quoted(opening(doc, *sentences[i])) +
                                                           "; keep the stronger of the two");
        d.related.push_back({doc.map.to_raw(sentences[i]->span), "first said here"});
        break;
      }
    }
  }
};

}  // namespace

FULINT_RULE_INSTANCE(repeated_content, Rule_)

}  // namespace fulint::rules
