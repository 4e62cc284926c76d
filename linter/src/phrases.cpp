#include "fulint/phrases.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <stdexcept>

#include "embedded.hpp"
#include "fulint/document.hpp"
#include "fulint/text.hpp"

namespace fulint {

struct PhraseBook::Impl {
  struct Family {
    std::string name;
    std::vector<Phrase> phrases;
    std::unique_ptr<RE2> any;                  // all phrases, leftmost-longest
    // Prefilter: a draft can only match the family when one of these words
    // (each phrase's longest required plain word, folded and hashed) occurs in
    // it. `always` when some phrase has no such word.
    std::vector<std::string> anchors;  // folded word prefixes
    bool always = false;
    std::unique_ptr<RE2> which;  // (p1)|(p2)|…, anchored both ends: which phrase matched
    // Plain phrases (no regex syntax), folded with single spaces -> index.
    std::unordered_map<std::string, uint32_t> literal;
  };
  std::vector<Family> families;
  std::map<std::string, PhraseFamilyId, std::less<>> by_name;
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

// A phrase as written -> an RE2 fragment: spaces match any white space, an
// apostrophe matches a straight or curly one.
std::string to_regex(std::string_view p) {
  // The engine checks Unicode word boundaries itself (and retries shorter
  // matches), so \b at a phrase's edges is redundant; it also slows RE2's DFA.
  while (p.size() >= 2 && p.substr(0, 2) == "\\b") p.remove_prefix(2);
  while (p.size() >= 2 && p.substr(p.size() - 2) == "\\b" && (p.size() < 3 || p[p.size() - 3] != '\\')) p.remove_suffix(2);
  std::string out;
  out.reserve(p.size() + 16);
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == ' ') {
      while (i + 1 < p.size() && p[i + 1] == ' ') ++i;
      out += "\\s+";
    } else if (c == '\'') {
      out += "['\xE2\x80\x99]";
    } else if (c == '\\' && i + 1 < p.size()) {
      out += c;
      out += p[++i];
    } else {
      out += c;
    }
  }
  return out;
}

bool is_plain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The longest literal that every match of a phrase must contain at the start
// of a word: a run of plain characters outside any group, not made optional,
// preceded by the start, a space, \\b or an optional group ending in a space.
// Empty when there is none (the family is then always searched).
std::string required_prefix(std::string_view p) {
  std::string best;
  int depth = 0;
  size_t i = 0;
  auto word_start = [&](size_t at) {
    if (at == 0) return true;
    char prev = p[at - 1];
    if (prev == ' ') return true;
    if (at >= 2 && p.substr(at - 2, 2) == "\\b") return true;
    size_t k = at;
    if (k >= 1 && p[k - 1] == '?') --k;
    if (k >= 1 && p[k - 1] == ')') return k >= 2 && p[k - 2] == ' ';
    return false;
  };
  while (i < p.size()) {
    char c = p[i];
    if (c == '(') { ++depth; ++i; continue; }
    if (c == ')') { --depth; ++i; continue; }
    if (c == '[') {  // a character class
      while (i < p.size() && p[i] != ']') ++i;
      ++i;
      continue;
    }
    if (c == '\\') { i += 2; continue; }
    if (depth == 0 && is_plain_char(c) && word_start(i)) {
      size_t j = i;
      while (j < p.size() && is_plain_char(p[j]) && p[j] != '\'') ++j;
      size_t len = j - i;
      if (j < p.size() && (p[j] == '?' || p[j] == '*' || p[j] == '{')) --len;  // the last character is optional
      if (len > best.size()) best = text::fold(p.substr(i, len));
      i = j;
      continue;
    }
    ++i;
  }
  return best;
}

bool is_literal_phrase(std::string_view p) {
  for (char c : p)
    if (!is_plain_char(c) && c != ' ') return false;
  return true;
}

// Folds a text to lower case with single spaces, for literal look-up.
std::string fold_spaces(std::string_view t) { return text::collapse_spaces(text::fold(t)); }

// Makes every capturing group of a regex non-capturing, so that a phrase can
// be wrapped in a group of its own.
std::string without_captures(std::string_view rx) {
  std::string out;
  out.reserve(rx.size() + 8);
  bool in_class = false;
  for (size_t i = 0; i < rx.size(); ++i) {
    char c = rx[i];
    if (c == '\\' && i + 1 < rx.size()) {
      out += c;
      out += rx[++i];
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      if (i + 1 < rx.size() && rx[i + 1] == ']') out += rx[++i];
      continue;
    }
    if (c == '(' && (i + 1 >= rx.size() || rx[i + 1] != '?')) {
      out += "(?:";
      continue;
    }
    out += c;
  }
  return out;
}

bool alnum_before(std::string_view s, size_t i) {
  if (i == 0) return false;
  size_t len;
  char32_t cp = text::decode_before(s, i, len);
  return text::is_alnum(cp);
}

bool alnum_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  size_t len;
  return text::is_alnum(text::decode(s, i, len));
}

}  // namespace

std::unique_ptr<PhraseBook> PhraseBook::compile(std::span<const std::pair<std::string_view, std::string_view>> files) {
  std::unique_ptr<PhraseBook> book(new PhraseBook());
  Impl& im = *book->impl_;
  for (auto [name, content] : files) {
    Impl::Family fam;
    fam.name = std::string(name);
    std::string alternation;
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
      {
        // Compiled alone only to name the line of a broken phrase; `which` tells phrases apart.
        RE2 check(rx, re_options());
        if (!check.ok())
          throw std::runtime_error("rules/data/" + fam.name + ".txt:" + std::to_string(line_no) + ": " + check.error());
      }
      std::string anchor = required_prefix(ph.pattern);
      if (anchor.size() < 2) fam.always = true;
      else fam.anchors.push_back(std::move(anchor));
      if (is_literal_phrase(ph.pattern)) fam.literal.emplace(fold_spaces(ph.pattern), static_cast<uint32_t>(fam.phrases.size()));
      if (!alternation.empty()) alternation += '|';
      alternation += "(?:" + rx + ")";
      fam.phrases.push_back(std::move(ph));
      if (e == content.size()) break;
    }
    if (alternation.empty()) alternation = "[^\\x00-\\x{10FFFF}]";  // matches nothing
    fam.any = std::make_unique<RE2>(alternation, re_options());
    {
      std::string groups;
      for (const Phrase& ph : fam.phrases) groups += (groups.empty() ? "(" : "|(") + without_captures(to_regex(ph.pattern)) + ")";
      fam.which = std::make_unique<RE2>(groups.empty() ? "()" : groups, re_options());
    }
    if (!fam.any->ok()) throw std::runtime_error("rules/data/" + fam.name + ".txt: " + fam.any->error());
    std::sort(fam.anchors.begin(), fam.anchors.end());
    // A shorter anchor that prefixes a longer one already covers it.
    fam.anchors.erase(std::unique(fam.anchors.begin(), fam.anchors.end()), fam.anchors.end());
    im.by_name.emplace(fam.name, static_cast<PhraseFamilyId>(im.families.size()));
    im.families.push_back(std::move(fam));
  }
  return book;
}

const PhraseBook& PhraseBook::instance() {
  static const std::unique_ptr<PhraseBook> book = [] {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const auto& f : embedded::phrase_files())
      if (f.name != "spelling-words") files.emplace_back(f.name, f.content);  // a word list for the speller
    return compile(files);
  }();
  return *book;
}

PhraseFamilyId PhraseBook::id(std::string_view family) const {
  auto it = impl_->by_name.find(family);
  if (it == impl_->by_name.end()) throw std::logic_error("unknown phrase family: " + std::string(family));
  return it->second;
}

std::string_view PhraseBook::name(PhraseFamilyId f) const { return impl_->families.at(f).name; }
const std::vector<Phrase>& PhraseBook::phrases(PhraseFamilyId f) const { return impl_->families.at(f).phrases; }
size_t PhraseBook::size() const { return impl_->families.size(); }

static void find_in(const PhraseBook::Impl& im, PhraseFamilyId f, std::string_view whole, Span range,
                    const std::vector<Word>* words, std::vector<PhraseMatch>& out) {
  const auto& fam = im.families[f];
  std::string_view sub = whole.substr(range.begin, range.size());
  size_t pos = 0;
  re2::StringPiece m;
  while (pos <= sub.size() && fam.any->Match(sub, pos, sub.size(), RE2::UNANCHORED, &m, 1)) {
    size_t b = static_cast<size_t>(m.data() - sub.data());
    size_t e = b + m.size();
    if (m.empty()) {
      pos = b + 1;
      continue;
    }
    uint32_t gb = range.begin + static_cast<uint32_t>(b), ge = range.begin + static_cast<uint32_t>(e);
    bool ok = true;
    if (alnum_at(whole, gb) && alnum_before(whole, gb)) ok = false;
    // The longest match ends inside a word ("on" in "online"): try the shorter
    // matches that start at the same place.
    while (ok && alnum_before(whole, ge) && alnum_at(whole, ge)) {
      size_t limit = ge - range.begin - 1;
      re2::StringPiece m2;
      if (limit <= b || !fam.any->Match(sub, b, limit, RE2::ANCHOR_START, &m2, 1) || m2.empty()) {
        ok = false;
        break;
      }
      e = b + m2.size();
      ge = range.begin + static_cast<uint32_t>(e);
    }
    if (ok && words) {
      // words are sorted: start from the last word beginning before the match
      auto it = std::upper_bound(words->begin(), words->end(), gb,
                                 [](uint32_t off, const Word& w) { return off < w.span.begin; });
      if (it != words->begin()) --it;
      for (; it != words->end() && it->span.begin < ge; ++it) {
        if ((it->flags & (kWordUrl | kWordEmail)) && it->span.overlaps({gb, ge})) {
          ok = false;
          break;
        }
      }
    }
    if (!ok) {
      size_t len;
      text::decode(sub, b, len);
      pos = b + len;
      continue;
    }
    uint32_t which = 0;
    std::string_view mt = whole.substr(gb, ge - gb);
    auto lit = fam.literal.find(fold_spaces(mt));
    if (lit != fam.literal.end()) {
      which = lit->second;
    } else {
      thread_local std::vector<re2::StringPiece> groups;
      groups.assign(fam.phrases.size() + 1, re2::StringPiece());
      if (fam.which->Match(mt, 0, mt.size(), RE2::ANCHOR_BOTH, groups.data(), static_cast<int>(groups.size()))) {
        for (uint32_t k = 0; k < fam.phrases.size(); ++k)
          if (groups[k + 1].data() != nullptr) {
            which = k;
            break;
          }
      }
    }
    out.push_back({{gb, ge}, which});
    pos = e;
  }
}

void PhraseBook::scan(const Document& doc, PhraseHits& out) const {
  auto& data = out.data();
  data.assign(impl_->families.size(), {});
  std::vector<std::string> words;  // a part's words, folded and sorted
  for (const Part& p : doc.parts) {
    if (p.kind == PartKind::Quoted || p.span.empty()) continue;
    words.clear();
    for (uint32_t w = p.word_begin; w < p.word_end; ++w) words.push_back(text::fold(doc.str(doc.words[w].span)));
    std::sort(words.begin(), words.end());
    auto has_prefix = [&](const std::string& a) {
      auto it = std::lower_bound(words.begin(), words.end(), a);
      return it != words.end() && it->compare(0, a.size(), a) == 0;
    };
    for (size_t f = 0; f < impl_->families.size(); ++f) {
      const auto& fam = impl_->families[f];
      bool candidate = fam.always;
      for (size_t a = 0; !candidate && a < fam.anchors.size(); ++a) candidate = has_prefix(fam.anchors[a]);
      if (candidate) find_in(*impl_, static_cast<PhraseFamilyId>(f), doc.text, p.span, &doc.words, data[f]);
    }
  }
}

std::vector<PhraseMatch> PhraseBook::find(PhraseFamilyId f, std::string_view text) const {
  std::vector<PhraseMatch> out;
  find_in(*impl_, f, text, {0, static_cast<uint32_t>(text.size())}, nullptr, out);
  return out;
}

}  // namespace fulint
