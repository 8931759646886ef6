#include "domain/role.hpp"

#include <array>
#include <utility>

namespace guiche {
namespace {

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label_pt;
};

constexpr std::array<RoleInfo, 11> kRoles{{
    {Role::requester, "requester", "solicitante"},
    {Role::org_manager, "org_manager", "gestor do órgão"},
    {Role::attendant, "attendant", "atendente"},
    {Role::analyst, "analyst", "analista"},
    {Role::unit_manager, "unit_manager", "gerente"},
    {Role::client_relations, "client_relations", "relacionamento com clientes"},
    {Role::communications, "communications", "assessoria de comunicação"},
    {Role::leadership, "leadership", "diretoria"},
    {Role::admin, "admin", "administrador"},
    {Role::ombudsman, "ombudsman", "ouvidoria"},
    {Role::data_protection_officer, "data_protection_officer", "encarregado de dados"},
}};

}  // namespace

std::string_view role_code(Role r) {
  return kRoles[static_cast<std::size_t>(r)].code;
}
std::string_view role_label_pt(Role r) {
  return kRoles[static_cast<std::size_t>(r)].label_pt;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> out;
    for (const auto& info : kRoles) out.push_back(info.role);
    return out;
  }();
  return roles;
}

std::optional<Role> parse_role(std::string_view code) {
  for (const auto& info : kRoles) {
    if (info.code == code) return info.role;
  }
  return std::nullopt;
}

bool role_is_unit_scoped(Role r) {
  switch (r) {
    case Role::attendant:
    case Role::analyst:
    case Role::unit_manager:
    case Role::client_relations:
    case Role::communications:
      return true;
    default:
      return false;
  }
}

}  // namespace guiche
