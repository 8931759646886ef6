#pragma once
// Turning the bytes of a text part into UTF-8 whatever the sender declared.
// Mail clients lie about charsets often enough that the declared one is a
// hint: Latin-1 and US-ASCII are read as windows-1252 (a superset that also
// has the curly quotes and the euro sign Outlook sends), text that claims to
// be UTF-8 but is not falls back to windows-1252, and a part that declares
// nothing is UTF-8 when it is valid UTF-8 and windows-1252 otherwise.
#include <string>
#include <string_view>

namespace guiche::mail {

bool is_valid_utf8(std::string_view bytes);

// Never fails: bytes that cannot be converted become U+FFFD.
std::string to_utf8(std::string_view bytes, std::string_view declared_charset);

}  // namespace guiche::mail
