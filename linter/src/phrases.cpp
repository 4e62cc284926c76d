#include "fulint/phrases.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <map>
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
    std::vector<std::unique_ptr<RE2>> single;  // each phrase, for telling which one matched
  };
  std::vector<Family> families;
  std::map<std::string, PhraseFamilyId, std::less<>> by_name;
  std::unique_ptr<RE2::Set> set;  // one pattern per family
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
  im.set = std::make_unique<RE2::Set>(re_options(), RE2::UNANCHORED);
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
      auto single = std::make_unique<RE2>(rx, re_options());
      if (!single->ok())
        throw std::runtime_error("rules/data/" + fam.name + ".txt:" + std::to_string(line_no) + ": " + single->error());
      fam.single.push_back(std::move(single));
      if (!alternation.empty()) alternation += '|';
      alternation += "(?:" + rx + ")";
      fam.phrases.push_back(std::move(ph));
      if (e == content.size()) break;
    }
    if (alternation.empty()) alternation = "[^\\x00-\\x{10FFFF}]";  // matches nothing
    fam.any = std::make_unique<RE2>(alternation, re_options());
    if (!fam.any->ok()) throw std::runtime_error("rules/data/" + fam.name + ".txt: " + fam.any->error());
    std::string err;
    if (im.set->Add(alternation, &err) < 0) throw std::runtime_error("rules/data/" + fam.name + ".txt: " + err);
    im.by_name.emplace(fam.name, static_cast<PhraseFamilyId>(im.families.size()));
    im.families.push_back(std::move(fam));
  }
  if (!im.set->Compile()) throw std::runtime_error("phrase families: out of memory compiling the set");
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
    if (ok && alnum_before(whole, ge) && alnum_at(whole, ge)) ok = false;
    if (ok && words) {
      for (const Word& w : *words) {
        if (w.span.begin >= ge) break;
        if ((w.flags & (kWordUrl | kWordEmail)) && w.span.overlaps({gb, ge})) {
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
    for (uint32_t k = 0; k < fam.single.size(); ++k)
      if (RE2::FullMatch(mt, *fam.single[k])) {
        which = k;
        break;
      }
    out.push_back({{gb, ge}, which});
    pos = e;
  }
}

void PhraseBook::scan(const Document& doc, PhraseHits& out) const {
  auto& data = out.data();
  data.assign(impl_->families.size(), {});
  std::vector<int> hit;
  for (const Part& p : doc.parts) {
    if (p.kind == PartKind::Quoted || p.span.empty()) continue;
    std::string_view sub = std::string_view(doc.text).substr(p.span.begin, p.span.size());
    hit.clear();
    if (!impl_->set->Match(sub, &hit)) continue;
    for (int f : hit) find_in(*impl_, static_cast<PhraseFamilyId>(f), doc.text, p.span, &doc.words, data[f]);
  }
}

std::vector<PhraseMatch> PhraseBook::find(PhraseFamilyId f, std::string_view text) const {
  std::vector<PhraseMatch> out;
  find_in(*impl_, f, text, {0, static_cast<uint32_t>(text.size())}, nullptr, out);
  return out;
}

}  // namespace fulint
