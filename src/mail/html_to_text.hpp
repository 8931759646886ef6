#pragma once
// Plain text from the HTML of an e-mail (Outlook, Gmail, webmail), for
// reading and for storing as a ticket comment. Safe by construction: no tag
// survives, the content of script/style/head-only elements is dropped,
// entities are decoded, block elements become line breaks, blockquotes become
// "> " quoted lines (so quote trimming treats them like plain-text quotes)
// and links keep their URL ("texto (https://...)"; only http, https, mailto).
// The result is text: whoever shows it must still escape it.
#include <string>
#include <string_view>

namespace guiche::mail {

std::string html_to_text(std::string_view html_utf8);

// Decodes one entity name or number ("amp", "#233", "#xE9"); "" if unknown.
std::string decode_html_entity(std::string_view name);

}  // namespace guiche::mail
