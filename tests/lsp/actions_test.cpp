// What code actions change: the X-Fulint-Disable header, the word list and
// the config that names it, the single edit of "fix all".
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fulint/config.hpp"
#include "fulint/document.hpp"
#include "lsp/actions.hpp"

using namespace fulint;
using namespace fulint::lsp;
namespace fs = std::filesystem;

namespace {

std::string apply_edit(const std::string& raw, const Edit& e) {
  std::string s = raw;
  s.replace(e.raw.begin, e.raw.size(), e.text);
  return s;
}

std::string disabled(const std::string& path, const std::string& raw, const char* rule) {
  Document doc = parse_document(path, raw, ParseOptions{fs::path(path).extension().string()});
  doc.lines = LineIndex(doc.raw);
  auto e = disable_rule_edit(doc, rule);
  return e ? apply_edit(doc.raw, *e) : "<none>";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("fulint-lsp-test-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("disable a rule in an .eml draft", "[actions]") {
  const std::string eml = "From: Sam <sam@example.com>\r\nTo: Priya <priya@acme.com>\r\nSubject: Thanks\r\n\r\nDear Priya,\r\n";
  CHECK(disabled("a.eml", eml, "tone-casual") ==
        "From: Sam <sam@example.com>\r\nTo: Priya <priya@acme.com>\r\nSubject: Thanks\r\nX-Fulint-Disable: tone-casual\r\n\r\nDear Priya,\r\n");
  const std::string with = "Subject: Thanks\nX-Fulint-Disable: emoji\nTo: p@acme.com\n\nHi\n";
  CHECK(disabled("a.eml", with, "tone-casual") == "Subject: Thanks\nX-Fulint-Disable: emoji, tone-casual\nTo: p@acme.com\n\nHi\n");
  CHECK(disabled("a.eml", with, "emoji") == "<none>");
}

TEST_CASE("disable a rule in a .txt draft", "[actions]") {
  CHECK(disabled("a.txt", "Dear Priya,\n\nThanks.\n", "spelling") == "X-Fulint-Disable: spelling\n\nDear Priya,\n\nThanks.\n");
  CHECK(disabled("a.txt", "Subject: Thanks\n\nDear Priya,\n", "spelling") ==
        "Subject: Thanks\nX-Fulint-Disable: spelling\n\nDear Priya,\n");
  CHECK(disabled("a.txt", "Dear Priya,\r\n", "emoji") == "X-Fulint-Disable: emoji\r\n\r\nDear Priya,\r\n");
  // the edited draft reads the header back
  std::string once = disabled("a.txt", "Dear Priya,\n", "emoji");
  CHECK(disabled("a.txt", once, "emoji") == "<none>");
  CHECK(disabled("a.txt", once, "spelling") == "X-Fulint-Disable: emoji, spelling\n\nDear Priya,\n");
}

TEST_CASE("word_files goes into a config without disturbing it", "[actions]") {
  CHECK(insert_word_files("{}", ".w.txt") == "{\n  \"word_files\": [\".w.txt\"]\n}");
  CHECK(insert_word_files("// mine\n{\n    \"language\": \"en_GB\"\n}\n", ".w.txt") ==
        "// mine\n{\n    \"word_files\": [\".w.txt\"],\n    \"language\": \"en_GB\"\n}\n");
  CHECK(insert_word_files("{\"language\": \"en_GB\"}", ".w.txt") == "{\"word_files\": [\".w.txt\"], \"language\": \"en_GB\"}");
  CHECK_THROWS(insert_word_files("[1]", ".w.txt"));
}

TEST_CASE("add a word: creates the list and names it in the config", "[actions]") {
  TempDir t;
  {
    std::ofstream(t.path / ".fulint.json") << "{\n  \"language\": \"en_US\"\n}\n";
  }
  Config cfg = load_config(t.path / ".fulint.json");
  AddWordResult r = add_word("Kubernetes", cfg, t.path / "unused.json");
  CHECK(r.config_changed);
  CHECK(slurp(t.path / ".fulint-words.txt") == "Kubernetes\n");
  Config again = load_config(t.path / ".fulint.json");
  REQUIRE(again.word_files.size() == 1);
  CHECK(std::find(again.words.begin(), again.words.end(), "Kubernetes") != again.words.end());
  // a second word goes to the same list; the config stays as it is
  std::string cfg_text = slurp(t.path / ".fulint.json");
  AddWordResult r2 = add_word("Acme", again, t.path / "unused.json");
  CHECK_FALSE(r2.config_changed);
  CHECK(slurp(t.path / ".fulint-words.txt") == "Kubernetes\nAcme\n");
  CHECK(slurp(t.path / ".fulint.json") == cfg_text);
  CHECK(add_word("Acme", load_config(t.path / ".fulint.json"), t.path / "unused.json").already_there);
}

TEST_CASE("add a word without any config: one is created", "[actions]") {
  TempDir t;
  AddWordResult r = add_word("Zyxel", Config::defaults(), t.path / ".fulint.json");
  CHECK(r.config_changed);
  Config cfg = load_config(t.path / ".fulint.json");
  CHECK(std::find(cfg.words.begin(), cfg.words.end(), "Zyxel") != cfg.words.end());
}

TEST_CASE("the minimal edit never splits a character or a CRLF", "[actions]") {
  auto check = [](const std::string& a, const std::string& b) {
    Edit e = minimal_edit(a, b);
    CHECK(apply_edit(a, e) == b);
    return e;
  };
  Edit e = check("the the cat", "the cat");
  CHECK(e.raw.size() == 4);
  check("caf\xC3\xA9!", "caf\xC3\xA8!");
  e = check("a\r\nb", "a\nb");
  CHECK(e.raw.begin <= 1);
  check("x\r\n", "x\r\r\n");
  check("", "abc");
  check("abc", "");
  check("same", "same");
}
