// JSON-RPC dispatch and the LSP lifecycle: method -> typed handler, responses
// to the server's own requests, error codes. Knows nothing of the transport
// (it is handed parsed messages and a function that sends one) nor of fulint.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>

#include "lsp/protocol.hpp"
#include "lsp/transport.hpp"

namespace fulint::lsp {

class Dispatcher {
 public:
  using Send = std::function<void(const json&)>;
  using Log = std::function<void(const std::string&)>;
  using RequestHandler = std::function<json(const json& params)>;
  using NotificationHandler = std::function<void(const json& params)>;
  // The result, or null with `error` set.
  using ResponseHandler = std::function<void(const json& result, const json* error)>;
  using CancelCheck = std::function<bool(const json& id)>;

  enum class State { Uninitialized, Running, ShutDown, Exited };

  Dispatcher(Send send, Log log) : send_(std::move(send)), log_(std::move(log)) {}

  // `initialize` moves the state to Running once answered; `shutdown` to
  // ShutDown; `exit` to Exited (see exit_code()).
  void on_request(const std::string& method, RequestHandler h) { requests_[method] = std::move(h); }
  void on_notification(const std::string& method, NotificationHandler h) { notifications_[method] = std::move(h); }
  void set_cancel_check(CancelCheck c) { cancelled_ = std::move(c); }

  // Handles one thing read from the wire.
  void dispatch(const Incoming& in);

  // Messages from the server.
  void notify(const std::string& method, json params);
  void request(const std::string& method, json params, ResponseHandler on_response = {});

  State state() const { return state_; }
  // 0 after shutdown then exit, 1 after exit alone.
  int exit_code() const { return exit_code_; }

 private:
  void handle_request(const json& id, const std::string& method, const json& params);
  void handle_notification(const std::string& method, const json& params);
  void handle_response(const json& msg);

  Send send_;
  Log log_;
  std::map<std::string, RequestHandler> requests_;
  std::map<std::string, NotificationHandler> notifications_;
  std::map<std::string, ResponseHandler> pending_;  // our request ids (as JSON text)
  CancelCheck cancelled_;
  State state_ = State::Uninitialized;
  int exit_code_ = 1;
  int64_t next_id_ = 1;
};

}  // namespace fulint::lsp
