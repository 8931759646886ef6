#pragma once
// How the chatbot compares what a person types with what it expects: without case, accents or
// surrounding blanks ("Não" = "nao", "Sup-Téc" = "SUP-TEC"). Private to the chatbot for now: the
// catalog's own service-code rule is meant to replace service_code_key() once it is shared.
#include <string>
#include <string_view>

namespace guiche::chatbot {

// Lowercase ASCII letters for the Latin letters Portuguese uses (á→a, Ç→c…), runs of blanks as
// one space, trimmed. Other characters are kept as they are.
std::string fold(std::string_view text);

// The key two service codes share when a person means the same one: folded, uppercase, and
// spaces, underscores, dots and hyphens between its parts as one hyphen ("sup tec" → "SUP-TEC").
// Empty when `text` has characters no code has (a sentence, not a code).
std::string service_code_key(std::string_view text);

}  // namespace guiche::chatbot
