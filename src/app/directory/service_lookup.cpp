// See service_lookup.hpp.
#include "app/directory/service_lookup.hpp"

#include "domain/service_code.hpp"
#include "store/service_rows.hpp"

namespace guiche::app {

std::optional<Service> find_service_by_typed_code(store::Connection& c, std::string_view typed) {
  if (auto exact = store::find_service_by_code(c, std::string(typed))) return exact;
  std::vector<std::string> codes;
  for (const auto& s : store::load_service_codes(c)) {
    if (s.active) codes.push_back(s.code);
  }
  const auto code = typed_service_code(typed, codes);
  if (!code) return std::nullopt;
  return store::find_service_by_code(c, *code);
}

}  // namespace guiche::app
