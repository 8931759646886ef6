#include "domain/popular_names.hpp"

#include <algorithm>
#include <set>

#include "domain/error.hpp"
#include "domain/text_fold.hpp"

namespace guiche {

std::vector<std::string> tidy_popular_names(const std::vector<std::string>& typed) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& name : typed) {
    const auto first = name.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) continue;
    auto trimmed = name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
    // Characters, not bytes: a UTF-8 continuation byte does not start one.
    const auto length = std::count_if(trimmed.begin(), trimmed.end(), [](char ch) {
      return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    });
    if (static_cast<std::size_t>(length) > kMaxPopularNameLength) {
      throw invalid_field("popular_names", "Cada nome popular pode ter até " +
                                               std::to_string(kMaxPopularNameLength) +
                                               " caracteres.");
    }
    if (seen.insert(fold_text(trimmed)).second) out.push_back(std::move(trimmed));
  }
  if (out.size() > kMaxPopularNames) {
    throw invalid_field("popular_names", "Informe no máximo " + std::to_string(kMaxPopularNames) +
                                             " nomes populares.");
  }
  return out;
}

}  // namespace guiche
