// The server as a whole: the serve() loop over streams (exit codes, framing)
// and the debounce clock, which transcripts cannot drive.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "lsp/server.hpp"
#include "lsp/transport.hpp"

using namespace fulint::lsp;

namespace {

std::string msg(const json& j) { return frame(j.dump()); }

const json kInit = {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}};
const json kShutdown = {{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}};
const json kExit = {{"jsonrpc", "2.0"}, {"method", "exit"}};

std::vector<json> responses(const std::string& out) {
  FrameParser p;
  p.feed(out);
  std::vector<json> v;
  while (auto m = p.next()) {
    REQUIRE(m->kind == Incoming::Kind::Message);
    v.push_back(m->message);
  }
  return v;
}

json did_change(int version, const std::string& text) {
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", "untitled:draft"}, {"version", version}}},
            {"contentChanges", json::array({{{"range", {{"start", {{"line", 0}, {"character", 1000}}}, {"end", {{"line", 0}, {"character", 1000}}}}}, {"text", text}}})}}}};
}

}  // namespace

TEST_CASE("serve: shutdown then exit is status 0, exit alone 1", "[server]") {
  {
    std::istringstream in(msg(kInit) + msg(kShutdown) + msg(kExit));
    std::ostringstream out;
    CHECK(serve(in, out) == 0);
    auto r = responses(out.str());
    REQUIRE(r.size() == 2);
    CHECK(r[1].at("result").is_null());
  }
  {
    std::istringstream in(msg(kInit) + msg(kExit));
    std::ostringstream out;
    CHECK(serve(in, out) == 1);
  }
  {
    // end of input inside a body: no crash, status 1 (no shutdown)
    std::istringstream in(msg(kInit) + "Content-Length: 500\r\n\r\n{\"jsonrpc\":");
    std::ostringstream out;
    CHECK(serve(in, out) == 1);
  }
}

TEST_CASE("serve: stdout carries only frames, errors keep the server going", "[server]") {
  std::string in_bytes = msg(kInit) + "Content-Length: 3\r\n\r\n{x}" + "junk" +
                         msg({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "nope"}}) + msg(kShutdown) + msg(kExit);
  std::istringstream in(in_bytes);
  std::ostringstream out;
  CHECK(serve(in, out) == 0);
  auto r = responses(out.str());
  REQUIRE(r.size() == 4);
  CHECK(r[1].at("error").at("code") == -32700);
  CHECK(r[1].at("id").is_null());
  CHECK(r[2].at("error").at("code") == -32601);
  CHECK(r[2].at("id") == 3);
}

TEST_CASE("debounce: a burst of keystrokes costs one lint, of the newest version", "[server]") {
  std::vector<json> sent;
  ServerOptions opts;
  opts.debounce = std::chrono::milliseconds(100);
  opts.max_wait = std::chrono::milliseconds(400);
  Server s([&](const json& m) { sent.push_back(m); }, opts);
  auto handle = [&](const json& j) {
    Incoming in;
    in.message = j;
    s.handle(in);
  };
  handle(kInit);
  handle({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  handle({{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params", {{"textDocument", {{"uri", "untitled:draft"}, {"languageId", "plaintext"}, {"version", 1}, {"text", "Dear Priya,\n\nThank"}}}}}});
  s.run_due(Server::Clock::now());  // open: at once
  CHECK(s.stats().lints == 1);
  CHECK(s.stats().publishes == 1);

  auto t0 = Server::Clock::now();
  for (int v = 2; v <= 9; ++v) handle(did_change(v, std::string(1, "you for the"[v])));
  REQUIRE(s.next_deadline().has_value());
  CHECK(*s.next_deadline() >= t0 + std::chrono::milliseconds(100));
  s.run_due(t0);  // typing: nothing yet
  CHECK(s.stats().lints == 1);
  s.run_due(*s.next_deadline());
  CHECK(s.stats().lints == 2);
  CHECK(s.stats().publishes == 2);
  CHECK_FALSE(s.next_deadline().has_value());
  const json& last = sent.back();
  CHECK(last.at("method") == "textDocument/publishDiagnostics");
  CHECK(last.at("params").at("version") == 9);
}

TEST_CASE("debounce: steady typing still publishes within max_wait", "[server]") {
  ServerOptions opts;
  opts.debounce = std::chrono::milliseconds(100);
  opts.max_wait = std::chrono::milliseconds(300);
  Server s([](const json&) {}, opts);
  auto handle = [&](const json& j) {
    Incoming in;
    in.message = j;
    s.handle(in);
  };
  handle(kInit);
  handle({{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params", {{"textDocument", {{"uri", "untitled:draft"}, {"languageId", "plaintext"}, {"version", 1}, {"text", "Hi"}}}}}});
  s.flush();
  auto t0 = Server::Clock::now();
  handle(did_change(2, "a"));
  auto first_due = *s.next_deadline();
  for (int v = 3; v < 20; ++v) handle(did_change(v, "a"));
  CHECK(*s.next_deadline() <= t0 + std::chrono::milliseconds(300) + std::chrono::milliseconds(50));
  CHECK(*s.next_deadline() >= first_due);
}
