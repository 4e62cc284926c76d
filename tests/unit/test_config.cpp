#include <catch2/catch.hpp>

#include "fulint/config.hpp"
#include "fulint/registry.hpp"

using namespace fulint;

static std::string error_of(const std::string& json) {
  try {
    parse_config(json, "cfg.json", ".");
  } catch (const ConfigError& e) {
    return e.json_path() + " | " + e.problem();
  }
  return "";
}

TEST_CASE("config errors name the JSON path and what was expected") {
  CHECK(error_of(R"({"rules": {"no-such-rule": "off"}})").find("/rules/no-such-rule | unknown rule") == 0);
  CHECK(error_of(R"({"rules": {"too-long": {"max_words": "many"}}})").find("/rules/too-long/max_words | expected an integer") == 0);
  CHECK(error_of(R"({"rules": {"too-long": {"max_wordz": 3}}})").find("/rules/too-long/max_wordz | unknown option") == 0);
  CHECK(error_of(R"({"rules": {"too-long": "loud"}})").find("/rules/too-long | expected \"error\"") == 0);
  CHECK(error_of(R"({"interview": {"date": "yesterday"}})").find("/interview/date | expected an ISO 8601") == 0);
  CHECK(error_of(R"({"colour": 1})").find("/colour | unknown key") == 0);
  CHECK(error_of("{\n  \"rules\": {,}\n}").find(" | malformed JSON at line 2") == 0);
  CHECK(error_of(R"({"rules": {"subject-lenght": "off"}})").find("did you mean \"subject-length\"") != std::string::npos);
}

TEST_CASE("config sets severities, options and facts") {
  Config c = parse_config(R"({"language": ["en_US", "en_GB"], "rules": {"too-long": {"severity": "info", "max_words": 200}, "emoji": "off"},
                              "words": ["Acme"], "interview": {"company": "Acme Corp", "interviewers": ["Priya Patel"], "date": "2026-11-20T14:00Z"}})",
                          "cfg.json", ".");
  int tl = rule_index("too-long");
  REQUIRE(tl >= 0);
  CHECK(c.rules[tl].severity == Severity::Info);
  CHECK_FALSE(c.rules[rule_index("emoji")].enabled);
  CHECK(c.languages.size() == 2);
  CHECK(c.interview.company == "Acme Corp");
  CHECK(c.interview.date == parse_time("2026-11-20T14:00:00Z"));
}

TEST_CASE("time parsing: ISO 8601 and RFC 5322 variants") {
  auto t = parse_time("2026-11-20T14:00:00Z");
  REQUIRE(t);
  CHECK(parse_time("2026-11-20T09:00:00-05:00") == t);
  CHECK(parse_time("Fri, 20 Nov 2026 14:00:00 +0000") == t);
  CHECK(parse_time("Fri, 20 Nov 2026 09:00:00 -0500 (EST)") == t);
  CHECK(parse_time("20 Nov 2026 14:00 GMT") == t);
  CHECK(parse_time("Fri, 20 Nov 26 09:00:00 EST") == t);
  CHECK_FALSE(parse_time("next Tuesday"));
  CHECK(parse_time("2026-11-20"));
}
