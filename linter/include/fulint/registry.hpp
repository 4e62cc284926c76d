// The one list of rules (rules/rules.def), in catalog order.
#pragma once

#include <span>
#include <string_view>

#include "fulint/rule.hpp"

namespace fulint {

std::span<const Rule* const> all_rules();
// Index into all_rules(), or -1.
int rule_index(std::string_view id);
const Rule* find_rule(std::string_view id);
// The rule's documentation (Markdown), from rules/<group>/<id>.md.
std::string_view rule_doc(std::string_view id);
// Where the rule's documentation is published.
std::string rule_doc_url(std::string_view id);

}  // namespace fulint
