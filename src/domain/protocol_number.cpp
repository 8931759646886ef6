#include "domain/protocol_number.hpp"

#include <cstdio>
#include <regex>

namespace guiche {
namespace {

// The sequence is zero-padded to six digits; past 999,999 it simply grows
// (nine digits at most: far beyond any year's count, and within a long), so
// a longer one never starts with a zero. People may drop the padding.
constexpr const char* kYear = R"((\d{4}))";
constexpr const char* kAnySequence = R"((\d{1,6}|[1-9]\d{6,8}))";
constexpr const char* kFullSequence = R"((\d{6}|[1-9]\d{6,8}))";

std::optional<ProtocolNumber> number_of(const std::string& year, const std::string& sequence) {
  ProtocolNumber p{std::stoi(year), std::stol(sequence)};
  if (p.sequence <= 0) return std::nullopt;
  return p;
}

}  // namespace

std::string format_protocol(int year, long sequence) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%06ld", year, sequence);
  return buffer;
}

std::optional<ProtocolNumber> parse_protocol(std::string_view text) {
  static const std::regex pattern(std::string(R"(\s*(?:\[?SA\s+)?)") + kYear + "-" + kAnySequence +
                                  R"(\]?\s*)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, pattern)) return std::nullopt;
  return number_of(m[1].str(), m[2].str());
}

std::optional<std::string> protocol_in_subject(std::string_view subject) {
  static const std::regex pattern(std::string(R"((?:^|[^A-Za-z0-9])\[?\s*SA\s*[:#]?\s*)") + kYear +
                                      "-" + kFullSequence + R"((?!\d))",
                                  std::regex::ECMAScript | std::regex::icase);
  std::cmatch m;
  if (!std::regex_search(subject.data(), subject.data() + subject.size(), m, pattern)) {
    return std::nullopt;
  }
  auto number = number_of(m[1].str(), m[2].str());
  if (!number) return std::nullopt;
  return format_protocol(number->year, number->sequence);
}

}  // namespace guiche
