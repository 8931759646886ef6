#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace guiche {

// Protocol numbers are "AAAA-NNNNNN": the registration year and a sequence
// that restarts each year with no gaps.
std::string format_protocol(int year, long sequence);

struct ProtocolNumber {
  int year;
  long sequence;
};
// Also accepts the e-mail subject form "[SA 2026-000123]" and bare "2026-123".
std::optional<ProtocolNumber> parse_protocol(std::string_view text);

}  // namespace guiche
