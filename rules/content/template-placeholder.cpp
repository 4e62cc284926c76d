// template-placeholder: unfilled template text anywhere in the author's text,
// subject and signature included.
#include <memory>

#include <re2/re2.h>

#include "rules/content/util.hpp"

namespace fulint::rules {
namespace {


bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (ieq(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

// Words that make a bracketed text a template field.
constexpr std::string_view kFieldWords[] = {
    "name",     "title",   "company", "position", "role",     "job",      "date",       "topic",
    "insert",   "project", "skill",   "detail",   "interviewer", "manager", "your",     "here",
    "specific", "number",  "phone",   "email",    "address",  "city",     "time",       "day",
    "industry", "field",   "achievement", "example", "link",  "url",      "organization", "organisation",
    "employer", "department", "recipient", "recruiter", "salutation", "signature", "mention", "reason",
    "initiative", "accomplishment", "program", "programme", "school", "degree", "value", "goal",
    "first",    "last",    "full",    "sender",   "candidate", "contact", "location"};

// Bracketed text that is a mail client's marker or an editorial note, not a field.
constexpr std::string_view kNotFields[] = {
    "sic",    "external", "ext",     "spam",  "suspected spam", "secure", "encrypt", "encrypted",
    "confidential", "caution", "warning", "attention", "important", "urgent", "internal", "draft",
    "fwd",    "fw",       "re",      "ps",    "edit",    "edited", "update", "updated", "image",
    "photo",  "logo",     "icon",    "picture", "graphic", "emoji", "laughs", "sic!", "redacted",
    "external email", "external sender", "external message", "ext email", "external mail", "not spam",
    "bulk",   "newsletter", "pdf",   "video",  "audio", "gif",    "link removed", "attachment removed"};

constexpr std::string_view kHtmlTags[] = {
    "a",     "b",     "i",      "u",      "p",     "s",     "q",      "br",      "hr",     "em",   "tt",
    "li",    "ul",    "ol",     "dl",     "dt",    "dd",    "td",     "tr",      "th",     "h1",   "h2",
    "h3",    "h4",    "h5",     "h6",     "div",   "span",  "strong", "html",    "body",   "head", "table",
    "tbody", "thead", "tfoot",  "img",    "font",  "center", "small", "big",     "sub",    "sup",  "pre",
    "code",  "style", "script", "meta",   "link",  "title", "section", "article", "header", "footer",
    "nav",   "main",  "label",  "input",  "form",  "button", "strike", "blockquote", "col", "wbr"};

bool has_letter(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t cp = text::decode(s, i, len);
    if (text::is_letter(cp)) return true;
    i += len;
  }
  return false;
}

bool has_upper(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t cp = text::decode(s, i, len);
    if (text::is_upper(cp)) return true;
    i += len;
  }
  return false;
}

// Whether a run of letters of `s` equals one of the field words.
bool has_field_word(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) ++i;
    size_t b = i;
    while (i < s.size() && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) ++i;
    std::string_view w = s.substr(b, i - b);
    if (w.empty()) break;
    // "names", "titles": a plural field word still names a field
    std::string_view stem = w.size() > 3 && (w.back() == 's' || w.back() == 'S') ? w.substr(0, w.size() - 1) : w;
    for (auto f : kFieldWords)
      if (ieq(w, f) || ieq(stem, f)) return true;
  }
  return false;
}

int count_words(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ' && c != '\t' && c != '\r' && c != '\n';
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// Whether a bracketed match ([…], <…>, {…}, {{…}}) is a template field.
// `after` is the text that follows it.
bool is_bracket_field(std::string_view m, std::string_view after) {
  char open = m.front();
  size_t skip = (m.size() >= 4 && m[1] == m[0]) ? 2 : 1;  // {{…}}
  std::string_view inner = text::trim(m.substr(skip, m.size() - 2 * skip));
  if (inner.size() < 2 || !has_letter(inner)) return false;
  if (inner.find('@') != std::string_view::npos || inner.find("://") != std::string_view::npos) return false;
  if (count_words(inner) > 8 || std::count(inner.begin(), inner.end(), '\n') > 1) return false;
  switch (open) {
    case '[': {
      if (!after.empty() && after.front() == '(') return false;  // Markdown link: [text](url)
      if (inner.find(':') != std::string_view::npos) return false;  // [cid:…], [image: …], [EXTERNAL: …]
      for (auto n : kNotFields)
        if (ieq(inner, n)) return false;
      return has_upper(inner) || has_field_word(inner);
    }
    case '<': {
      for (char c : inner)
        if (c == ':' || c == '/' || c == '=' || c == '"' || c == '.' || c == ';') return false;
      for (auto t : kHtmlTags)
        if (ieq(inner, t)) return false;
      return has_upper(inner) || has_field_word(inner);
    }
    case '{': {
      // A template variable: letters, digits, _ . - ' and spaces only.
      for (char c : inner) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                  c == '.' || c == '-' || c == '\'' || c == ' ' || static_cast<unsigned char>(c) >= 0x80;
        if (!ok) return false;
      }
      return true;
    }
  }
  return true;
}

// The text with each run of white space (a hard wrap) as one space.
std::string one_line(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  bool space = false;
  for (char c : t) {
    bool ws = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (ws) {
      if (!space) out += ' ';
    } else {
      out += c;
    }
    space = ws;
  }
  return out;
}

enum class Field : uint8_t { Other, Company, Recipient, RecipientFirst, RecipientLast, Sender };

Field classify(std::string_view t, bool in_salutation) {
  if (icontains(t, "your") && (icontains(t, "name") || icontains(t, "signature"))) return Field::Sender;
  if (icontains(t, "sender")) return Field::Sender;
  if (icontains(t, "company") || icontains(t, "organization") || icontains(t, "organisation") ||
      icontains(t, "employer"))
    return icontains(t, "name") || !icontains(t, " ") ? Field::Company : Field::Other;
  bool person = icontains(t, "interviewer") || icontains(t, "hiring manager") || icontains(t, "recipient") ||
                icontains(t, "recruiter") || (in_salutation && icontains(t, "name")) ||
                icontains(t, "first_name") || icontains(t, "first name") || icontains(t, "last name");
  if (!person) return Field::Other;
  if (icontains(t, "first")) return Field::RecipientFirst;
  if (icontains(t, "last")) return Field::RecipientLast;
  return Field::Recipient;
}

// What a field would be filled with, from what is known of the draft, or "".
std::string fill_value(const Context& ctx, Field f) {
  const Facts& facts = ctx.facts;
  switch (f) {
    case Field::Company: return facts.company;
    case Field::Recipient:
    case Field::RecipientFirst:
    case Field::RecipientLast: {
      if (facts.recipient_names.size() != 1) return "";
      std::string_view n = facts.recipient_names.front();
      if (f == Field::Recipient) return std::string(n);
      size_t sp = f == Field::RecipientFirst ? n.find(' ') : n.rfind(' ');
      if (sp == std::string_view::npos) return "";
      return std::string(f == Field::RecipientFirst ? n.substr(0, sp) : n.substr(sp + 1));
    }
    case Field::Sender: {
      for (const Address& a : ctx.doc.from)
        if (!a.name.empty()) return a.name;
      return "";
    }
    case Field::Other: return "";
  }
  return "";
}

// The narrowing patterns ("pattern => narrow") of the placeholder family,
// compiled once, indexed by phrase.
const std::vector<std::unique_ptr<RE2>>& narrowers(PhraseFamilyId fam) {
  static const std::vector<std::unique_ptr<RE2>> v = [fam] {
    std::vector<std::unique_ptr<RE2>> out;
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    for (const Phrase& p : PhraseBook::instance().phrases(fam)) {
      if (!p.has_replacement || p.replacement.empty()) {
        out.push_back(nullptr);
        continue;
      }
      auto re = std::make_unique<RE2>(p.replacement, o);
      out.push_back(re->ok() ? std::move(re) : nullptr);
    }
    return out;
  }();
  return v;
}

class Rule_ final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        .id = "template-placeholder",
        .group = Group::Content,
        .severity = Severity::Error,
        .summary = "Unfilled template text such as [Job Title], {name}, Your Name or XX, subject and signature included",
        .fix = Fixability::Unsafe,
    };
    return m;
  }

  void check(const Context& ctx, Reporter& out) const override {
    static const PhraseFamilyId kPlaceholder = family("placeholder");
    const Document& doc = ctx.doc;
    const std::string_view text = doc.text;
    const auto& narrow = narrowers(kPlaceholder);
    for (const PhraseMatch& m : ctx.phrases(kPlaceholder)) {
      Span s = m.span;
      std::string_view t = doc.str(s);
      if (t.empty()) continue;
      char c = t.front();
      if (c == '[' || c == '<' || c == '{') {
        if (!is_bracket_field(t, text.substr(s.end, 1))) continue;
      } else if (m.phrase < narrow.size() && narrow[m.phrase]) {
        re2::StringPiece sub;
        if (narrow[m.phrase]->Match(t, 0, t.size(), RE2::UNANCHORED, &sub, 1)) {
          uint32_t b = s.begin + static_cast<uint32_t>(sub.data() - t.data());
          s = {b, b + static_cast<uint32_t>(sub.size())};
          t = doc.str(s);
        }
      }
      Diagnostic& d = out.report(s, "Unfilled template text " + quoted(one_line(t)) + "; replace it with the real " +
                                        std::string(what(t)));
      bool in_salutation = in_part(doc, s, {PartKind::Salutation});
      std::string value = fill_value(ctx, classify(t, in_salutation));
      if (!value.empty()) out.add_fix(d, "Replace with " + quoted(value), FixSafety::Unsafe, {{s, value}});
    }
  }

 private:
  static std::string_view what(std::string_view t) {
    switch (classify(t, false)) {
      case Field::Company: return "company name";
      case Field::Recipient: return "name";
      case Field::RecipientFirst: return "first name";
      case Field::RecipientLast: return "last name";
      case Field::Sender: return "name";
      case Field::Other: break;
    }
    if (icontains(t, "title") || icontains(t, "position") || icontains(t, "role") || icontains(t, "job"))
      return "job title";
    if (icontains(t, "date") || icontains(t, "day")) return "date";
    if (icontains(t, "topic") || icontains(t, "project") || icontains(t, "specific") || icontains(t, "detail"))
      return "detail from the conversation";
    return "value";
  }
};

}  // namespace

FULINT_RULE_INSTANCE(template_placeholder, Rule_)

}  // namespace fulint::rules
