// Invariants of the rule registry: one source of truth for every rule.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "fulint/config.hpp"
#include "fulint/registry.hpp"

using namespace fulint;

TEST_CASE("every catalog rule is registered once, with metadata, doc and fixture") {
  std::set<std::string> ids;
  for (const Rule* r : all_rules()) {
    const RuleMeta& m = r->meta();
    INFO(m.id);
    CHECK(ids.insert(std::string(m.id)).second);
    CHECK(!m.summary.empty());
    CHECK(m.summary.back() != '.');
    CHECK(rule_index(m.id) >= 0);
    CHECK(find_rule(m.id) == r);
    std::string_view doc = rule_doc(m.id);
    REQUIRE(!doc.empty());
    CHECK(doc.find("# " + std::string(m.id)) == 0);
    size_t last = 0;
    for (const char* section : {"## What it flags", "## Why", "## Example", "## Better", "## Options", "## Fix"}) {
      size_t at = doc.find(section);
      INFO(section);
      CHECK(at != std::string_view::npos);
      CHECK(at >= last);
      if (at != std::string_view::npos) last = at;
    }
    CHECK(doc.find("TODO") == std::string_view::npos);
    for (const OptionSpec& o : m.options) CHECK(doc.find(std::string(o.name)) != std::string_view::npos);
    std::filesystem::path fixture = std::filesystem::path("tests/rules") / (std::string(m.id) + ".fixture");
    CHECK(std::filesystem::exists(fixture));
    std::ifstream in(fixture);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string f = ss.str();
    CHECK(f.find("#! ") != std::string::npos);     // at least one firing case
    CHECK(f.find("=== near miss") != std::string::npos);  // and a near miss
    CHECK(f.find("TODO") == std::string::npos);
  }
  CHECK(all_rules().size() == 47);
}

TEST_CASE("every rule id of the public catalog is present") {
  std::ifstream in("../shared/RULES.md");
  if (!in) {
    WARN("../shared/RULES.md not found; skipped");
    return;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.rfind("| `", 0) != 0) continue;
    size_t e = line.find('`', 3);
    std::string id = line.substr(3, e - 3);
    INFO(id);
    CHECK(find_rule(id) != nullptr);
    ++n;
  }
  CHECK(n == 47);
}

TEST_CASE("default options parse and match their declared types") {
  Config c = Config::defaults();
  REQUIRE(c.rules.size() == all_rules().size());
  for (size_t i = 0; i < c.rules.size(); ++i) {
    const RuleMeta& m = all_rules()[i]->meta();
    INFO(m.id);
    CHECK(c.rules[i].severity == m.severity);
    CHECK(c.rules[i].options.size() == m.options.size());
  }
}
