#include <catch2/catch.hpp>

#include "fulint/document.hpp"
#include "fulint/span.hpp"
#include "fulint/text.hpp"

using namespace fulint;

TEST_CASE("line index handles LF, CRLF and lone CR") {
  LineIndex li("a\r\nbc\nd\re");
  REQUIRE(li.line_count() == 4);
  CHECK(li.line_text(0) == "a");
  CHECK(li.line_text(1) == "bc");
  CHECK(li.line_text(2) == "d");
  CHECK(li.line_text(3) == "e");
  CHECK(li.position(4, Units::Bytes) == LineCol{1, 1});
}

TEST_CASE("columns in code points and UTF-16 with accents and emoji") {
  // "é" is 2 bytes, 1 code point, 1 UTF-16 unit; "😀" is 4 bytes, 1 code point, 2 UTF-16 units.
  std::string s = "é😀x";
  LineIndex li(s);
  uint32_t x = static_cast<uint32_t>(s.find('x'));
  CHECK(li.position(x, Units::CodePoints).column == 2);
  CHECK(li.position(x, Units::Utf16).column == 3);
  CHECK(li.position(x, Units::Bytes).column == 6);
  CHECK(li.offset({0, 3}, Units::Utf16) == x);
  CHECK(li.offset({0, 2}, Units::CodePoints) == x);
  // a position inside the surrogate pair stays before the emoji
  CHECK(li.offset({0, 2}, Units::Utf16) == 2);
  // past the end of the line is clamped
  CHECK(li.offset({0, 99}, Units::Utf16) == s.size());
}

TEST_CASE("tabs count as one column") {
  LineIndex li("\tab");
  CHECK(li.position(1, Units::CodePoints).column == 1);
}

TEST_CASE("source map: linear and opaque runs") {
  SourceMap m;
  m.add_linear(0, 10, 5);      // text 0..5 -> raw 10..15
  m.add_opaque(5, 2, 15, 6);   // text 5..7 -> raw 15..21 (e.g. "=C3=A9")
  m.add_linear(7, 21, 3);
  CHECK(m.to_raw({1, 3}) == Span{11, 13});
  CHECK(m.to_raw({5, 7}) == Span{15, 21});
  CHECK(m.to_raw({6, 7}) == Span{15, 21});
  CHECK(m.to_raw({4, 8}) == Span{14, 22});
  CHECK(m.is_exact({0, 5}));
  CHECK_FALSE(m.is_exact({4, 6}));
  CHECK(m.is_exact({7, 10}));
}

TEST_CASE("invalid UTF-8 is replaced in the text but positions stay on the raw bytes") {
  std::string raw = "Subject: Hi\n\nDear Ana,\n\nbad \xff byte here\n";
  Document d = parse_document("x.txt", raw, ParseOptions{".txt"});
  REQUIRE(d.invalid_utf8.size() == 1);
  CHECK(d.invalid_utf8[0].begin == raw.find('\xff'));
  uint32_t t = static_cast<uint32_t>(d.text.find("byte"));
  CHECK(d.map.to_raw({t, t + 4}).begin == raw.find("byte"));
}

TEST_CASE("edit distance") {
  CHECK(text::edit_distance("Rivera", "Riviera", 2) == 1);
  CHECK(text::edit_distance("Acme", "Acmee", 2) == 1);
  CHECK(text::edit_distance("ab", "ba", 2) == 1);
  CHECK(text::edit_distance("Smith", "Patel", 2) == 3);
}

TEST_CASE("format is decided by content, the extension a hint") {
  CHECK(looks_like_eml("From: a@b.c\nSubject: x\n\nbody"));
  CHECK_FALSE(looks_like_eml("Dear Ana,\n\nThanks"));
  Document txt = parse_document("a.txt", "Subject: Data Analyst interview\n\nDear Ana,\n", ParseOptions{".txt"});
  CHECK(txt.format == Format::Txt);
  REQUIRE(txt.subject_text);
  CHECK(txt.str(*txt.subject_text) == "Data Analyst interview");
  Document eml = parse_document("a.txt", "MIME-Version: 1.0\nFrom: a@b.c\nSubject: x\n\nDear Ana,\n", ParseOptions{".txt"});
  CHECK(eml.format == Format::Eml);
}

TEST_CASE("a moved or copied document keeps a valid line index (short texts live inside std::string)") {
  Document a = parse_document("a.txt", "Hi\nyo", ParseOptions{".txt"});
  Document b = std::move(a);
  CHECK(b.lines.line_text(1) == "yo");
  CHECK(b.lines.text().data() == b.raw.data());
  Document c = b;
  CHECK(c.lines.text().data() == c.raw.data());
  c = parse_document("c.txt", "x\r\nzz", ParseOptions{".txt"});
  CHECK(c.lines.line_text(1) == "zz");
  CHECK(c.lines.text().data() == c.raw.data());
}
