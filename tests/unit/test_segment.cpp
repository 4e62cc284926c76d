// The body segmenter: salutation, paragraphs, closing, signature, quoted text,
// and the sentences of a paragraph.
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "fulint/document.hpp"
#include "fulint/text.hpp"

using namespace fulint;

namespace {

Document parse(std::string text, std::string ext = ".txt") {
  return parse_document("case" + ext, std::move(text), ParseOptions{ext});
}

std::string part_text(const Document& d, PartKind k) {
  const Part* p = d.first(k);
  return p ? std::string(d.str(p->span)) : std::string("<none>");
}

std::vector<std::string> paragraphs(const Document& d) {
  std::vector<std::string> out;
  for (const Part* p : d.paragraphs()) out.emplace_back(d.str(p->span));
  return out;
}

std::vector<std::string> sentences(const Document& d) {
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.emplace_back(d.str(s.span));
  return out;
}

size_t count(const Document& d, PartKind k) {
  size_t n = 0;
  for (const Part& p : d.parts) n += p.kind == k;
  return n;
}

}  // namespace

TEST_CASE("a plain draft: greeting, paragraphs, closing, signature", "[segment]") {
  Document d = parse(
      "Subject: Data Analyst interview\n\nDear Ms. Patel,\n\nThank you for your time.\n\nI enjoyed the tour.\n\n"
      "Best regards,\nJordan Lee\n(555) 123-4567\n");
  CHECK(part_text(d, PartKind::Subject) == "Data Analyst interview");
  CHECK(part_text(d, PartKind::Salutation) == "Dear Ms. Patel,");
  CHECK(paragraphs(d) == std::vector<std::string>{"Thank you for your time.", "I enjoyed the tour."});
  CHECK(part_text(d, PartKind::Closing) == "Best regards,");
  CHECK(part_text(d, PartKind::Signature) == "Jordan Lee\n(555) 123-4567");
  REQUIRE(d.signature.name);
  CHECK(d.str(*d.signature.name) == "Jordan Lee");
  CHECK(d.signature.phone);
  CHECK_FALSE(d.signature.title);
}

TEST_CASE("greeting and text on one line", "[segment]") {
  Document d = parse("Hi Priya, thank you for meeting with me yesterday.\n\nBest,\nJordan\n");
  CHECK(part_text(d, PartKind::Salutation) == "Hi Priya,");
  CHECK(paragraphs(d) == std::vector<std::string>{"thank you for meeting with me yesterday."});

  // Only names after the comma: the whole line is the greeting.
  Document two = parse("Hello Priya, Tom,\n\nThank you both.\n");
  CHECK(part_text(two, PartKind::Salutation) == "Hello Priya, Tom,");

  // A short greeting ending in "." with text after its comma is split too.
  Document dot = parse("Hi Daniel, thank you for the tour of the lab.\n");
  CHECK(part_text(dot, PartKind::Salutation) == "Hi Daniel,");
  CHECK(paragraphs(dot) == std::vector<std::string>{"thank you for the tour of the lab."});
}

TEST_CASE("a name alone and Good morning are greetings", "[segment]") {
  CHECK(part_text(parse("Priya,\n\nThank you.\n"), PartKind::Salutation) == "Priya,");
  CHECK(part_text(parse("Good morning Dr. Kim:\n\nThank you.\n"), PartKind::Salutation) == "Good morning Dr. Kim:");
  CHECK(part_text(parse("Thank you for the tour.\n\nBest,\nJordan\n"), PartKind::Salutation) == "<none>");
}

TEST_CASE("closing and name on one line: Best, Jordan", "[segment]") {
  Document d = parse("Dear Priya,\n\nThank you for your time.\n\nBest, Jordan\n");
  CHECK(part_text(d, PartKind::Closing) == "Best,");
  CHECK(part_text(d, PartKind::Signature) == "Jordan");
  REQUIRE(d.signature.name);
  CHECK(d.str(*d.signature.name) == "Jordan");
  CHECK(paragraphs(d) == std::vector<std::string>{"Thank you for your time."});
}

TEST_CASE("closings the list does not know, and sentence-like ones", "[segment]") {
  Document a = parse("Dear Priya,\n\nThank you.\n\nLooking forward to working with you,\nJordan Lee\n");
  CHECK(part_text(a, PartKind::Closing) == "Looking forward to working with you,");
  CHECK(part_text(a, PartKind::Signature) == "Jordan Lee");

  Document b = parse("Dear Priya,\n\nI enjoyed the tour.\n\nThank you again for your time.\nJordan\n");
  CHECK(part_text(b, PartKind::Closing) == "Thank you again for your time.");
  CHECK(part_text(b, PartKind::Signature) == "Jordan");

  Document c = parse("Dear Priya,\n\nThank you.\n\nThanks!\nJordan\n");
  CHECK(part_text(c, PartKind::Closing) == "Thanks!");

  // A blank line between the closing and the name.
  Document e = parse("Dear Priya,\n\nThank you.\n\nWarm regards,\n\nJordan Lee\n");
  CHECK(part_text(e, PartKind::Closing) == "Warm regards,");
  CHECK(part_text(e, PartKind::Signature) == "Jordan Lee");
}

TEST_CASE("signature blocks after a \"-- \" line", "[segment]") {
  Document d =
      parse("Dear Priya,\n\nThank you.\n\nBest regards,\nJordan Lee\n\n-- \nJordan Lee\nData Analyst\n555-123-4567\n");
  CHECK(d.signature.delimited);
  CHECK(part_text(d, PartKind::Closing) == "Best regards,");
  REQUIRE(d.signature.name);
  CHECK(d.str(*d.signature.name) == "Jordan Lee");
  CHECK(d.signature.phone);
  CHECK(d.signature.title);  // "Data Analyst", not the repeated name
  CHECK(count(d, PartKind::Signature) == 1);

  // Without a closing: the block is still a signature.
  Document n = parse("Dear Priya,\n\nThank you for your time.\n\n--\nJordan Lee\n");
  CHECK(n.signature.delimited);
  CHECK(part_text(n, PartKind::Closing) == "<none>");
  REQUIRE(n.signature.name);
  CHECK(n.str(*n.signature.name) == "Jordan Lee");
  CHECK(paragraphs(n) == std::vector<std::string>{"Thank you for your time."});
}

TEST_CASE("Sent from my iPhone", "[segment]") {
  Document d = parse("Dear Priya,\n\nThank you.\n\nThanks,\nJordan\n\nSent from my iPhone\n");
  CHECK(d.signature.mobile_footer);
  REQUIRE(d.signature.name);
  CHECK(d.str(*d.signature.name) == "Jordan");
  CHECK(paragraphs(d) == std::vector<std::string>{"Thank you."});

  // A footer alone after the closing is no signature.
  Document f = parse("Dear Priya,\n\nThank you.\n\nBest,\nSent from my iPhone\n");
  CHECK(part_text(f, PartKind::Closing) == "Best,");
  CHECK(f.signature.mobile_footer);
  CHECK_FALSE(f.signature.name);
  CHECK(count(f, PartKind::Signature) == 0);
  CHECK(paragraphs(f) == std::vector<std::string>{"Thank you."});
}

TEST_CASE("quoted replies after On … wrote:", "[segment]") {
  Document d = parse(
      "Dear Priya,\n\nThank you for your time.\n\nBest,\nJordan\n\n"
      "On Tue, Nov 18, 2025 at 9:15 AM Priya Patel <priya@acme.com> wrote:\n> Hi Jordan,\n> Thanks for coming in.\n");
  CHECK(part_text(d, PartKind::Signature) == "Jordan");
  CHECK(count(d, PartKind::Quoted) == 1);
  CHECK(part_text(d, PartKind::Quoted).rfind("On Tue, Nov 18", 0) == 0);
  // Quoted text has no words or sentences.
  for (const Sentence& s : d.sentences) CHECK(d.str(s.span).find("coming in") == std::string_view::npos);

  // The attribution wrapped over two lines.
  Document w = parse(
      "Dear Priya,\n\nThank you.\n\nBest,\nJordan\n\n"
      "On Tue, Nov 18, 2025 at 9:15 AM Priya Patel\n<priya@acme.com> wrote:\n> Hi Jordan\n");
  CHECK(part_text(w, PartKind::Signature) == "Jordan");
  CHECK(part_text(w, PartKind::Quoted) ==
        "On Tue, Nov 18, 2025 at 9:15 AM Priya Patel\n<priya@acme.com> wrote:\n> Hi Jordan");

  // A reply with no closing: the author's text stops at the attribution.
  Document r = parse("Dear Priya,\n\nThanks, Tuesday works for me.\n\nOn Tue, Priya wrote:\n> Can you come Tuesday?\n");
  CHECK(paragraphs(r) == std::vector<std::string>{"Thanks, Tuesday works for me."});
  CHECK(part_text(r, PartKind::Signature) == "<none>");
}

TEST_CASE("forwarded messages and Outlook headers", "[segment]") {
  Document f = parse(
      "Dear Priya,\n\nThank you.\n\nBest,\nJordan\n\n---------- Forwarded message ---------\nFrom: Priya <p@acme.com>\n"
      "Date: Mon\n\nHello there\n");
  CHECK(part_text(f, PartKind::Signature) == "Jordan");
  CHECK(part_text(f, PartKind::Quoted).rfind("---------- Forwarded", 0) == 0);

  Document o = parse(
      "Dear Priya,\n\nThank you.\n\nSincerely,\nJordan Lee\n\n________________________________\nFrom: Priya Patel\n"
      "Sent: Monday\nTo: Jordan\n\nHi Jordan\n");
  CHECK(part_text(o, PartKind::Closing) == "Sincerely,");
  CHECK(part_text(o, PartKind::Signature) == "Jordan Lee");
  CHECK(count(o, PartKind::Quoted) == 1);
}

TEST_CASE("CRLF line ends", "[segment]") {
  Document d = parse(
      "Subject: Hello\r\n\r\nDear Priya,\r\n\r\nThank you for your time.\r\n\r\nKind regards,\r\nJordan Lee\r\n(555) "
      "123-4567\r\n");
  CHECK(part_text(d, PartKind::Subject) == "Hello");
  CHECK(part_text(d, PartKind::Salutation) == "Dear Priya,");
  CHECK(paragraphs(d) == std::vector<std::string>{"Thank you for your time."});
  CHECK(part_text(d, PartKind::Closing) == "Kind regards,");
  CHECK(part_text(d, PartKind::Signature) == "Jordan Lee\r\n(555) 123-4567");
  REQUIRE(d.signature.name);
  CHECK(d.str(*d.signature.name) == "Jordan Lee");
}

TEST_CASE("no closing but a name block", "[segment]") {
  Document d = parse("Dear Priya,\n\nThank you for your time.\n\nJordan Lee\nSenior Data Analyst\n(555) 123-4567\n");
  CHECK(part_text(d, PartKind::Closing) == "<none>");
  CHECK(part_text(d, PartKind::Signature) == "Jordan Lee\nSenior Data Analyst\n(555) 123-4567");
  CHECK(d.signature.title);
  CHECK(d.signature.phone);
  CHECK(paragraphs(d) == std::vector<std::string>{"Thank you for your time."});

  // Right under the last sentence, without a blank line.
  Document u =
      parse("Dear Priya,\n\nThank you for your time.\nI look forward to hearing from you.\nJordan Lee\n555-123-4567\n");
  CHECK(part_text(u, PartKind::Signature) == "Jordan Lee\n555-123-4567");
  CHECK(paragraphs(u) == std::vector<std::string>{"Thank you for your time.\nI look forward to hearing from you."});

  // The message just ends: no signature.
  Document e = parse("Dear Priya,\n\nThank you for your time.\n\nI look forward to hearing from you.\n");
  CHECK(part_text(e, PartKind::Signature) == "<none>");
  CHECK(paragraphs(e).size() == 2);
}

TEST_CASE("signature lines: pieces, titles, links", "[segment]") {
  Document p = parse("Dear Priya,\n\nThank you.\n\nRegards,\nJordan Lee | Data Analyst | 555-123-4567\n");
  REQUIRE(p.signature.name);
  CHECK(p.str(*p.signature.name) == "Jordan Lee");
  CHECK(p.signature.title);
  CHECK(p.signature.phone);

  Document t = parse(
      "Dear Priya,\n\nThank you.\n\nAll the best,\nDr. Jordan Lee, PhD\nSenior Analyst, Acme Corp.\njordanlee.dev\n");
  CHECK(part_text(t, PartKind::Closing) == "All the best,");
  REQUIRE(t.signature.name);
  CHECK(t.str(*t.signature.name) == "Dr. Jordan Lee");
  CHECK(t.signature.url);
  CHECK_FALSE(t.signature.email);

  Document l = parse("Dear Priya,\n\nThank you.\n\nBest,\n- Jordan\nlinkedin.com/in/jordan-lee\njordan@example.com\n");
  REQUIRE(l.signature.name);
  CHECK(l.str(*l.signature.name) == "Jordan");
  CHECK(l.signature.linkedin);
  CHECK(l.signature.email);
}

TEST_CASE("a postscript after the signature stays a paragraph", "[segment]") {
  Document d =
      parse("Dear Priya,\n\nThank you.\n\nBest regards,\nJordan\n\nP.S. I attached the report we discussed.\n");
  CHECK(part_text(d, PartKind::Closing) == "Best regards,");
  CHECK(part_text(d, PartKind::Signature) == "Jordan");
  CHECK(paragraphs(d) == std::vector<std::string>{"Thank you.", "P.S. I attached the report we discussed."});
}

TEST_CASE("bullet lists split into sentences", "[segment]") {
  Document d = parse(
      "Dear Priya,\n\nHighlights from my work:\n- Led the migration\n- Cut costs by 20%\n* Trained 12 analysts\n");
  CHECK(sentences(d) == std::vector<std::string>{"Highlights from my work:", "Led the migration", "Cut costs by 20%",
                                                 "Trained 12 analysts"});
}

TEST_CASE("sentence splitting keeps abbreviations, decimals, URLs and addresses", "[segment]") {
  Document d = parse(
      "Dear Priya,\n\nI met Mr. Smith from the U.S. office, e.g. the sales team. Revenue grew 3.5 percent. "
      "See https://example.com/a.b for details. Mail me at j.lee@example.com. Thanks again! Is Tuesday fine? Yes.\n");
  CHECK(sentences(d) ==
        std::vector<std::string>{"I met Mr. Smith from the U.S. office, e.g. the sales team.",
                                 "Revenue grew 3.5 percent.", "See https://example.com/a.b for details.",
                                 "Mail me at j.lee@example.com.", "Thanks again!", "Is Tuesday fine?", "Yes."});
  // A lower-case word after a full stop does not start a sentence.
  Document l = parse("Dear Priya,\n\nWe met at 10 a.m. and talked. Then we left.\n");
  CHECK(sentences(l) == std::vector<std::string>{"We met at 10 a.m. and talked.", "Then we left."});
}

TEST_CASE("words: URLs and e-mail addresses are one word", "[segment]") {
  Document d =
      parse("Dear Priya,\n\nMy portfolio is at https://jordan.dev/work and I'm at jordan@example.com today.\n");
  std::vector<std::string> special;
  for (const Word& w : d.words)
    if (w.has(kWordUrl) || w.has(kWordEmail)) special.emplace_back(d.str(w.span));
  CHECK(special == std::vector<std::string>{"https://jordan.dev/work", "jordan@example.com"});
}

TEST_CASE("an empty or blank body has no parts but the subject", "[segment]") {
  Document d = parse("Subject: Hello\n\n\n   \n");
  CHECK(d.parts.size() == 1);
  CHECK(parse("").parts.empty());
}

TEST_CASE("word runs end at the first byte that is not in them, eight at a time or fewer", "[segment]") {
  // Every length and place of the stop byte, against a byte-by-byte reading.
  const std::string stops = " .,'-\t\n\xC3\xA9_@Z9";
  for (size_t n = 0; n < 20; ++n)
    for (char stop : stops) {
      std::string s = "..." + std::string(n, 'a') + stop + "bcd efgh ijklmnop";
      size_t alnum = 3, lower = 3;
      while (alnum < s.size() && std::isalnum(static_cast<unsigned char>(s[alnum]))) ++alnum;
      while (lower < s.size() && std::islower(static_cast<unsigned char>(s[lower]))) ++lower;
      CHECK(text::ascii_alnum_end(s, 3, s.size()) == alnum);
      CHECK(text::ascii_lower_end(s, 3, s.size()) == lower);
      CHECK(text::ascii_alnum_end(s, 3, 3 + n) == 3 + n);  // the limit ends a run too
    }
}
