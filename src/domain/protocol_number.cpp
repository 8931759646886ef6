#include "domain/protocol_number.hpp"

#include <cstdio>
#include <regex>

namespace guiche {

std::string format_protocol(int year, long sequence) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%06ld", year, sequence);
  return buffer;
}

std::optional<ProtocolNumber> parse_protocol(std::string_view text) {
  static const std::regex pattern(R"(\s*(?:\[?SA\s+)?(\d{4})-(\d{1,6})\]?\s*)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, pattern)) return std::nullopt;
  ProtocolNumber p{std::stoi(m[1].str()), std::stol(m[2].str())};
  if (p.sequence <= 0) return std::nullopt;
  return p;
}

}  // namespace guiche
