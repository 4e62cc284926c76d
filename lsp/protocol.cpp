#include "lsp/protocol.hpp"

#include <algorithm>
#include <limits>

namespace fulint::lsp {

namespace {

std::string describe(const json& j) {
  std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return std::string(j.type_name()) + " " + s;
}

const json& object(const json& j, const std::string& path) {
  if (!j.is_object()) throw InvalidParams(path + ": expected an object, got " + describe(j));
  return j;
}

const json* optional_field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return nullptr;
  return &*it;
}

const json& field(const json& j, const char* key, const std::string& path) {
  object(j, path);
  auto it = j.find(key);
  if (it == j.end()) throw InvalidParams(path + ": missing \"" + key + "\"");
  return *it;
}

std::string string_field(const json& j, const char* key, const std::string& path) {
  const json& v = field(j, key, path);
  if (!v.is_string()) throw InvalidParams(path + "/" + key + ": expected a string, got " + describe(v));
  return v.get<std::string>();
}

uint32_t uint_value(const json& v, const std::string& path) {
  if (!v.is_number_integer() || (v.is_number_integer() && !v.is_number_unsigned() && v.get<int64_t>() < 0))
    throw InvalidParams(path + ": expected a non-negative integer, got " + describe(v));
  uint64_t u = v.get<uint64_t>();
  return u > std::numeric_limits<uint32_t>::max() ? std::numeric_limits<uint32_t>::max() : static_cast<uint32_t>(u);
}

int64_t int_value(const json& v, const std::string& path) {
  if (!v.is_number_integer()) throw InvalidParams(path + ": expected an integer, got " + describe(v));
  return v.get<int64_t>();
}

std::string document_uri(const json& params) {
  const json& td = object(field(params, "textDocument", "params"), "params/textDocument");
  return string_field(td, "uri", "params/textDocument");
}

bool truthy(const json& root, std::initializer_list<const char*> path) {
  const json* j = &root;
  for (const char* k : path) {
    if (!j->is_object()) return false;
    auto it = j->find(k);
    if (it == j->end()) return false;
    j = &*it;
  }
  if (j->is_boolean()) return j->get<bool>();
  return !j->is_null();
}

const json* lookup(const json& root, std::initializer_list<const char*> path) {
  const json* j = &root;
  for (const char* k : path) {
    if (!j->is_object()) return nullptr;
    auto it = j->find(k);
    if (it == j->end()) return nullptr;
    j = &*it;
  }
  return j;
}

}  // namespace

Position position_from(const json& j, const std::string& path) {
  object(j, path);
  return {uint_value(field(j, "line", path), path + "/line"), uint_value(field(j, "character", path), path + "/character")};
}

Range range_from(const json& j, const std::string& path) {
  object(j, path);
  return {position_from(field(j, "start", path), path + "/start"), position_from(field(j, "end", path), path + "/end")};
}

DidOpenParams parse_did_open(const json& params) {
  const json& td = object(field(params, "textDocument", "params"), "params/textDocument");
  DidOpenParams p;
  p.document.uri = string_field(td, "uri", "params/textDocument");
  p.document.text = string_field(td, "text", "params/textDocument");
  if (const json* v = optional_field(td, "version")) p.document.version = int_value(*v, "params/textDocument/version");
  if (const json* l = optional_field(td, "languageId"); l && l->is_string()) p.document.language_id = l->get<std::string>();
  return p;
}

DidChangeParams parse_did_change(const json& params) {
  const json& td = object(field(params, "textDocument", "params"), "params/textDocument");
  DidChangeParams p;
  p.uri = string_field(td, "uri", "params/textDocument");
  if (const json* v = optional_field(td, "version")) p.version = int_value(*v, "params/textDocument/version");
  const json& changes = field(params, "contentChanges", "params");
  if (!changes.is_array()) throw InvalidParams("params/contentChanges: expected an array, got " + describe(changes));
  for (size_t i = 0; i < changes.size(); ++i) {
    std::string path = "params/contentChanges/" + std::to_string(i);
    const json& c = object(changes[i], path);
    ContentChange cc;
    cc.text = string_field(c, "text", path);
    if (const json* r = optional_field(c, "range")) cc.range = range_from(*r, path + "/range");
    p.changes.push_back(std::move(cc));
  }
  return p;
}

DocumentParams parse_document_params(const json& params) {
  DocumentParams p;
  p.uri = document_uri(params);
  if (const json* r = optional_field(params, "previousResultId"); r && r->is_string()) p.previous_result_id = r->get<std::string>();
  return p;
}

PositionParams parse_position_params(const json& params) {
  PositionParams p;
  p.uri = document_uri(params);
  p.position = position_from(field(params, "position", "params"), "params/position");
  return p;
}

CodeActionParams parse_code_action(const json& params) {
  CodeActionParams p;
  p.uri = document_uri(params);
  p.range = range_from(field(params, "range", "params"), "params/range");
  const json& ctx = object(field(params, "context", "params"), "params/context");
  if (const json* d = optional_field(ctx, "diagnostics")) {
    if (!d->is_array()) throw InvalidParams("params/context/diagnostics: expected an array, got " + describe(*d));
    p.diagnostics.assign(d->begin(), d->end());
  }
  if (const json* only = optional_field(ctx, "only")) {
    if (!only->is_array()) throw InvalidParams("params/context/only: expected an array, got " + describe(*only));
    std::vector<std::string> kinds;
    for (const json& k : *only)
      if (k.is_string()) kinds.push_back(k.get<std::string>());
    p.only = std::move(kinds);
  }
  return p;
}

ExecuteCommandParams parse_execute_command(const json& params) {
  ExecuteCommandParams p;
  p.command = string_field(params, "command", "params");
  if (const json* a = optional_field(params, "arguments")) {
    if (!a->is_array()) throw InvalidParams("params/arguments: expected an array, got " + describe(*a));
    p.arguments = *a;
  }
  return p;
}

InitializeParams parse_initialize(const json& params) {
  object(params, "params");
  InitializeParams p;
  json caps = json::object();
  if (const json* c = optional_field(params, "capabilities")) caps = object(*c, "params/capabilities");
  ClientCapabilities& cc = p.capabilities;
  if (const json* enc = lookup(caps, {"general", "positionEncodings"}); enc && enc->is_array())
    for (const json& e : *enc)
      if (e.is_string() && e.get<std::string>() == "utf-8") cc.utf8 = true;
  cc.pull = truthy(caps, {"textDocument", "diagnostic"});
  cc.document_changes = truthy(caps, {"workspace", "workspaceEdit", "documentChanges"});
  cc.watch_registration = truthy(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  cc.diagnostic_refresh = truthy(caps, {"workspace", "diagnostics", "refreshSupport"});
  cc.configuration = truthy(caps, {"workspace", "configuration"});
  if (const json* f = lookup(caps, {"textDocument", "hover", "contentFormat"}); f && f->is_array()) {
    cc.markdown_hover = false;
    for (const json& k : *f)
      if (k.is_string() && k.get<std::string>() == "markdown") cc.markdown_hover = true;
  }
  if (const json* r = lookup(caps, {"textDocument", "publishDiagnostics", "relatedInformation"}); r && r->is_boolean())
    cc.related_information = r->get<bool>();

  auto add_folder = [&](const std::string& uri) {
    if (auto path = uri_to_path(uri))
      if (std::find(p.workspace_folders.begin(), p.workspace_folders.end(), *path) == p.workspace_folders.end())
        p.workspace_folders.push_back(*path);
  };
  if (const json* wf = optional_field(params, "workspaceFolders"); wf && wf->is_array())
    for (const json& f : *wf)
      if (f.is_object())
        if (const json* u = optional_field(f, "uri"); u && u->is_string()) add_folder(u->get<std::string>());
  if (const json* r = optional_field(params, "rootUri"); r && r->is_string()) add_folder(r->get<std::string>());
  if (const json* r = optional_field(params, "rootPath"); r && r->is_string() && !r->get<std::string>().empty())
    add_folder(path_to_uri(r->get<std::string>()));
  if (const json* o = optional_field(params, "initializationOptions")) p.initialization_options = *o;
  if (const json* t = optional_field(params, "trace"); t && t->is_string()) p.trace = t->get<std::string>();
  return p;
}

json to_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

json to_json(const Range& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

json workspace_edit(const std::string& uri, std::optional<int64_t> version, const std::vector<TextEdit>& edits,
                    bool document_changes) {
  json list = json::array();
  for (const TextEdit& e : edits) list.push_back({{"range", to_json(e.range)}, {"newText", e.new_text}});
  if (document_changes) {
    json id = {{"uri", uri}, {"version", version ? json(*version) : json(nullptr)}};
    return {{"documentChanges", json::array({{{"textDocument", std::move(id)}, {"edits", std::move(list)}}})}};
  }
  return {{"changes", {{uri, std::move(list)}}}};
}

json response(const json& id, json result) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}; }

json error_response(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json request(const json& id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace fulint::lsp
