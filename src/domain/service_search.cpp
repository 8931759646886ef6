#include "domain/service_search.hpp"

#include <optional>
#include <string>

#include "domain/service_code.hpp"
#include "domain/text_fold.hpp"

namespace guiche {

std::vector<ServiceHit> search_services(const std::vector<Service>& services,
                                        std::string_view typed) {
  const auto wanted = fold_text(typed);
  std::vector<std::string> codes;
  for (const auto& s : services) codes.push_back(s.code);
  // Someone who types a code wants that service: first, whatever else matches.
  const auto exact = wanted.empty() ? std::nullopt : typed_service_code(typed, codes);
  std::vector<ServiceHit> out;
  for (std::size_t i = 0; i < services.size(); ++i) {
    const auto& s = services[i];
    const bool is_exact = exact && s.code == *exact;
    if (is_exact) {
      out.insert(out.begin(), {i, true});
      continue;
    }
    if (!wanted.empty() && fold_text(s.name).find(wanted) == std::string::npos &&
        fold_text(s.code).find(wanted) == std::string::npos)
      continue;
    out.push_back({i, false});
  }
  return out;
}

}  // namespace guiche
