#include "domain/manifestations/manifestation_protocol.hpp"

#include <cctype>

#include "domain/protocol_number.hpp"

namespace guiche {

std::string format_manifestation_protocol(int year, long sequence) {
  return "OUV-" + format_protocol(year, sequence);
}

std::optional<std::string> parse_manifestation_protocol(std::string_view text) {
  std::string compact;
  for (char ch : text) {
    if (ch == ' ' || ch == '\t') continue;
    compact += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  if (compact.rfind("OUV", 0) != 0) return std::nullopt;
  std::string_view rest = std::string_view(compact).substr(3);
  if (!rest.empty() && rest.front() == '-') rest.remove_prefix(1);
  if (rest.empty() || !std::isdigit(static_cast<unsigned char>(rest.front()))) return std::nullopt;
  const auto p = parse_protocol(rest);
  if (!p) return std::nullopt;
  return format_manifestation_protocol(p->year, p->sequence);
}

std::string format_tracking_code(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += s[i];
  }
  return out;
}

std::optional<std::string> normalize_tracking_code(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == ' ' || ch == '-' || ch == '\t') continue;
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (kTrackingAlphabet.find(up) == std::string_view::npos) return std::nullopt;
    out += up;
  }
  if (out.size() != 12) return std::nullopt;
  return out;
}

}  // namespace guiche
