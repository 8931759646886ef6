// The protocol number grammar (domain/protocol_number.cpp): what people type
// and what e-mail subjects carry. A parsed number formats back to a text that
// parses to the same number.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/protocol_number.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto number = guiche::parse_protocol(text)) {
    const auto again =
        guiche::parse_protocol(guiche::format_protocol(number->year, number->sequence));
    if (!again || again->year != number->year || again->sequence != number->sequence)
      __builtin_trap();
  }
  if (const auto named = guiche::protocol_in_subject(text)) {
    if (!guiche::parse_protocol(*named)) __builtin_trap();  // formatted, so it parses
  }
  return 0;
}
