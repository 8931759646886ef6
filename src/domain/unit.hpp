#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guiche {

// What a unit is for; the desk routes by kind (non-clients go to the
// client_relations unit, new requests wait in the service_center's queue).
enum class UnitKind { technical, service_center, client_relations, communications };
std::string_view unit_kind_code(UnitKind k);
std::optional<UnitKind> parse_unit_kind(std::string_view code);

struct Unit {
  std::int64_t id = 0;
  std::string code;  // e.g. "SGSIS"
  std::string name;
  std::optional<std::int64_t> parent_id;
  UnitKind kind = UnitKind::technical;
  // An inactive unit receives no tickets; it is kept for the history.
  bool active = true;
};

// True when `unit` is `ancestor` or lies below it in the tree `all`.
bool unit_is_within(const std::vector<Unit>& all, std::int64_t unit, std::int64_t ancestor);

}  // namespace guiche
