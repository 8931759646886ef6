#pragma once
// Manifestações have protocols of their own, "OUV-AAAA-NNNNNN", so nobody
// takes one for a ticket's "AAAA-NNNNNN" (domain/protocol_number.hpp), and a
// follow-up code that, with the protocol, opens it without an account.
#include <optional>
#include <string>
#include <string_view>

namespace guiche {

std::string format_manifestation_protocol(int year, long sequence);
// Also as people type it: lower case, spaces, "OUV 2026-123". Formatted.
std::optional<std::string> parse_manifestation_protocol(std::string_view text);

// The follow-up code as it is shown: "XXXX-XXXX-XXXX" from 12 letters and
// digits that are not confused with one another (60 bits of a random source).
std::string format_tracking_code(std::string_view twelve_symbols);
// As typed: case, spaces and dashes do not matter; nullopt if it cannot be one.
std::optional<std::string> normalize_tracking_code(std::string_view text);
// The alphabet the code is drawn from (32 symbols).
inline constexpr std::string_view kTrackingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

}  // namespace guiche
