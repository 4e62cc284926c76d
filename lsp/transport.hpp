// The wire: Content-Length framing of JSON-RPC messages. Knows nothing of
// LSP methods. The frame parser is fed bytes and never blocks, so the same
// code serves a pipe, a stream and the in-process test runner.
#pragma once

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <istream>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

namespace fulint::lsp {

using json = nlohmann::json;

// One thing read from the wire.
struct Incoming {
  enum class Kind {
    Message,       // `message` holds the parsed JSON
    ParseError,    // the body is not JSON: answer -32700 with id null
    FramingError,  // bad headers or garbage between messages (logged, skipped)
  };
  Kind kind = Kind::Message;
  json message;
  std::string detail;         // what was wrong (ParseError, FramingError, repaired UTF-8)
  bool repaired_utf8 = false; // invalid UTF-8 in the body was replaced with U+FFFD
};

// Splits a byte stream into messages. Recovers from bad framing: garbage
// before a header is skipped up to the next "Content-Length:", and a body
// that swallowed the next message's header (a Content-Length too long) is cut
// there so the next message survives.
class FrameParser {
 public:
  // Bodies above this are skipped (never buffered whole).
  static constexpr size_t kMaxBody = 256u << 20;

  void feed(std::string_view bytes);
  // The next message or error, or nullopt when more bytes are needed.
  std::optional<Incoming> next();
  // At end of input: describes a message left incomplete ("" when none).
  std::string unfinished() const;

 private:
  std::optional<Incoming> parse_body(size_t body_begin, size_t len);
  void compact();

  std::string buf_;
  size_t pos_ = 0;
  std::optional<size_t> body_len_;  // set while waiting for a body
  size_t skip_ = 0;                 // bytes of an oversized body still to drop
};

// Frames a message: "Content-Length: N\r\n\r\n" + body.
std::string frame(std::string_view body);

// Messages read by the reader thread, waiting for the main loop.
// `$/cancelRequest` ids are noted as they arrive so that a request still
// waiting in the queue can be answered with RequestCancelled.
class Inbox {
 public:
  void push(Incoming in);
  void close();  // end of input
  // Waits until a message arrives, the deadline passes or input ends.
  enum class Wait { Message, Timeout, Closed };
  Wait pop(Incoming& out, std::optional<std::chrono::steady_clock::time_point> deadline);
  // Whether a request id was cancelled (and forgets it).
  bool take_cancelled(const json& id);

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Incoming> queue_;
  std::set<std::string> cancelled_;  // ids as JSON text
  bool closed_ = false;
};

// Reads a stream into an Inbox until end of input or an `exit` notification.
// Returns a note about an incomplete last message ("" when none).
std::string read_stream(std::istream& in, FrameParser& parser, Inbox& inbox);

// Writes framed messages; thread-safe; flushes each one.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void write(const json& message);
  size_t written() const { return written_; }

 private:
  std::mutex mu_;
  std::ostream& out_;
  size_t written_ = 0;
};

}  // namespace fulint::lsp
