// The phrase engine: what a phrase matches in a draft's text, and which
// phrase of its family a match is reported as.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fulint/phrases.hpp"

using namespace fulint;

namespace {

struct Found {
  std::string text;
  uint32_t phrase;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) { return os << '"' << f.text << "\"#" << f.phrase; }

// Compiles one family from its file text and lists the matches in `text`.
std::vector<Found> run(const std::string& family, const std::string& text) {
  std::pair<std::string_view, std::string_view> file{"f", family};
  auto book = PhraseBook::compile(std::span(&file, 1));
  std::vector<Found> out;
  for (const PhraseMatch& m : book->find(book->id("f"), text))
    out.push_back({text.substr(m.span.begin, m.span.size()), m.phrase});
  return out;
}

using V = std::vector<Found>;

}  // namespace

TEST_CASE("the built-in phrase files compile") { REQUIRE_NOTHROW(PhraseBook::check_builtin()); }

TEST_CASE("a broken phrase is reported with its file and line") {
  std::pair<std::string_view, std::string_view> file{"bad", "# comment\nfine\n(unclosed\n"};
  try {
    PhraseBook::compile(std::span(&file, 1));
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::Matchers::StartsWith("rules/data/bad.txt:3: "));
  }
}

TEST_CASE("case, white space and apostrophes are matched loosely") {
  CHECK(run("thank you\n", "THANK\n  you!") == V{{"THANK\n  you", 0}});
  CHECK(run("I'm available\n", "I\u2019m available") == V{{"I\u2019m available", 0}});
  CHECK(run("thank you\n", "thank-you") == V{});
}

TEST_CASE("matches sit on word boundaries, and a shorter match is tried") {
  CHECK(run("on\n", "online, on time") == V{{"on", 0}});
  CHECK(run("look(ing)? forward( to)?\n", "looking forwards") == V{});
  CHECK(run("look(ing)? forward( to)?\n", "look forward tomorrow") == V{{"look forward", 0}});
  CHECK(run("résumé\n", "my RÉSUMÉ and résumés") == V{{"RÉSUMÉ", 0}});
  CHECK(run("team\n", "steam team") == V{{"team", 0}});
}

TEST_CASE("leftmost-longest, without overlaps, and the phrase that matched") {
  std::string fam = "thank\nthank you( so much)?\nyou so\nmuch obliged\n";
  CHECK(run(fam, "Thank you so much obliged") == V{{"Thank you so much", 1}});
  CHECK(run(fam, "thank them, you so kindly") == V{{"thank", 0}, {"you so", 2}});
  // Two phrases that match the same text: the first in the file wins.
  CHECK(run("(hope|eager) to hear\nhope to (hear|see)\n", "I hope to hear") == V{{"hope to hear", 0}});
  CHECK(run("(hope|eager) to hear\nhope to (hear|see)\n", "I hope to see") == V{{"hope to see", 1}});
}

TEST_CASE("phrases that start with punctuation or a clitic, or with no literal text") {
  CHECK(run("(would|'d) love to\n", "I'd love to, and we would love to") ==
        V{{"'d love to", 0}, {"would love to", 0}});
  CHECK(run("\\[[^\\[\\]]{1,60}\\]\n", "Dear [Name], at [Company]") == V{{"[Name]", 0}, {"[Company]", 0}});
  CHECK(run("[a-z]+ly speaking\n", "Frankly speaking, honestly speaking") ==
        V{{"Frankly speaking", 0}, {"honestly speaking", 0}});
  CHECK(run("(\\S+ ){1,2}said\n", "as she said") == V{{"as she said", 0}});
}

TEST_CASE("case-sensitive groups stay case-sensitive") {
  std::string fam = "(?-i:Company Name)\n";
  CHECK(run(fam, "the Company Name here") == V{{"Company Name", 0}});
  CHECK(run(fam, "the company name here") == V{});
}

TEST_CASE("spelled-out alternations match as their regex would") {
  // Every spelling of the phrase is read in full, so the index settles it alone.
  std::string fam = "(the|this) (role|team) (is|sounds like) (exactly|a great)\\b\nthank(?:s| you)(?: so much)?\n";
  CHECK(run(fam, "This team sounds like a great fit") == V{{"This team sounds like a great", 0}});
  CHECK(run(fam, "the role is exactlyish, the role is a greatness") == V{});
  CHECK(run(fam, "Thanks so much! Thank you, thank yourself") ==
        V{{"Thanks so much", 1}, {"Thank you", 1}});
  // A \b inside a phrase is RE2's, and stays with the regex.
  CHECK(run("re\\bsume\n", "resume") == V{});
}

TEST_CASE("phrases over more distinct characters than the index has symbols") {
  // The index keys on at most 64 distinct characters; a phrase using others
  // is matched by its regex from the characters it does have.
  std::string fam, chars;
  for (char c = 1; c <= '~'; ++c)
    if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && std::string("\t\n\v\f\r \\^$.|?*+()[]{}'").find(c) == std::string::npos)
      chars += c;
  REQUIRE(chars.size() + 26 > 64);
  for (char c : chars) fam += std::string("x") + c + "y\n";
  fam += "x~y z\n";
  const auto last = static_cast<uint32_t>(chars.size());
  CHECK(run(fam, "x~y z and x!y, x\x01y") == V{{"x~y z", last}, {"x!y", static_cast<uint32_t>(chars.find('!'))}, {"x\x01y", 0}});
  CHECK(run(fam, "x~yz") == V{});
}

TEST_CASE("an optional space is any white space or none, read or regex") {
  CHECK(run("rock ?stars?\n", "a rockstar and a rock  star") == V{{"rockstar", 0}, {"rock  star", 0}});
  CHECK(run("rock ?star\\w*\n", "rockstars, rock\nstardom") == V{{"rockstars", 0}, {"rock\nstardom", 0}});
}

TEST_CASE("a class of letters is read as their alternation") {
  CHECK(run("organi[sz]ed\n", "Organised, organized, organiSed, organixed") ==
        V{{"Organised", 0}, {"organized", 0}, {"organiSed", 0}});
  CHECK(run("x[-y]z\n", "x-z xyz") == V{{"x-z", 0}, {"xyz", 0}});  // not read: the regex decides
}
