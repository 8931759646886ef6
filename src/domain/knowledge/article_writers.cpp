// See article_writers.hpp.
#include "domain/knowledge/article_writers.hpp"

namespace guiche {

bool may_write_article(const Person& p, bool has_service, std::optional<std::int64_t> service_owner,
                       const std::vector<Unit>& units) {
  if (!p.active) return false;
  if (p.has_role(Role::admin)) return true;
  if (!has_service) return p.has_role(Role::unit_manager);
  if (!service_owner) return false;
  for (auto unit : p.units_with(Role::unit_manager)) {
    if (unit_is_within(units, *service_owner, unit)) return true;
  }
  for (auto unit : p.units_with(Role::analyst)) {
    if (unit == *service_owner) return true;
  }
  return false;
}

bool writes_articles(const Person& p) {
  return p.active &&
         (p.has_role(Role::admin) || p.has_role(Role::unit_manager) || p.has_role(Role::analyst));
}

}  // namespace guiche
