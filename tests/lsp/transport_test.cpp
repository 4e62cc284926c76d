// Content-Length framing: fragments, bad lengths, garbage, invalid UTF-8.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "lsp/transport.hpp"

using namespace fulint::lsp;

namespace {

std::vector<Incoming> drain(FrameParser& p) {
  std::vector<Incoming> out;
  while (auto m = p.next()) out.push_back(std::move(*m));
  return out;
}

std::vector<Incoming> messages_only(const std::vector<Incoming>& in) {
  std::vector<Incoming> out;
  for (const Incoming& i : in)
    if (i.kind != Incoming::Kind::FramingError) out.push_back(i);
  return out;
}

const std::string kA = R"({"jsonrpc":"2.0","id":1,"method":"a"})";
const std::string kB = R"({"jsonrpc":"2.0","method":"b","params":{"pad":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}})";

}  // namespace

TEST_CASE("messages arrive whole, in pieces, or several at once", "[transport]") {
  FrameParser p;
  std::string two = frame(kA) + frame(kB);
  for (char c : two) {
    p.feed(std::string_view(&c, 1));
  }
  auto got = drain(p);
  REQUIRE(got.size() == 2);
  CHECK(got[0].message.at("method") == "a");
  CHECK(got[1].message.at("method") == "b");
}

TEST_CASE("other headers and LF-only header ends are accepted", "[transport]") {
  FrameParser p;
  p.feed("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: " + std::to_string(kA.size()) +
         "\r\n\r\n" + kA + "content-length:" + std::to_string(kA.size()) + "\n\n" + kA);
  auto got = drain(p);
  REQUIRE(got.size() == 2);
  CHECK(got[1].kind == Incoming::Kind::Message);
}

TEST_CASE("a Content-Length too short: parse error, then resynchronised", "[transport]") {
  FrameParser p;
  p.feed("Content-Length: " + std::to_string(kB.size() - 12) + "\r\n\r\n" + kB + frame(kA));
  auto got = messages_only(drain(p));
  REQUIRE(got.size() == 2);
  CHECK(got[0].kind == Incoming::Kind::ParseError);
  CHECK(got[1].kind == Incoming::Kind::Message);
  CHECK(got[1].message.at("method") == "a");
}

TEST_CASE("a Content-Length too long: the next message survives", "[transport]") {
  FrameParser p;
  p.feed("Content-Length: " + std::to_string(kB.size() + 24) + "\r\n\r\n" + kB);
  CHECK(drain(p).empty());  // waiting for the rest
  p.feed(frame(kA));
  auto got = messages_only(drain(p));
  REQUIRE(got.size() == 2);
  CHECK(got[0].message.at("method") == "b");
  CHECK(got[1].message.at("method") == "a");
}

TEST_CASE("garbage, headers without length, malformed JSON", "[transport]") {
  FrameParser p;
  p.feed("hello there\r\n\r\nX-Nothing: 1\r\n\r\nContent-Length: 5\r\n\r\n{bad}" + frame(kA));
  auto got = drain(p);
  int framing = 0, parse = 0, ok = 0;
  for (auto& g : got) {
    framing += g.kind == Incoming::Kind::FramingError;
    parse += g.kind == Incoming::Kind::ParseError;
    ok += g.kind == Incoming::Kind::Message;
  }
  CHECK(framing == 2);
  CHECK(parse == 1);
  CHECK(ok == 1);
}

TEST_CASE("invalid UTF-8 in a body is repaired and flagged", "[transport]") {
  FrameParser p;
  std::string body = R"({"jsonrpc":"2.0","method":"t","params":{"text":"caf)" + std::string("\xE9") + R"("}})";
  p.feed(frame(body));
  auto got = drain(p);
  REQUIRE(got.size() == 1);
  CHECK(got[0].kind == Incoming::Kind::Message);
  CHECK(got[0].repaired_utf8);
  CHECK(got[0].message.at("params").at("text") == "caf\xEF\xBF\xBD");
}

TEST_CASE("a body cut short by the end of input is reported", "[transport]") {
  FrameParser p;
  p.feed("Content-Length: 100\r\n\r\n{\"jsonrpc\"");
  CHECK(drain(p).empty());
  CHECK(p.unfinished().find("cut short") != std::string::npos);
}

TEST_CASE("an oversized body is skipped without buffering it", "[transport]") {
  FrameParser p;
  size_t n = FrameParser::kMaxBody + 10;
  p.feed("Content-Length: " + std::to_string(n) + "\r\n\r\n");
  auto got = drain(p);
  REQUIRE(got.size() == 1);
  CHECK(got[0].kind == Incoming::Kind::FramingError);
  std::string chunk(1 << 20, 'z');
  for (size_t left = n; left > 0;) {
    size_t k = std::min(left, chunk.size());
    p.feed(std::string_view(chunk.data(), k));
    left -= k;
    CHECK(drain(p).empty());
  }
  p.feed(frame(kA));
  got = drain(p);
  REQUIRE(got.size() == 1);
  CHECK(got[0].message.at("method") == "a");
}

TEST_CASE("read_stream stops after exit; cancellations are noted", "[transport]") {
  std::string in = frame(kA) + frame(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}})") +
                   frame(R"({"jsonrpc":"2.0","method":"exit"})") + frame(kB);
  std::istringstream ss(in);
  FrameParser p;
  Inbox inbox;
  read_stream(ss, p, inbox);
  CHECK(inbox.take_cancelled(1));
  CHECK_FALSE(inbox.take_cancelled(1));
  Incoming m;
  int n = 0;
  while (inbox.pop(m, std::chrono::steady_clock::now()) == Inbox::Wait::Message) ++n;
  CHECK(n == 3);  // kB after exit is never read
}
