#include "rules/common.hpp"

namespace fulint::rules {

const Part* part_at(const Document& doc, uint32_t off) {
  for (const Part& p : doc.parts)
    if (p.span.begin <= off && off < p.span.end) return &p;
  return nullptr;
}

bool in_part(const Document& doc, Span s, std::initializer_list<PartKind> kinds) {
  const Part* p = part_at(doc, s.begin);
  if (!p || !p->span.contains(s)) return false;
  for (PartKind k : kinds)
    if (p->kind == k) return true;
  return false;
}

// Plain loops: find_first_of would search the two-character set once per byte.
Span first_line(const Document& doc, const Part& p) {
  std::string_view t = doc.str(p.span);
  size_t e = 0;
  while (e < t.size() && t[e] != '\n' && t[e] != '\r') ++e;
  return {p.span.begin, p.span.begin + static_cast<uint32_t>(e)};
}

Span last_line(const Document& doc, const Part& p) {
  std::string_view t = doc.str(p.span);
  size_t b = t.size();
  while (b > 0 && t[b - 1] != '\n' && t[b - 1] != '\r') --b;
  return {p.span.begin + static_cast<uint32_t>(b), p.span.end};
}

Span body_anchor(const Document& doc) {
  if (const Part* s = doc.salutation()) return s->span;
  for (const Part& p : doc.parts)
    if (p.kind == PartKind::Paragraph) return first_line(doc, p);
  for (const Part& p : doc.parts)
    if (p.kind != PartKind::Quoted && p.kind != PartKind::Subject) return first_line(doc, p);
  if (const Part* s = doc.subject()) return s->span;
  return {doc.body.begin, doc.body.begin};
}

std::string quoted(std::string_view s) {
  std::string out = "\u2018";
  out += s;
  out += "\u2019";
  return out;
}

}  // namespace fulint::rules
