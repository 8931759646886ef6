#pragma once
// The two small text chores many parsers share: ASCII case folding for names that protocols
// define as case-insensitive (MIME types, header and tag names, charsets), and trimming the
// blanks around what a person typed. Neither touches bytes outside ASCII, so UTF-8 stays whole.
#include <string>
#include <string_view>

namespace guiche {

// `s` with A-Z as a-z.
std::string ascii_lower(std::string_view s);

// `s` without the spaces, tabs and line breaks at either end.
std::string trim_blanks(std::string_view s);

}  // namespace guiche
