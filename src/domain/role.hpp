#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guiche {

// docs/domain.md, "Organizations, units and roles". Roles other than requester/org_manager are
// scoped to a unit (and, for unit managers, the units below it).
enum class Role {
  requester,
  org_manager,
  attendant,
  analyst,
  unit_manager,
  client_relations,
  communications,
  leadership,
  admin,
  // Receives and answers manifestações; the only role that sees a confidential
  // manifestante (domain/manifestations/manifestation.hpp).
  ombudsman,
  // Encarregado de dados (LGPD art. 41): reads the personal-data access log
  // and edits the privacy notice (app/privacy/). Not unit-scoped, and no
  // ticket access of its own. Appended last: stored codes and ordinals stay.
  data_protection_officer,
};

std::string_view role_code(Role r);
std::string_view role_label_pt(Role r);
// Every role, in the order the admin pages list them.
const std::vector<Role>& all_roles();
std::optional<Role> parse_role(std::string_view code);
bool role_is_unit_scoped(Role r);

struct RoleGrant {
  Role role;
  std::optional<std::int64_t> unit_id;  // set for unit-scoped roles
};

}  // namespace guiche
