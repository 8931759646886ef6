#pragma once
// A service's nomes populares as an administrator typed them (the admin form
// takes one a line; the API a list): each trimmed, the empty ones dropped, a
// name that repeats another but for case or accents dropped ("vpn" after
// "VPN"), in the order given.
#include <cstddef>
#include <string>
#include <vector>

namespace guiche {

constexpr std::size_t kMaxPopularNames = 20;
constexpr std::size_t kMaxPopularNameLength = 100;

// Throws DomainError(validation) on "popular_names" when there are more than
// kMaxPopularNames or one is longer than kMaxPopularNameLength characters.
std::vector<std::string> tidy_popular_names(const std::vector<std::string>& typed);

}  // namespace guiche
