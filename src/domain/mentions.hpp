#pragma once
// "@login" in an internal note names a colleague to notify (issue 19, item
// 5). A mention starts at "@" after the start of the text or a character
// that cannot be part of a login (so "joao@orgao.gov.br" is an address, not
// a mention); it takes login characters (a-z 0-9 . _ @ -, case-insensitive)
// and leaves out a final "." or "-" (the end of a sentence). Cases:
// tests/domain/data/mentions.cases.
#include <string>
#include <string_view>
#include <vector>

namespace guiche {

// At most this many distinct logins are taken from one note.
inline constexpr std::size_t kMaxMentions = 20;

// The logins mentioned in `text`, lower-case, each once, in order of first mention.
std::vector<std::string> mentioned_logins(std::string_view text);

}  // namespace guiche
