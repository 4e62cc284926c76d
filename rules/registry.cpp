#include "fulint/registry.hpp"

#include <array>
#include <map>
#include <string>

#include "embedded.hpp"

namespace fulint {
namespace rules {
#define FULINT_RULE(group, symbol, id) const Rule& symbol();
#include "rules.def"
#undef FULINT_RULE
}  // namespace rules

std::span<const Rule* const> all_rules() {
  static const auto list = std::to_array<const Rule*>({
#define FULINT_RULE(group, symbol, id) &rules::symbol(),
#include "rules.def"
#undef FULINT_RULE
  });
  return list;
}

int rule_index(std::string_view id) {
  static const std::map<std::string_view, int, std::less<>> index = [] {
    std::map<std::string_view, int, std::less<>> m;
    auto rules = all_rules();
    for (size_t i = 0; i < rules.size(); ++i) m.emplace(rules[i]->meta().id, static_cast<int>(i));
    return m;
  }();
  auto it = index.find(id);
  return it == index.end() ? -1 : it->second;
}

const Rule* find_rule(std::string_view id) {
  int i = rule_index(id);
  return i < 0 ? nullptr : all_rules()[static_cast<size_t>(i)];
}

std::string_view rule_doc(std::string_view id) {
  for (const auto& f : embedded::rule_docs())
    if (f.name == id) return f.content;
  return {};
}

std::string rule_doc_url(std::string_view id) {
  return "https://fulint.dev/rules/" + std::string(id);
}

}  // namespace fulint
