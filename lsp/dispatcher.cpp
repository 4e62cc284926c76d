#include "lsp/dispatcher.hpp"

namespace fulint::lsp {

void Dispatcher::dispatch(const Incoming& in) {
  switch (in.kind) {
    case Incoming::Kind::ParseError:
      log_("parse error: " + in.detail);
      send_(error_response(nullptr, kParseError, "Parse error: " + in.detail));
      return;
    case Incoming::Kind::FramingError:
      log_("framing: " + in.detail);
      return;
    case Incoming::Kind::Message:
      break;
  }
  if (in.repaired_utf8) {
    // Not valid JSON text (RFC 8259 wants UTF-8): say so, but apply the
    // repaired message so that the document stays in sync with the editor.
    log_(in.detail);
    send_(error_response(nullptr, kParseError, "Parse error: " + in.detail + "; the message was processed with the replacements"));
  } else if (!in.detail.empty()) {
    log_("framing: " + in.detail);
  }
  const json& m = in.message;
  if (!m.is_object()) {
    send_(error_response(nullptr, kInvalidRequest, "Invalid Request: expected a JSON object (LSP does not use batches)"));
    return;
  }
  auto id_it = m.find("id");
  bool has_id = id_it != m.end();
  json id = has_id ? *id_it : json(nullptr);
  if (has_id && !(id.is_string() || id.is_number_integer() || id.is_null())) {
    send_(error_response(nullptr, kInvalidRequest, "Invalid Request: \"id\" must be a string or an integer"));
    return;
  }
  auto method_it = m.find("method");
  if (method_it == m.end()) {
    if (has_id && (m.contains("result") || m.contains("error"))) {
      handle_response(m);
      return;
    }
    if (has_id) send_(error_response(id, kInvalidRequest, "Invalid Request: no \"method\""));
    else log_("ignored a message without method or id");
    return;
  }
  if (!method_it->is_string()) {
    if (has_id) send_(error_response(id, kInvalidRequest, "Invalid Request: \"method\" must be a string"));
    return;
  }
  const std::string method = method_it->get<std::string>();
  auto version = m.find("jsonrpc");
  if (version == m.end() || !version->is_string() || version->get<std::string>() != "2.0") {
    if (has_id) send_(error_response(id, kInvalidRequest, "Invalid Request: \"jsonrpc\" must be \"2.0\""));
    else log_("ignored " + method + ": \"jsonrpc\" is not \"2.0\"");
    return;
  }
  auto params_it = m.find("params");
  const json params = params_it == m.end() ? json(nullptr) : *params_it;
  if (has_id) handle_request(id, method, params);
  else handle_notification(method, params);
}

void Dispatcher::handle_request(const json& id, const std::string& method, const json& params) {
  if (state_ == State::Uninitialized && method != "initialize") {
    send_(error_response(id, kServerNotInitialized, "Server not initialized: " + method + " before initialize"));
    return;
  }
  if (state_ == State::ShutDown || state_ == State::Exited) {
    send_(error_response(id, kInvalidRequest, "Invalid Request: " + method + " after shutdown"));
    return;
  }
  if (method == "initialize" && state_ == State::Running) {
    send_(error_response(id, kInvalidRequest, "Invalid Request: initialize was already received"));
    return;
  }
  if (cancelled_ && cancelled_(id)) {
    send_(error_response(id, kRequestCancelled, "Request cancelled"));
    return;
  }
  auto h = requests_.find(method);
  if (h == requests_.end()) {
    if (method == "shutdown") {
      state_ = State::ShutDown;
      send_(response(id, nullptr));
      return;
    }
    send_(error_response(id, kMethodNotFound, "Method not found: " + method));
    return;
  }
  try {
    json result = h->second(params);
    send_(response(id, std::move(result)));
    if (method == "initialize") state_ = State::Running;
    if (method == "shutdown") state_ = State::ShutDown;
  } catch (const RpcError& e) {
    send_(error_response(id, e.code(), e.what()));
  } catch (const json::exception& e) {
    send_(error_response(id, kInvalidParams, std::string("Invalid params: ") + e.what()));
  } catch (const std::exception& e) {
    log_("internal error in " + method + ": " + e.what());
    send_(error_response(id, kInternalError, std::string("Internal error: ") + e.what()));
  }
}

void Dispatcher::handle_notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exit_code_ = state_ == State::ShutDown ? 0 : 1;
    state_ = State::Exited;
    return;
  }
  if (state_ != State::Running) {
    log_("ignored " + method + (state_ == State::Uninitialized ? " before initialize" : " after shutdown"));
    return;
  }
  if (method == "$/cancelRequest") return;  // noted by the inbox as it arrived
  auto h = notifications_.find(method);
  if (h == notifications_.end()) {
    if (method.rfind("$/", 0) != 0) log_("ignored the unknown notification " + method);
    return;
  }
  try {
    h->second(params);
  } catch (const std::exception& e) {
    log_(method + ": " + e.what());
  }
}

void Dispatcher::handle_response(const json& msg) {
  const json& id = msg.at("id");
  auto it = pending_.find(id.dump());
  if (it == pending_.end()) {
    log_("a response to no request of ours: id " + id.dump());
    return;
  }
  ResponseHandler h = std::move(it->second);
  pending_.erase(it);
  if (!h) return;
  auto err = msg.find("error");
  try {
    if (err != msg.end() && !err->is_null()) {
      h(nullptr, &*err);
    } else {
      auto res = msg.find("result");
      h(res == msg.end() ? json(nullptr) : *res, nullptr);
    }
  } catch (const std::exception& e) {
    log_("handling the response to " + id.dump() + ": " + e.what());
  }
}

void Dispatcher::notify(const std::string& method, json params) { send_(notification(method, std::move(params))); }

void Dispatcher::request(const std::string& method, json params, ResponseHandler on_response) {
  json id = "fulint-" + std::to_string(next_id_++);
  pending_[id.dump()] = std::move(on_response);
  send_(lsp::request(id, method, std::move(params)));
}

}  // namespace fulint::lsp
