// The parsed draft: raw bytes, decoded analysis text, headers and the parts of
// the body, each with its exact range.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fulint/span.hpp"

namespace fulint {

enum class Format : uint8_t { Txt, Eml };

enum class PartKind : uint8_t { Subject, Salutation, Paragraph, Closing, Signature, Quoted };
std::string_view to_string(PartKind k);

struct Address {
  std::string name;     // display name, decoded ("" when none)
  std::string address;  // addr-spec ("" for a bare name)
};

// A header field. `value` is unfolded and decoded (RFC 2047).
struct Header {
  std::string name;  // as written
  std::string value;
  Span raw;          // the whole field in the raw file, name to end of value
  Span raw_value;    // the value in the raw file
  std::optional<Span> text_value;  // the value in Document::text, when it is there
};

struct Attachment {
  std::string filename;
  std::string content_type;
  Span raw;  // the part's header that names the file
};

// Word flags.
enum WordFlag : uint16_t {
  kWordUrl = 1 << 0,
  kWordEmail = 1 << 1,
  kWordHasDigit = 1 << 2,
  kWordAllCaps = 1 << 3,      // two or more letters, all upper case
  kWordCapitalized = 1 << 4,  // first letter upper case
  kWordHasLetter = 1 << 5,
};

struct Word {
  Span span;  // in Document::text
  uint16_t flags = 0;
  bool has(WordFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  Span span;                     // in Document::text, from first to last non-space byte
  uint32_t word_begin = 0;       // index into Document::words
  uint32_t word_end = 0;
};

struct Part {
  PartKind kind = PartKind::Paragraph;
  Span span;  // in Document::text, trimmed of surrounding blank space
  uint32_t word_begin = 0, word_end = 0;          // into Document::words
  uint32_t sentence_begin = 0, sentence_end = 0;  // into Document::sentences
};

// What the signature block holds.
struct SignatureInfo {
  std::optional<Span> name;  // the writer's name line (text range)
  bool title = false, phone = false, email = false, url = false, linkedin = false;
  bool mobile_footer = false;  // "Sent from my iPhone" and the like
  bool delimited = false;      // introduced by a "-- " line
};

// The data of a document; Document adds the line index, which refers to `raw`.
struct DocumentData {
  std::string path;  // as given by the user
  Format format = Format::Txt;
  std::string raw;   // the file's bytes, unchanged

  std::string text;  // UTF-8 analysis text: subject and body, decoded
  SourceMap map;     // text offsets -> raw offsets

  std::vector<Header> headers;
  std::vector<Address> from, to, cc;
  std::vector<Attachment> attachments;
  std::vector<std::string> references;  // message ids in References:

  std::optional<Span> subject_text;  // the subject value in `text`
  Span body;                         // the body in `text`

  std::vector<Part> parts;  // in text order; Quoted parts included
  std::vector<Word> words;
  std::vector<Sentence> sentences;
  SignatureInfo signature;

  // Raw ranges of invalid UTF-8 byte runs.
  std::vector<Span> invalid_utf8;
  // Why the body may be imperfect (an undecodable charset, a broken part); shown by --parse.
  std::vector<std::string> notes;
  // The raw range an .eml body's decoded text came from; positions inside a
  // base64 body land on the encoded line (see README, "Positions").
  bool body_encoded = false;
};

struct Document : DocumentData {
  LineIndex lines;  // of raw; kept pointing at this document's raw on copy and move

  Document() = default;
  Document(const Document& o) : DocumentData(o), lines(o.lines) { lines.rebind(raw); }
  Document(Document&& o) noexcept : DocumentData(std::move(o)), lines(o.lines) { lines.rebind(raw); }
  Document& operator=(const Document& o) {
    DocumentData::operator=(o);
    lines = o.lines;
    lines.rebind(raw);
    return *this;
  }
  Document& operator=(Document&& o) noexcept {
    DocumentData::operator=(std::move(o));
    lines = std::move(o.lines);
    lines.rebind(raw);
    return *this;
  }

  // Convenience lookups.
  const Header* header(std::string_view name) const;  // case-insensitive, first
  std::string_view str(Span s) const { return slice(text, s); }
  Span raw_span(Span text_span) const { return map.to_raw(text_span); }
  const Part* first(PartKind k) const;
  const Part* subject() const { return first(PartKind::Subject); }
  const Part* salutation() const { return first(PartKind::Salutation); }
  const Part* closing() const { return first(PartKind::Closing); }
  const Part* signature_part() const { return first(PartKind::Signature); }
  // Body paragraphs (between salutation and closing), in order.
  std::vector<const Part*> paragraphs() const;
  // Whether a text range lies in the author's text (not quoted, not a header
  // other than the subject).
  bool in_authors_text(Span s) const;
};

struct ParseOptions {
  // Decide the format from this extension when the content is ambiguous.
  std::string_view extension_hint;
};

// Parses a draft. Never throws on bad input: what cannot be understood is
// kept as plain text and noted.
Document parse_document(std::string path, std::string raw, const ParseOptions& opts = {});

// Whether bytes look like an RFC 5322 message (a header block with at least one of
// From/To/Subject/Date/MIME-Version, then a blank line).
bool looks_like_eml(std::string_view raw);

}  // namespace fulint
