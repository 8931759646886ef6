#pragma once
// Pure helpers of the mail intake: making what a mail client sent fit the
// desk's text rules (valid UTF-8, no control characters, within the field's
// size). The protocol a subject quotes: domain/protocol_number.hpp.
#include <string>
#include <string_view>

namespace guiche::app {

// Valid UTF-8 (bad bytes become U+FFFD), tabs and newlines kept, other control
// characters dropped, trimmed, at most `max_bytes` on a character boundary.
std::string clean_mail_text(std::string_view text, std::size_t max_bytes);

// One line (line breaks and tabs become spaces), cleaned, at most `max_bytes`.
std::string clean_mail_line(std::string_view text, std::size_t max_bytes);

// A file name safe on disk and in headers: the last path component, no
// control characters or quotes, at most 200 bytes; "anexo-N" when nothing is left.
std::string clean_mail_filename(std::string_view name, int index);

}  // namespace guiche::app
