// The .eml front end: RFC 2047, address lists, MIME, charsets, HTML, and the
// exactness of the text -> raw map (positions of decoded text).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "fulint/document.hpp"
#include "fulint/span.hpp"
#include "mime_decode.hpp"
#include "parse_internal.hpp"

using namespace fulint;

namespace {

Document eml(std::string raw) {
  ParseOptions o;
  o.extension_hint = ".eml";
  return parse_document("t.eml", std::move(raw), o);
}

std::string body(const Document& d) { return std::string(d.str(d.body)); }

// The text range of the first occurrence of `needle` in the document text.
Span find(const Document& d, std::string_view needle) {
  size_t p = d.text.find(needle);
  REQUIRE(p != std::string::npos);
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + needle.size())};
}

std::string raw_of(const Document& d, std::string_view needle) {
  return std::string(slice(d.raw, d.map.to_raw(find(d, needle))));
}

uint32_t raw_line(const Document& d, std::string_view needle) {
  return d.lines.line_of(d.map.to_raw(find(d, needle)).begin) + 1;
}

// Every text offset maps into raw, in non-decreasing order.
void check_monotonic(const Document& d) {
  uint32_t prev = 0;
  for (uint32_t i = 0; i < d.text.size(); ++i) {
    uint32_t r = d.map.to_raw_offset(i);
    INFO("text offset " << i);
    REQUIRE(r <= d.raw.size());
    REQUIRE(r >= prev);
    prev = r;
  }
}

const std::string kHead =
    "From: Jordan <j@example.com>\r\nTo: Priya <p@acme.com>\r\nSubject: Thanks\r\nMIME-Version: 1.0\r\n";

}  // namespace

// ---- unfold / RFC 2047 ---------------------------------------------------------

TEST_CASE("eml: unfold removes line breaks, keeps the white space") {
  CHECK(detail::unfold("Thank you\r\n for\n\tthe chat") == "Thank you for\tthe chat");
  CHECK(detail::unfold("plain") == "plain");
}

TEST_CASE("eml: RFC 2047 decoding") {
  using detail::decode_rfc2047;
  CHECK(decode_rfc2047("=?utf-8?q?caf=C3=A9?=") == "café");
  CHECK(decode_rfc2047("=?UTF-8?Q?a_b?=") == "a b");
  CHECK(decode_rfc2047("=?utf-8?b?w6k=?=") == "é");
  CHECK(decode_rfc2047("=?utf-8?b?w6k?=") == "é");  // missing padding
  // white space between adjacent encoded words is dropped, elsewhere kept
  CHECK(decode_rfc2047("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab");
  CHECK(decode_rfc2047("=?utf-8?q?a?=\r\n =?utf-8?q?b?=") == "ab");
  CHECK(decode_rfc2047("=?utf-8?q?a?=  b  =?utf-8?b?w6k=?=") == "a  b  é");
  // glued to text (as Python decodes it)
  CHECK(decode_rfc2047("foo=?utf-8?q?Ren=C3=A9?=bar") == "fooRenébar");
  CHECK(decode_rfc2047("=?iso-8859-1?q?caf=E9?=") == "café");
  CHECK(decode_rfc2047("=?utf-8*en?q?hi?=") == "hi");  // RFC 2231 language
  CHECK(decode_rfc2047("=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?=") == "山田");
  CHECK(decode_rfc2047("=?koi8-r?b?6dfBziDwxdTSz9c=?=") == "Иван Петров");
  // not encoded words: kept literally
  CHECK(decode_rfc2047("=?utf-8?x?abc?=") == "=?utf-8?x?abc?=");
  CHECK(decode_rfc2047("a =? b") == "a =? b");
  CHECK(decode_rfc2047("=?utf-8?q?no close") == "=?utf-8?q?no close");
  // an unknown charset reads as UTF-8; invalid bytes become U+FFFD
  CHECK(decode_rfc2047("=?x-unknown?q?a=E9?=") == "a\xEF\xBF\xBD");
  CHECK(decode_rfc2047("caf\xC3\xA9 \xE9") == "café \xEF\xBF\xBD");
}

TEST_CASE("eml: many unclosed encoded words stay linear") {
  std::string v;
  for (int i = 0; i < 50000; ++i) v += "=?utf-8?q?x ";
  auto t0 = std::chrono::steady_clock::now();
  std::string out = detail::decode_rfc2047(v);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(out == v);
  CHECK(ms < 2000);
}

// ---- Address lists ---------------------------------------------------------------

TEST_CASE("eml: address lists") {
  using detail::parse_address_list;
  auto one = [](std::string_view v) {
    auto a = parse_address_list(v);
    REQUIRE(a.size() == 1);
    return a[0];
  };
  auto a = one("\"Doe, \\\"J\\\"\" <j@x.com>");
  CHECK(a.name == "Doe, \"J\"");
  CHECK(a.address == "j@x.com");
  CHECK(one("Priya Patel <priya@acme.com>").name == "Priya Patel");
  CHECK(one("John   Q. Public <a@b>").name == "John Q. Public");
  CHECK(one("John (Johnny) Doe <a@b>").name == "John Doe");
  a = one("bare@example.com");
  CHECK(a.name.empty());
  CHECK(a.address == "bare@example.com");
  a = one("<only@angle.com>");
  CHECK(a.name.empty());
  CHECK(a.address == "only@angle.com");
  // the comment is the name when there is no display name (email.utils.parseaddr)
  a = one("priya@acme.com (Priya Patel)");
  CHECK(a.name == "Priya Patel");
  CHECK(a.address == "priya@acme.com");
  CHECK(one("Name <a@b> (comm)").name == "Name");
  // RFC 2047 in display names, adjacent words joined without the space
  CHECK(one("=?utf-8?q?Ren=C3=A9?= =?utf-8?q?_Dupont?= <a@b>").name == "René Dupont");
  CHECK(one("=?utf-8?q?Ren=C3=A9?= Dupont <a@b>").name == "René Dupont");
  CHECK(one("\"=?utf-8?q?Ren=C3=A9?= D\" <a@b>").name == "René D");
  // obsolete forms
  CHECK(one("<@route1,@route2:a@b>").address == "a@b");
  CHECK(one("john . doe @ x.com").address == "john.doe@x.com");
  a = one("Name <a@b");  // unclosed angle
  CHECK(a.name == "Name");
  CHECK(a.address == "a@b");
  // groups are flattened; empty groups give nothing
  auto g = parse_address_list("Team: a@b.com, \"E\" <e@f>;, g@h, undisclosed-recipients:;");
  REQUIRE(g.size() == 3);
  CHECK(g[0].address == "a@b.com");
  CHECK(g[1].name == "E");
  CHECK(g[1].address == "e@f");
  CHECK(g[2].address == "g@h");
  CHECK(parse_address_list("undisclosed-recipients:;").empty());
  // commas inside quotes and empty members
  auto l = parse_address_list("\"Last, First\" <f@l.com>, , Other <o@x>");
  REQUIRE(l.size() == 2);
  CHECK(l[0].name == "Last, First");
  CHECK(l[1].name == "Other");
  // a bare name keeps no address
  a = one("Priya Patel");
  CHECK(a.name == "Priya Patel");
  CHECK(a.address.empty());
  CHECK(parse_address_list("").empty());
  CHECK(parse_address_list("  ,, ;").empty());
}

// ---- Headers ------------------------------------------------------------------------

TEST_CASE("eml: header fields, folding and raw ranges") {
  std::string raw =
      "From: \"Rivera, Jordan\" <j@example.com>\r\n"
      "To: a@b.com,\r\n c@d.com (Cee)\r\n"
      "Subject: Thank you for\r\n  the interview\r\n"
      "References: <a@x>\r\n <b@y>\r\n"
      "X-Custom: =?utf-8?q?caf=C3=A9?=\r\n"
      "\r\n"
      "Body\r\n";
  Document d = eml(raw);
  REQUIRE(d.format == Format::Eml);
  const Header* s = d.header("subject");
  REQUIRE(s);
  CHECK(s->value == "Thank you for  the interview");
  CHECK(slice(d.raw, s->raw) == "Subject: Thank you for\r\n  the interview");
  CHECK(slice(d.raw, s->raw_value) == "Thank you for\r\n  the interview");
  REQUIRE(s->text_value);
  CHECK(d.str(*s->text_value) == "Thank you for  the interview");
  REQUIRE(d.from.size() == 1);
  CHECK(d.from[0].name == "Rivera, Jordan");
  REQUIRE(d.to.size() == 2);
  CHECK(d.to[1].name == "Cee");
  REQUIRE(d.references.size() == 2);
  CHECK(d.references[1] == "<b@y>");
  CHECK(d.header("X-Custom")->value == "café");
  CHECK(d.text == "Thank you for  the interview\n\nBody\r\n");
  CHECK(body(d) == "Body\r\n");
  // the subject maps linearly around the fold, which produces no text
  CHECK(raw_of(d, "the interview") == "the interview");
  CHECK(raw_line(d, "the interview") == 5);
  CHECK(d.map.is_exact(find(d, "Thank you for")));
  // the separator maps to the start of the body
  CHECK(d.map.to_raw_offset(d.body.begin - 1) <= d.map.to_raw_offset(d.body.begin));
  CHECK(slice(d.raw, d.map.to_raw(d.body)) == "Body\r\n");
  check_monotonic(d);
}

TEST_CASE("eml: encoded subject maps each word to its raw span") {
  std::string raw =
      "Subject: Merci =?utf-8?q?beaucoup_caf=C3=A9?=\r\n =?utf-8?b?IQ==?= ok\r\nFrom: a@b\r\n\r\nHi\r\n";
  Document d = eml(raw);
  REQUIRE(d.subject_text);
  CHECK(d.str(*d.subject_text) == "Merci beaucoup café! ok");
  CHECK(raw_of(d, "Merci") == "Merci");
  CHECK(raw_of(d, "beaucoup café") == "=?utf-8?q?beaucoup_caf=C3=A9?=");
  CHECK(raw_of(d, "!") == "=?utf-8?b?IQ==?=");
  CHECK(raw_line(d, "!") == 2);
  CHECK(raw_of(d, "ok") == "ok");
  CHECK_FALSE(d.map.is_exact(find(d, "café")));
  check_monotonic(d);
}

TEST_CASE("eml: header block edge cases") {
  SECTION("LF only, no body") {
    Document d = eml("From: a@b.com\nSubject: Hi");
    CHECK(d.str(*d.subject_text) == "Hi");
    CHECK(body(d).empty());
  }
  SECTION("a non-header line starts the body") {
    Document d = eml("From: a@b.com\nSubject: Hi\nDear Priya,\nThanks\n");
    CHECK(body(d) == "Dear Priya,\nThanks\n");
  }
  SECTION("no Subject: no separator") {
    Document d = eml("From: a@b.com\n\nHello\n");
    CHECK(!d.subject_text);
    CHECK(d.text == "Hello\n");
  }
  SECTION("empty subject") {
    Document d = eml("Subject:\nFrom: a@b.com\n\nHello\n");
    REQUIRE(d.subject_text);
    CHECK(d.subject_text->empty());
    CHECK(d.text == "\n\nHello\n");
  }
  SECTION("8-bit UTF-8 and invalid bytes in the subject") {
    Document d = eml("Subject: caf\xC3\xA9 \xE9!\nFrom: a@b.com\n\nHi\n");
    CHECK(d.str(*d.subject_text) == "café \xEF\xBF\xBD!");
    REQUIRE(d.invalid_utf8.size() == 1);
    CHECK(slice(d.raw, d.invalid_utf8[0]) == "\xE9");
  }
}

// ---- Bodies: transfer encodings and positions ------------------------------------------

TEST_CASE("eml: plain UTF-8 body is one linear run") {
  Document d = eml(kHead + "Content-Type: text/plain; charset=utf-8\r\n\r\nDear Priya,\r\n\r\nThank you — really.\r\n");
  CHECK(body(d) == "Dear Priya,\r\n\r\nThank you — really.\r\n");
  CHECK(d.map.is_exact(d.body));
  CHECK_FALSE(d.body_encoded);
  CHECK(raw_line(d, "Thank you") == 9);
}

TEST_CASE("eml: quoted-printable positions") {
  std::string raw = kHead +
                    "Content-Type: text/plain; charset=utf-8\r\n"
                    "Content-Transfer-Encoding: quoted-printable\r\n"
                    "\r\n"
                    "Dear Priya, caf=C3=A9 au lait, =\r\n"
                    "soft break=3d fine =ZZ kept, lower =e2=80=94 dash\r\n"
                    "end=\r\n";
  Document d = eml(raw);
  CHECK(body(d) == "Dear Priya, café au lait, soft break= fine =ZZ kept, lower — dash\r\nend");
  CHECK(d.body_encoded);
  // a multi-byte character maps to all its escapes
  CHECK(raw_of(d, "é") == "=C3=A9");
  CHECK(raw_of(d, "café") == "caf=C3=A9");
  CHECK(raw_of(d, "—") == "=e2=80=94");
  CHECK(raw_of(d, "=") == "=3d");
  // literal stretches are exact; the soft break produced no text
  CHECK(d.map.is_exact(find(d, "Dear Priya")));
  CHECK(raw_of(d, "soft break") == "soft break");
  CHECK(raw_line(d, "soft break") == 9);
  CHECK(raw_line(d, "Dear") == 8);
  CHECK(raw_of(d, "=ZZ") == "=ZZ");
  check_monotonic(d);
}

TEST_CASE("eml: base64 positions land on the encoded line") {
  // "Hello world, this is line one.\nSecond paragraph here.\n" encoded, 20 chars a line.
  std::string b64 = "SGVsbG8gd29ybGQsIHRo\r\naXMgaXMgbGluZSBvbmUu\r\nClNlY29uZCBwYXJhZ3Jh\r\ncGggaGVyZS4K\r\n";
  std::string raw = kHead +
                    "Content-Type: text/plain; charset=utf-8\r\n"
                    "Content-Transfer-Encoding: base64\r\n"
                    "\r\n" +
                    b64;
  Document d = eml(raw);
  CHECK(body(d) == "Hello world, this is line one.\nSecond paragraph here.\n");
  CHECK(d.body_encoded);
  uint32_t first = 8;  // raw line of the first encoded line
  CHECK(raw_line(d, "Hello") == first);
  CHECK(raw_line(d, "line one") == first + 1);
  CHECK(raw_line(d, "Second") == first + 2);
  CHECK(raw_line(d, "here") == first + 3);
  // "Hel" is the first quantum "SGVs"
  CHECK(raw_of(d, "Hel") == "SGVs");
  CHECK_FALSE(d.map.is_exact(find(d, "Hello")));
  check_monotonic(d);
}

TEST_CASE("eml: base64 with junk and missing padding") {
  std::string raw = kHead +
                    "Content-Transfer-Encoding: base64\r\n\r\n"
                    "SGVs*bG8g\r\nd29y!bGQ\r\n";
  Document d = eml(raw);
  CHECK(body(d) == "Hello world");
  CHECK_FALSE(d.notes.empty());
  check_monotonic(d);
}

// ---- Charsets ----------------------------------------------------------------------------

TEST_CASE("eml: charsets are converted with positions") {
  SECTION("latin-1 8bit") {
    Document d = eml(kHead + "Content-Type: text/plain; charset=iso-8859-1\r\n\r\nMerci, caf\xE9 cr\xE8me.\r\n");
    CHECK(body(d) == "Merci, café crème.\r\n");
    CHECK(raw_of(d, "é") == "\xE9");
    CHECK(raw_of(d, "café") == "caf\xE9");
    CHECK(d.map.is_exact(find(d, "Merci, caf")));
    check_monotonic(d);
  }
  SECTION("latin-1 quoted-printable") {
    Document d = eml(kHead +
                     "Content-Type: text/plain; charset=ISO-8859-1\r\n"
                     "Content-Transfer-Encoding: quoted-printable\r\n\r\ncaf=E9 ok\r\n");
    CHECK(body(d) == "café ok\r\n");
    CHECK(raw_of(d, "é") == "=E9");
  }
  SECTION("windows-1252 smart quotes") {
    Document d = eml(kHead + "Content-Type: text/plain; charset=windows-1252\r\n\r\nI\x92m \x93glad\x94 \x96 yes\r\n");
    CHECK(body(d) == "I’m “glad” – yes\r\n");
    CHECK(raw_of(d, "’") == "\x92");
  }
  SECTION("us-ascii with valid UTF-8 is UTF-8, else windows-1252") {
    Document d = eml(kHead + "Content-Type: text/plain; charset=us-ascii\r\n\r\ncaf\xC3\xA9\r\n");
    CHECK(body(d) == "café\r\n");
    Document d2 = eml(kHead + "\r\nI\x92m\r\n");
    CHECK(body(d2) == "I’m\r\n");
    CHECK(d2.invalid_utf8.empty());
  }
  SECTION("UTF-8 with invalid bytes") {
    Document d = eml(kHead + "Content-Type: text/plain; charset=utf-8\r\n\r\nbad \xFF\xFE here\r\n");
    CHECK(body(d) == "bad \xEF\xBF\xBD\xEF\xBF\xBD here\r\n");
    REQUIRE(d.invalid_utf8.size() == 1);
    CHECK(slice(d.raw, d.invalid_utf8[0]) == "\xFF\xFE");
    CHECK(raw_of(d, "here") == "here");
  }
  SECTION("unknown charset: UTF-8 and a note") {
    Document d = eml(kHead + "Content-Type: text/plain; charset=x-foo\r\n\r\nhello\r\n");
    CHECK(body(d) == "hello\r\n");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0] == "unknown charset 'x-foo'; read as UTF-8");
  }
  SECTION("a path-like charset never reaches ICU's file loader") {
    Document d = eml(kHead + "Content-Type: text/plain; charset=\"/tmp/evil\"\r\n\r\nhello\r\n");
    CHECK(body(d) == "hello\r\n");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0] == "unknown charset '/tmp/evil'; read as UTF-8");
  }
  SECTION("koi8-r, base64") {
    // "Привет" in KOI8-R, base64: 8NLJ18XU
    Document d = eml(kHead + "Content-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: base64\r\n\r\n8NLJ18XU\r\n");
    CHECK(body(d) == "Привет");
    CHECK(raw_of(d, "При") == "8NLJ");
    CHECK(raw_of(d, "вет") == "18XU");
  }
  SECTION("UTF-16 with BOM") {
    std::string u16("\xFF\xFE" "H\0i\0", 6);
    Document d = eml(kHead + "Content-Type: text/plain; charset=utf-16\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + u16);
    CHECK(body(d) == "Hi");
    CHECK(raw_of(d, "i") == std::string("i\0", 2));
  }
  SECTION("shift_jis") {
    Document d = eml(kHead + "Content-Type: text/plain; charset=Shift_JIS\r\n\r\n\x82\xA0\x82\xE8\r\n");
    CHECK(body(d) == "あり\r\n");
    CHECK(raw_of(d, "り") == "\x82\xE8");
  }
}

// ---- MIME structure ------------------------------------------------------------------------

TEST_CASE("eml: multipart body choice and attachments") {
  std::string raw = kHead +
                    "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
                    "\r\n"
                    "preamble\r\n"
                    "--outer\r\n"
                    "Content-Type: text/plain; name=notes.txt\r\n"
                    "\r\n"
                    "not the body (named)\r\n"
                    "--outer\r\n"
                    "Content-Type: multipart/alternative; boundary=inner\r\n"
                    "\r\n"
                    "--inner\r\n"
                    "Content-Type: text/html\r\n"
                    "\r\n"
                    "<p>html</p>\r\n"
                    "--inner\r\n"
                    "Content-Type: text/plain; charset=utf-8\r\n"
                    "\r\n"
                    "Dear Priya,\r\n"
                    "--inner--\r\n"
                    "--outer\r\n"
                    "Content-Type: application/pdf\r\n"
                    "Content-Disposition: attachment;\r\n filename*0*=UTF-8''R%C3%A9sum;\r\n filename*1*=%C3%A9.pdf\r\n"
                    "\r\n"
                    "JVBERi0=\r\n"
                    "--outer--\r\n"
                    "epilogue\r\n";
  Document d = eml(raw);
  CHECK(body(d) == "Dear Priya,");
  CHECK(raw_line(d, "Dear") == 22);
  REQUIRE(d.attachments.size() == 2);
  CHECK(d.attachments[0].filename == "notes.txt");
  CHECK(d.attachments[0].content_type == "text/plain");
  CHECK(slice(d.raw, d.attachments[0].raw) == "Content-Type: text/plain; name=notes.txt");
  CHECK(d.attachments[1].filename == "Résumé.pdf");
  CHECK(d.attachments[1].content_type == "application/pdf");
  CHECK(slice(d.raw, d.attachments[1].raw).substr(0, 20) == "Content-Disposition:");
  CHECK(d.notes.empty());
  check_monotonic(d);
}

TEST_CASE("eml: attachments named by Content-Type name, RFC 2047 in a quoted filename") {
  std::string raw = kHead +
                    "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                    "--b\r\nContent-Type: text/plain\r\n\r\nHi\r\n"
                    "--b\r\nContent-Type: Image/PNG; name=\"=?UTF-8?B?UsOpc3Vtw6kucGRm?=\"\r\n\r\nxx\r\n"
                    "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"\"\r\n\r\nxx\r\n"
                    "--b--\r\n";
  Document d = eml(raw);
  CHECK(body(d) == "Hi");
  REQUIRE(d.attachments.size() == 1);  // filename="" names nothing
  CHECK(d.attachments[0].filename == "Résumé.pdf");
  CHECK(d.attachments[0].content_type == "image/png");
}

TEST_CASE("eml: missing closing boundary is tolerated") {
  std::string raw = kHead +
                    "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                    "--b\r\nContent-Type: text/plain\r\n\r\nHello there\r\n";
  Document d = eml(raw);
  CHECK(body(d) == "Hello there\r\n");
  CHECK_FALSE(d.notes.empty());
}

TEST_CASE("eml: HTML-only body") {
  std::string raw = kHead +
                    "Content-Type: text/html; charset=utf-8\r\n\r\n"
                    "<html><head><title>T</title><style>p{}</style></head><body>"
                    "<p>Dear   Ms.&nbsp;Patel,</p><p>Thanks &amp; caf&eacute; &#8212; ok&#x21;</p>"
                    "<div>Best,<br>Jordan</div><script>x<y</script></body></html>\r\n";
  Document d = eml(raw);
  CHECK(body(d) == "Dear Ms. Patel,\n\nThanks & café — ok!\n\nBest,\nJordan");
  CHECK(raw_of(d, "&") == "&amp;");
  CHECK(raw_of(d, "é") == "&eacute;");
  CHECK(raw_of(d, "—") == "&#8212;");
  CHECK(raw_of(d, "Jordan") == "Jordan");
  // the line break between "Best," and "Jordan" maps to the <br> tag
  Span brk = find(d, ",\nJordan");
  CHECK(slice(d.raw, d.map.to_raw({brk.begin + 1, brk.begin + 2})) == "<br>");
  check_monotonic(d);
}

TEST_CASE("eml: HTML in quoted-printable keeps positions through both layers") {
  std::string raw = kHead +
                    "Content-Type: text/html; charset=utf-8\r\n"
                    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                    "<p>Caf=C3=A9 time</p><p>Second=\r\n line</p>\r\n";
  Document d = eml(raw);
  CHECK(body(d) == "Café time\n\nSecond line");
  CHECK(raw_of(d, "é") == "=C3=A9");
  CHECK(raw_line(d, "line") == 9);
  CHECK(raw_line(d, "Second") == 8);
}

// ---- Robustness ------------------------------------------------------------------------------

TEST_CASE("eml: bad input never crashes or hangs") {
  auto t0 = std::chrono::steady_clock::now();
  SECTION("200,000-line header") {
    std::string raw = "From: a@b.com\r\nSubject: big\r\n";
    for (int i = 0; i < 200000; ++i) raw += "X-Line: value\r\n";
    raw += "\r\nbody\r\n";
    Document d = eml(raw);
    CHECK(d.headers.size() == 200002);
    CHECK(body(d) == "body\r\n");
  }
  SECTION("one folded header of 200,000 lines") {
    std::string raw = "From: a@b.com\r\nSubject: x";
    for (int i = 0; i < 200000; ++i) raw += "\r\n =?utf-8?q?a?=";
    raw += "\r\n\r\nbody\r\n";
    Document d = eml(raw);
    CHECK(d.str(*d.subject_text).size() == 200002);
  }
  SECTION("NUL bytes") {
    std::string raw = kHead + "\r\nhel" + std::string(1, '\0') + "lo\r\n";
    Document d = eml(raw);
    CHECK(body(d).size() == 8);
  }
  SECTION("truncated headers and parts") {
    for (std::string raw : {std::string("From: a@b"), std::string("Subject: =?utf-8?q?abc"),
                            kHead + "Content-Type: multipart/mixed; boundary=", kHead + "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x",
                            kHead + "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain; charset=\"utf",
                            kHead + "Content-Transfer-Encoding: base64\r\n\r\n=", kHead + "Content-Transfer-Encoding: quoted-printable\r\n\r\n=",
                            kHead + "Content-Type: text/html\r\n\r\n<p", kHead + "Content-Type: text/html\r\n\r\n&#x", kHead + "Content-Type: text/html\r\n\r\n<!--"}) {
      Document d = eml(raw);
      check_monotonic(d);
    }
  }
  SECTION("deeply nested multiparts") {
    std::string raw = kHead + "Content-Type: multipart/mixed; boundary=b0\r\n\r\n";
    for (int i = 0; i < 500; ++i)
      raw += "--b" + std::to_string(i) + "\r\nContent-Type: multipart/mixed; boundary=b" + std::to_string(i + 1) + "\r\n\r\n";
    raw += "--b500\r\n\r\ntext\r\n";
    Document d = eml(raw);
    CHECK_FALSE(d.notes.empty());
  }
  SECTION("multipart without boundary is read as text") {
    Document d = eml(kHead + "Content-Type: multipart/mixed\r\n\r\nplain words\r\n");
    CHECK(body(d) == "plain words\r\n");
  }
  auto s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(s < 10);
}

TEST_CASE("eml: mime helpers") {
  using namespace detail::mime;
  Buf out;
  decode_qp("a==41=\nb=", 0, 9, out);
  CHECK(out.bytes == "a=41b");  // as binascii.a2b_qp
  out.clear();
  CHECK(decode_base64("QUJD", 0, 4, out));
  CHECK(out.bytes == "ABC");
  CHECK(out.src[0] == Src{0, 4});
  CHECK(to_utf8_plain("caf\xE9", "latin1") == "café");
  CHECK(to_utf8_plain("\x80", "iso-8859-1") == "€");  // read as windows-1252
  CHECK(sanitize_utf8("a\xFF") == "a\xEF\xBF\xBD");
}

TEST_CASE("eml: HTML blockquote reads as quoted text") {
  std::string raw = kHead +
                    "Content-Type: text/html; charset=utf-8\r\n\r\n"
                    "<div>Thanks!</div><div class=\"gmail_quote\">On Wed, Priya wrote:<br>"
                    "<blockquote class=\"gmail_quote\">Hi Jordan,<br>See you <b>Thursday</b>.</blockquote></div>\r\n";
  Document d = eml(raw);
  CHECK(body(d) == "Thanks!\nOn Wed, Priya wrote:\n> Hi Jordan,\n> See you Thursday.");
  // "> " maps onto the tag(s) that started its line
  CHECK(raw_of(d, "> Hi") == "<br><blockquote class=\"gmail_quote\">Hi");
  CHECK(raw_of(d, "> See") == "<br>See");
  check_monotonic(d);
}
