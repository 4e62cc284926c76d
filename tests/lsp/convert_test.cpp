// Positions at the LSP edge: UTF-16 and UTF-8 columns, CRLF and lone CR line
// ends, accents, curly quotes, emoji outside the BMP; incremental edits.
#include <catch2/catch.hpp>

#include <string>

#include "fulint/span.hpp"
#include "lsp/convert.hpp"

using namespace fulint;
using namespace fulint::lsp;

namespace {

// Line 0: C a f é ␠ “ q u o t e d ” ␠ 🙂 ␠ g o n n a, then CRLF;
// line 1: "Second line é", then a lone CR; line 2: "third", then LF; line 3 empty.
const std::string kText = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x99\x82 gonna\r\nSecond line \xC3\xA9\rthird\n";
constexpr uint32_t kGonna = 24;  // byte offset of "gonna"

}  // namespace

TEST_CASE("byte offsets to UTF-16 and UTF-8 positions", "[convert]") {
  LineIndex lines(kText);
  CHECK(to_position(lines, kGonna, Encoding::Utf16) == Position{0, 17});
  CHECK(to_position(lines, kGonna, Encoding::Utf8) == Position{0, 24});
  CHECK(to_position(lines, kGonna + 5, Encoding::Utf16) == Position{0, 22});
  // the emoji is two UTF-16 units, four bytes
  CHECK(to_position(lines, 19, Encoding::Utf16) == Position{0, 14});
  CHECK(to_position(lines, 23, Encoding::Utf16) == Position{0, 16});
  CHECK(to_position(lines, 23, Encoding::Utf8) == Position{0, 23});
  // the curly quotes are one UTF-16 unit, three bytes
  CHECK(to_position(lines, 9, Encoding::Utf16) == Position{0, 6});
  CHECK(to_position(lines, 9, Encoding::Utf8) == Position{0, 9});
  // after CRLF, after a lone CR
  CHECK(to_position(lines, 31, Encoding::Utf16) == Position{1, 0});
  uint32_t e_acute = static_cast<uint32_t>(kText.find("\xC3\xA9", 31));
  CHECK(to_position(lines, e_acute + 2, Encoding::Utf16) == Position{1, 13});
  CHECK(to_position(lines, e_acute + 2, Encoding::Utf8) == Position{1, 14});
  uint32_t third = static_cast<uint32_t>(kText.find("third"));
  CHECK(to_position(lines, third + 5, Encoding::Utf16) == Position{2, 5});
  CHECK(to_position(lines, static_cast<uint32_t>(kText.size()), Encoding::Utf16) == Position{3, 0});
}

TEST_CASE("positions to byte offsets, round trip at every character boundary", "[convert]") {
  LineIndex lines(kText);
  for (Encoding enc : {Encoding::Utf16, Encoding::Utf8}) {
    for (uint32_t off = 0; off <= kText.size(); ++off) {
      bool boundary = off == kText.size() || (static_cast<unsigned char>(kText[off]) & 0xC0) != 0x80;
      if (!boundary || (off > 0 && kText[off - 1] == '\r' && kText[off] == '\n')) continue;
      Position p = to_position(lines, off, enc);
      INFO("offset " << off << " encoding " << to_string(enc));
      CHECK(to_offset(lines, p, enc) == off);
      CHECK(offset_in(kText, p, enc) == off);
    }
  }
}

TEST_CASE("positions are clamped as the LSP specification says", "[convert]") {
  LineIndex lines(kText);
  for (Encoding enc : {Encoding::Utf16, Encoding::Utf8}) {
    // a column past the end of the line: the end of the line, before CRLF
    CHECK(to_offset(lines, {0, 1000}, enc) == 29);
    CHECK(offset_in(kText, {0, 1000}, enc) == 29);
    // a line past the end: the end of the document
    CHECK(to_offset(lines, {99, 3}, enc) == kText.size());
    CHECK(offset_in(kText, {99, 3}, enc) == kText.size());
  }
  // inside the surrogate pair of 🙂: before it
  CHECK(to_offset(lines, {0, 15}, Encoding::Utf16) == 19);
  CHECK(offset_in(kText, {0, 15}, Encoding::Utf16) == 19);
  // inside the bytes of é: before it
  CHECK(offset_in(kText, {0, 4}, Encoding::Utf8) == 3);
}

TEST_CASE("incremental edits in both encodings", "[convert]") {
  SECTION("UTF-16 replace after the emoji") {
    std::string t = kText;
    ChangeResult r = apply_change(t, {{0, 17}, {0, 22}}, "going to", Encoding::Utf16);
    CHECK_FALSE(r.clamped);
    CHECK(r.begin == kGonna);
    CHECK(r.end == kGonna + 8);
    CHECK(t.substr(0, 32) == "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x99\x82 going to");
    CHECK(t.substr(32, 2) == "\r\n");
  }
  SECTION("UTF-8 replace after the emoji") {
    std::string t = kText;
    apply_change(t, {{0, 24}, {0, 29}}, "going to", Encoding::Utf8);
    CHECK(t.find("going to\r\nSecond") != std::string::npos);
  }
  SECTION("typing at the end of a CRLF line inserts before the CR") {
    std::string t = kText;
    apply_change(t, {{0, 22}, {0, 22}}, "!", Encoding::Utf16);
    CHECK(t.find("gonna!\r\n") != std::string::npos);
  }
  SECTION("a multi-line range across CRLF and CR") {
    std::string t = kText;
    apply_change(t, {{0, 17}, {2, 2}}, "X", Encoding::Utf16);
    CHECK(t == "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x99\x82 Xird\n");
  }
  SECTION("out of range: clamped, reported") {
    std::string t = kText;
    ChangeResult r = apply_change(t, {{50, 5}, {50, 9}}, " gonna", Encoding::Utf16);
    CHECK(r.clamped);
    CHECK(t == kText + " gonna");
  }
  SECTION("inverted: empty at the start") {
    std::string t = "abcdef";
    ChangeResult r = apply_change(t, {{0, 4}, {0, 2}}, "X", Encoding::Utf16);
    CHECK(r.inverted);
    CHECK(t == "abcdXef");
  }
}

TEST_CASE("words being typed", "[convert]") {
  CHECK(ends_in_letter("recie"));
  CHECK(ends_in_letter("caf\xC3\xA9"));
  CHECK_FALSE(ends_in_letter("word "));
  CHECK_FALSE(ends_in_letter("word."));
  CHECK_FALSE(ends_in_letter(""));
  CHECK_FALSE(ends_in_letter("\xF0\x9F\x99\x82"));
}

TEST_CASE("file URIs", "[convert]") {
  CHECK(uri_to_path("file:///home/a%20b/caf%C3%A9.eml") == std::string("/home/a b/caf\xC3\xA9.eml"));
  CHECK(uri_to_path("file://localhost/tmp/x.txt") == std::string("/tmp/x.txt"));
  CHECK_FALSE(uri_to_path("untitled:Untitled-1").has_value());
  CHECK_FALSE(uri_to_path("file://server/share/x.txt").has_value());
  CHECK(path_to_uri("/home/a b/caf\xC3\xA9.eml") == "file:///home/a%20b/caf%C3%A9.eml");
  CHECK(uri_to_path(path_to_uri("/tmp/[x] #1.txt")) == std::string("/tmp/[x] #1.txt"));
}

TEST_CASE("invalid UTF-8 is repaired byte by byte", "[convert]") {
  std::string s = "ok \xFF\xFE end \xC3\xA9";
  CHECK(repair_utf8(s));
  CHECK(s == "ok \xEF\xBF\xBD\xEF\xBF\xBD end \xC3\xA9");
  CHECK_FALSE(repair_utf8(s));
}
