#pragma once
// The placeholders of the norm's own message texts (seed 001, NPI-007), which
// it writes in brackets: "[Data e Hora]", "[*descreva o impacto*]". A message
// still holding one must not go out: the template was copied from the norm
// and never filled in.
#include <optional>
#include <string>
#include <string_view>

namespace guiche {

// The first such placeholder in `text`, brackets included, or nullopt.
// Scanned by hand: a std::regex recursed once per character, and a long
// bracketed text overflowed the stack (found fuzzing).
std::optional<std::string> norm_placeholder_in(std::string_view text);

}  // namespace guiche
