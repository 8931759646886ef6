#include "domain/unit.hpp"

namespace guiche {

std::string_view unit_kind_code(UnitKind k) {
  switch (k) {
    case UnitKind::technical:
      return "technical";
    case UnitKind::service_center:
      return "service_center";
    case UnitKind::client_relations:
      return "client_relations";
    case UnitKind::communications:
      return "communications";
  }
  return "technical";
}

std::optional<UnitKind> parse_unit_kind(std::string_view code) {
  for (auto k : {UnitKind::technical, UnitKind::service_center, UnitKind::client_relations,
                 UnitKind::communications}) {
    if (unit_kind_code(k) == code) return k;
  }
  return std::nullopt;
}

bool unit_is_within(const std::vector<Unit>& all, std::int64_t unit, std::int64_t ancestor) {
  std::optional<std::int64_t> current = unit;
  // The depth bound protects against a cycle in bad data.
  for (std::size_t depth = 0; current && depth <= all.size(); ++depth) {
    if (*current == ancestor) return true;
    std::optional<std::int64_t> parent;
    for (const auto& u : all) {
      if (u.id == *current) {
        parent = u.parent_id;
        break;
      }
    }
    current = parent;
  }
  return false;
}

}  // namespace guiche
