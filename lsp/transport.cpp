#include "lsp/transport.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "lsp/convert.hpp"

namespace fulint::lsp {

namespace {

constexpr std::string_view kContentLength = "content-length:";
constexpr size_t kMaxHeader = 64 * 1024;

size_t find_ci(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

std::string parse_error_text(std::string_view body) {
  try {
    json discard = json::parse(body);
    (void)discard;
  } catch (const json::exception& e) {
    return e.what();
  }
  return "not a JSON value";
}

}  // namespace

void FrameParser::feed(std::string_view bytes) { buf_.append(bytes); }

void FrameParser::compact() {
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  } else if (pos_ > (1u << 16) && pos_ * 2 > buf_.size()) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
}

std::optional<Incoming> FrameParser::next() {
  for (;;) {
    if (skip_ > 0) {
      size_t k = std::min(skip_, buf_.size() - pos_);
      pos_ += k;
      skip_ -= k;
      compact();
      if (skip_ > 0) return std::nullopt;
      continue;
    }
    if (body_len_) {
      if (buf_.size() - pos_ < *body_len_) return std::nullopt;
      size_t b = pos_, len = *body_len_;
      body_len_.reset();
      return parse_body(b, len);
    }
    // The header block ends with an empty line ("\r\n\r\n"; "\n\n" tolerated).
    std::string_view rest(buf_.data() + pos_, buf_.size() - pos_);
    size_t t1 = rest.find("\r\n\r\n"), t2 = rest.find("\n\n");
    size_t term = std::min(t1, t2);
    size_t term_len = term == t1 ? 4 : 2;
    if (term == std::string_view::npos) {
      if (rest.size() > kMaxHeader) {
        // No header in sight: drop all but a tail that may hold the start of one.
        size_t keep = 64;
        size_t dropped = rest.size() - keep;
        pos_ += dropped;
        compact();
        return Incoming{Incoming::Kind::FramingError, {}, "skipped " + std::to_string(dropped) + " bytes without a message header"};
      }
      return std::nullopt;
    }
    std::string_view block = rest.substr(0, term);
    pos_ += term + term_len;
    size_t k = find_ci(block, kContentLength);
    if (k == std::string_view::npos) {
      bool blank = std::all_of(block.begin(), block.end(), [](char c) { return c == '\r' || c == '\n' || c == ' ' || c == '\t'; });
      if (blank) continue;
      compact();
      return Incoming{Incoming::Kind::FramingError, {}, "a message header without Content-Length (" + std::to_string(block.size()) + " bytes skipped)"};
    }
    std::string note;
    if (k > 0 && block[k - 1] != '\n') note = "skipped " + std::to_string(k) + " bytes of garbage before a message header";
    size_t i = k + kContentLength.size();
    while (i < block.size() && (block[i] == ' ' || block[i] == '\t')) ++i;
    uint64_t len = 0;
    size_t digits = 0;
    while (i < block.size() && block[i] >= '0' && block[i] <= '9' && digits < 19) {
      len = len * 10 + static_cast<uint64_t>(block[i] - '0');
      ++i;
      ++digits;
    }
    while (i < block.size() && (block[i] == ' ' || block[i] == '\t' || block[i] == '\r')) ++i;
    if (digits == 0 || (i < block.size() && block[i] != '\n')) {
      compact();
      return Incoming{Incoming::Kind::FramingError, {}, "an invalid Content-Length header: " + std::string(block.substr(k, 60))};
    }
    if (len > kMaxBody) {
      skip_ = static_cast<size_t>(len);
      return Incoming{Incoming::Kind::FramingError, {}, "a message of " + std::to_string(len) + " bytes is over the limit; skipped"};
    }
    body_len_ = static_cast<size_t>(len);
    if (!note.empty()) {
      // Report the garbage, then go on with this message.
      return Incoming{Incoming::Kind::FramingError, {}, note};
    }
  }
}

std::optional<Incoming> FrameParser::parse_body(size_t b, size_t len) {
  std::string_view body(buf_.data() + b, len);
  pos_ = b + len;
  Incoming in;
  in.message = json::parse(body.begin(), body.end(), nullptr, false);
  if (!in.message.is_discarded()) {
    compact();
    return in;
  }
  // A Content-Length too long swallows the next message's header: cut the
  // body there and read that message next.
  size_t k = find_ci(body, kContentLength);
  if (k != std::string_view::npos && k > 0) {
    pos_ = b + k;
    std::string_view head = body.substr(0, k);
    in.message = json::parse(head.begin(), head.end(), nullptr, false);
    if (!in.message.is_discarded()) {
      in.detail = "Content-Length too long: the next message started inside the body";
      return in;
    }
    body = head;
  }
  // Invalid UTF-8 makes the text invalid JSON; repair it so that a document
  // stays in sync, and say so.
  std::string copy(body);
  if (repair_utf8(copy)) {
    json j = json::parse(copy, nullptr, false);
    if (!j.is_discarded()) {
      compact();
      in.message = std::move(j);
      in.repaired_utf8 = true;
      in.detail = "invalid UTF-8 in the message (each bad byte replaced with U+FFFD)";
      return in;
    }
  }
  in.kind = Incoming::Kind::ParseError;
  in.message = nullptr;
  in.detail = parse_error_text(body);
  compact();
  return in;
}

std::string FrameParser::unfinished() const {
  if (body_len_)
    return "a message body cut short: " + std::to_string(buf_.size() - pos_) + " of " + std::to_string(*body_len_) + " bytes";
  if (skip_ > 0) return "an oversized message cut short";
  std::string_view rest(buf_.data() + pos_, buf_.size() - pos_);
  bool blank = std::all_of(rest.begin(), rest.end(), [](char c) { return c == '\r' || c == '\n' || c == ' ' || c == '\t'; });
  return blank ? "" : std::to_string(rest.size()) + " bytes of an incomplete message header";
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

// --- Inbox ---------------------------------------------------------------------

void Inbox::push(Incoming in) {
  std::lock_guard lock(mu_);
  if (in.kind == Incoming::Kind::Message && in.message.is_object()) {
    const json& m = in.message;
    auto method = m.find("method");
    auto params = m.find("params");
    if (method != m.end() && method->is_string() && *method == "$/cancelRequest" && params != m.end() && params->is_object()) {
      auto id = params->find("id");
      if (id != params->end() && (id->is_string() || id->is_number_integer())) cancelled_.insert(id->dump());
    }
  }
  queue_.push_back(std::move(in));
  cv_.notify_one();
}

void Inbox::close() {
  std::lock_guard lock(mu_);
  closed_ = true;
  cv_.notify_one();
}

Inbox::Wait Inbox::pop(Incoming& out, std::optional<std::chrono::steady_clock::time_point> deadline) {
  std::unique_lock lock(mu_);
  auto ready = [&] { return !queue_.empty() || closed_; };
  if (deadline) cv_.wait_until(lock, *deadline, ready);
  else cv_.wait(lock, ready);
  if (!queue_.empty()) {
    out = std::move(queue_.front());
    queue_.pop_front();
    return Wait::Message;
  }
  return closed_ ? Wait::Closed : Wait::Timeout;
}

bool Inbox::take_cancelled(const json& id) {
  std::lock_guard lock(mu_);
  return cancelled_.erase(id.dump()) > 0;
}

std::string read_stream(std::istream& in, FrameParser& parser, Inbox& inbox) {
  std::streambuf* sb = in.rdbuf();
  std::string note;
  if (!sb) {
    inbox.close();
    return note;
  }
  char buf[1 << 16];
  for (;;) {
    std::streamsize n = 0;
    std::streamsize avail = sb->in_avail();
    if (avail > 0) {
      n = sb->sgetn(buf, std::min<std::streamsize>(avail, sizeof buf));
    } else {
      int c = sb->sbumpc();  // blocks for the next byte
      if (c == std::char_traits<char>::eof()) break;
      buf[0] = static_cast<char>(c);
      n = 1;
    }
    if (n <= 0) break;
    parser.feed(std::string_view(buf, static_cast<size_t>(n)));
    while (auto m = parser.next()) {
      bool is_exit = false;
      if (m->kind == Incoming::Kind::Message && m->message.is_object()) {
        auto method = m->message.find("method");
        is_exit = method != m->message.end() && method->is_string() && *method == "exit" && !m->message.contains("id");
      }
      inbox.push(std::move(*m));
      if (is_exit) {  // nothing is read after exit
        inbox.close();
        return note;
      }
    }
  }
  note = parser.unfinished();
  inbox.close();
  return note;
}

void Writer::write(const json& message) {
  std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string framed = frame(body);
  std::lock_guard lock(mu_);
  out_.write(framed.data(), static_cast<std::streamsize>(framed.size()));
  out_.flush();
  ++written_;
}

}  // namespace fulint::lsp
