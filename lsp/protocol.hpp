// The LSP types fulint uses, each with from_json (strict: a missing or
// mistyped field throws InvalidParams naming it) or to_json. Only what the
// server needs; unknown fields are ignored, as the protocol asks.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lsp/convert.hpp"

namespace fulint::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
  kRequestCancelled = -32800,
};

// An error a handler answers with.
class RpcError : public std::runtime_error {
 public:
  RpcError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// Params of the wrong shape.
struct InvalidParams : RpcError {
  explicit InvalidParams(const std::string& message) : RpcError(kInvalidParams, message) {}
};

// --- Reading -----------------------------------------------------------------

Position position_from(const json& j, const std::string& path);
Range range_from(const json& j, const std::string& path);

struct TextDocumentItem {
  std::string uri, language_id, text;
  int64_t version = 0;
};

struct ContentChange {
  std::optional<Range> range;  // none: the whole text
  std::string text;
};

struct DidOpenParams {
  TextDocumentItem document;
};
struct DidChangeParams {
  std::string uri;
  std::optional<int64_t> version;
  std::vector<ContentChange> changes;
};
struct DocumentParams {  // didClose, didSave, textDocument/diagnostic
  std::string uri;
  std::optional<std::string> previous_result_id;
};
struct PositionParams {  // hover
  std::string uri;
  Position position;
};
struct CodeActionParams {
  std::string uri;
  Range range;
  std::vector<json> diagnostics;  // as the client sent them
  std::optional<std::vector<std::string>> only;
};
struct ExecuteCommandParams {
  std::string command;
  json arguments = json::array();
};

// What fulint needs to know of the client.
struct ClientCapabilities {
  bool utf8 = false;              // general.positionEncodings offers "utf-8"
  bool pull = false;              // textDocument.diagnostic
  bool document_changes = false;  // workspace.workspaceEdit.documentChanges
  bool watch_registration = false;  // workspace.didChangeWatchedFiles.dynamicRegistration
  bool diagnostic_refresh = false;  // workspace.diagnostics.refreshSupport
  bool configuration = false;       // workspace.configuration
  bool markdown_hover = true;       // textDocument.hover.contentFormat has markdown (or is absent)
  bool related_information = true;  // textDocument.publishDiagnostics.relatedInformation
};

struct InitializeParams {
  ClientCapabilities capabilities;
  std::vector<std::string> workspace_folders;  // local paths, rootUri / rootPath included
  json initialization_options;                 // null when absent
  std::string trace = "off";
};

DidOpenParams parse_did_open(const json& params);
DidChangeParams parse_did_change(const json& params);
DocumentParams parse_document_params(const json& params);
PositionParams parse_position_params(const json& params);
CodeActionParams parse_code_action(const json& params);
ExecuteCommandParams parse_execute_command(const json& params);
InitializeParams parse_initialize(const json& params);

// --- Writing -----------------------------------------------------------------

json to_json(Position p);
json to_json(const Range& r);

struct TextEdit {
  Range range;
  std::string new_text;
};

// Edits of one document, as `documentChanges` (with the version) when the
// client supports it, else as `changes`.
json workspace_edit(const std::string& uri, std::optional<int64_t> version, const std::vector<TextEdit>& edits,
                    bool document_changes);

json response(const json& id, json result);
json error_response(const json& id, int code, const std::string& message);
json notification(const std::string& method, json params);
json request(const json& id, const std::string& method, json params);

}  // namespace fulint::lsp
