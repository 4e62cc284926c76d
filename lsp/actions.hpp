// What the code actions change, computed on the core's terms (raw byte
// ranges, files): the X-Fulint-Disable header, the workspace word list, "fix
// all". No LSP types here; the server turns the results into WorkspaceEdits.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "fulint/config.hpp"
#include "fulint/diagnostic.hpp"
#include "fulint/document.hpp"
#include "fulint/linter.hpp"

namespace fulint::lsp {

// The edit that disables `rule` for this draft: extends an existing
// X-Fulint-Disable header, else adds one at the end of the header block, else
// (a .txt draft without headers) starts a header block at the top. nullopt
// when the header already names the rule.
std::optional<Edit> disable_rule_edit(const Document& doc, std::string_view rule);

// The line ending the draft uses ("\r\n" when its first line break is one).
std::string_view line_ending(std::string_view raw);

// Applies the safe fixes until nothing changes (at most 8 rounds, as --fix).
// Returns the new text; `applied` counts the fixes.
std::string fix_all(const std::string& path, std::string text, const Config& cfg, const LintEnv& env, size_t* applied);

// The smallest single replacement turning `before` into `after`: the raw
// range of `before` and its new text (common prefix and suffix left alone).
Edit minimal_edit(std::string_view before, std::string_view after);

// The name of the workspace word list fulint creates.
inline constexpr std::string_view kWordListName = ".fulint-words.txt";

struct AddWordResult {
  std::filesystem::path word_file;    // the list the word went to
  std::filesystem::path config_file;  // the config that names it
  bool config_changed = false;        // "word_files" added (or the config created)
  bool already_there = false;
};

// Adds a word to the user's dictionary: to the config's first word list when
// it has one, else to `.fulint-words.txt` beside the config (or beside
// `config_if_none`, created, when the draft has no config), adding
// "word_files" to the config. Throws std::runtime_error on I/O failure.
AddWordResult add_word(std::string_view word, const Config& cfg, const std::filesystem::path& config_if_none);

// `"word_files": ["<name>"]` inserted at the top of a config's JSON object,
// keeping its text (comments, order, indentation) as it is.
std::string insert_word_files(std::string_view config_text, std::string_view name);

}  // namespace fulint::lsp
