#include "domain/person.hpp"

namespace guiche {

bool Person::has_role(Role r) const {
  for (const auto& g : roles) {
    if (g.role == r) return true;
  }
  return false;
}

std::vector<std::int64_t> Person::units_with(Role r) const {
  std::vector<std::int64_t> units;
  for (const auto& g : roles) {
    if (g.role == r && g.unit_id) units.push_back(*g.unit_id);
  }
  return units;
}

}  // namespace guiche
