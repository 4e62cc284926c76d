// Parser internals shared by the .txt and .eml front ends and the body
// segmenter. Not part of the public API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fulint/document.hpp"

namespace fulint::detail {

// Appends raw bytes to doc.text as UTF-8, mapped byte for byte where they are
// valid UTF-8; each invalid byte becomes U+FFFD (mapped onto that byte) and
// its raw range goes to doc.invalid_utf8 when `record_invalid`.
void append_raw_utf8(Document& doc, uint32_t raw_begin, uint32_t raw_end, bool record_invalid);

// .eml front end. Fills doc.headers, from, to, cc, attachments, references,
// notes and body_encoded, and builds doc.text / doc.map as:
//   <decoded subject value> "\n\n" <decoded body>
// (the subject only when there is a Subject: header), setting
// doc.subject_text and doc.body. The body is the text/plain part (or the
// text of the only text/html part), transfer-decoded, converted to UTF-8,
// every text byte mapped to the raw bytes it came from.
void parse_eml(Document& doc);

// .txt front end: optional header block, then the body; text == raw (invalid
// UTF-8 replaced). Fills the same fields as parse_eml.
void parse_txt(Document& doc);

// Splits doc.body into parts (salutation, paragraphs, closing, signature,
// quoted) and the author's text into words and sentences; fills
// doc.signature. Also adds the Subject part when doc.subject_text is set.
void segment(Document& doc);

// RFC 5322 address list ("Priya Patel" <p@x.com>, b@y.org (Bob), Group: a@b;)
// with RFC 2047 words in display names decoded.
std::vector<Address> parse_address_list(std::string_view value);
// RFC 2047 encoded words in an unstructured header value.
std::string decode_rfc2047(std::string_view value);
// The message ids ("<id@host>") of a References: or In-Reply-To: value.
std::vector<std::string> parse_message_ids(std::string_view value);
// Unfolds a header value (removes CRLF before white space).
std::string unfold(std::string_view value);

}  // namespace fulint::detail
