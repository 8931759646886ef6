#include "domain/service_search.hpp"

#include <optional>
#include <string>

#include "domain/service_code.hpp"
#include "domain/text_fold.hpp"

namespace guiche {
namespace {

bool has(const std::string& text, const std::string& wanted) {
  return fold_text(text).find(wanted) != std::string::npos;
}

// `wanted` (folded) is part of the service's name, code or a popular name.
bool mentions(const Service& s, const std::string& wanted) {
  if (has(s.name, wanted) || has(s.code, wanted)) return true;
  for (const auto& popular : s.popular_names) {
    if (has(popular, wanted)) return true;
  }
  return false;
}

}  // namespace

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
    if (!wanted.empty() && !mentions(s, wanted)) continue;
    out.push_back({i, false});
  }
  return out;
}

}  // namespace guiche
