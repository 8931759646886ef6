#include "web/date_input.hpp"

#include <charconv>
#include <cstdio>

namespace guiche::web {
namespace {

std::optional<unsigned> number(std::string_view s, std::size_t min_digits, std::size_t max_digits) {
  if (s.size() < min_digits || s.size() > max_digits) return std::nullopt;
  unsigned out = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (error != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return out;
}

std::optional<Date> make_date(std::optional<unsigned> y, std::optional<unsigned> m,
                              std::optional<unsigned> d) {
  if (!y || !m || !d) return std::nullopt;
  const Date out{std::chrono::year{static_cast<int>(*y)}, std::chrono::month{*m},
                 std::chrono::day{*d}};
  if (!out.ok()) return std::nullopt;
  return out;
}

}  // namespace

std::optional<Date> parse_date_input(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  const auto slash = text.find('/');
  if (slash != std::string_view::npos) {
    const auto second = text.find('/', slash + 1);
    if (second == std::string_view::npos) return std::nullopt;
    return make_date(number(text.substr(second + 1), 4, 4),
                     number(text.substr(slash + 1, second - slash - 1), 1, 2),
                     number(text.substr(0, slash), 1, 2));
  }
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return make_date(number(text.substr(0, 4), 4, 4), number(text.substr(5, 2), 2, 2),
                   number(text.substr(8, 2), 2, 2));
}

std::string format_date_input(Date d) {
  return format_date_br(d);
}

std::optional<int> parse_clock_input(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto hours = number(text.substr(0, colon), 1, 2);
  const auto minutes = number(text.substr(colon + 1), 2, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return static_cast<int>(*hours * 60 + *minutes);
}

}  // namespace guiche::web
