// The language server: `fulint --lsp`. Links the core; knows nothing of the CLI.
//
//   transport.hpp   Content-Length framing, the inbox, the writer
//   protocol.hpp    the LSP types used, from/to JSON
//   dispatcher.hpp  JSON-RPC dispatch and the lifecycle
//   convert.hpp     positions (UTF-16 / UTF-8) <-> byte offsets, edits, URIs
//   actions.hpp     what code actions change (headers, word lists, fix all)
//   server.hpp      this file: documents, configuration, diagnostics, features
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>

#include "lsp/transport.hpp"

namespace fulint::lsp {

struct ServerOptions {
  // Diagnostics are published this long after the last change of a burst...
  std::chrono::milliseconds debounce{80};
  // ...but no later than this after its first change (steady typing).
  std::chrono::milliseconds max_wait{300};
  // The message time for drafts without a Date: header (Unix seconds); the
  // clock when unset. For reproducible tests.
  std::optional<int64_t> now;
};

class Server {
 public:
  using Clock = std::chrono::steady_clock;
  using Send = std::function<void(const json&)>;

  explicit Server(Send send, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // One thing read from the wire.
  void handle(const Incoming& in);
  // Publishes the diagnostics whose debounce has expired at `now`.
  void run_due(Clock::time_point now);
  // When run_due has work next (push mode, a document waiting).
  std::optional<Clock::time_point> next_deadline() const;
  // Publishes everything pending now (tests, benchmarks).
  void flush() { run_due(Clock::time_point::max()); }
  // Requests still in the inbox when `$/cancelRequest` came for them.
  void set_cancel_check(std::function<bool(const json& id)> check);

  bool exited() const;
  // 0 after shutdown then exit; 1 after exit alone (or end of input before shutdown).
  int exit_code() const;

  struct Stats {
    size_t lints = 0;      // drafts parsed and linted
    size_t publishes = 0;  // publishDiagnostics sent
  };
  const Stats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves LSP over the streams until `exit` (or end of input); returns the
// process exit status (0 after shutdown, 1 without).
int serve(std::istream& in, std::ostream& out, ServerOptions options = {});
// Serves on the process's stdin/stdout (binary mode, unbuffered). Anything
// else that writes to stdout is sent to stderr: stdout carries only frames.
int serve_stdio();

}  // namespace fulint::lsp
