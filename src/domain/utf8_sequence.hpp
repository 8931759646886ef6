#pragma once
// Reading UTF-8 one character at a time where text from outside (an e-mail
// subject, a file name) is cleaned before it is kept: a byte that starts no
// valid character is replaced, not passed on.
#include <cstddef>
#include <string_view>

namespace guiche {

// The length of the valid UTF-8 sequence that starts at s[i] (1 to 4), or 0
// when the bytes there are not one (a stray continuation byte, a truncated
// sequence, an overlong form, a surrogate, or beyond U+10FFFF).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace guiche
