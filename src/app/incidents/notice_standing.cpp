#include "app/incidents/notice_standing.hpp"

#include "app/access_policy.hpp"

namespace guiche::app {
namespace {

// The responsible unit's own people and those of the units below it; its
// managers and those of the units above it.
bool works_in(const Person& p, std::int64_t unit, const std::vector<Unit>& units) {
  for (auto role : {Role::attendant, Role::analyst, Role::unit_manager}) {
    for (auto id : p.units_with(role)) {
      if (unit_is_within(units, id, unit)) return true;
    }
  }
  for (auto id : p.units_with(Role::unit_manager)) {
    if (unit_is_within(units, unit, id)) return true;
  }
  return false;
}

}  // namespace

NoticeStanding notice_standing(const Person& p, const std::vector<StatusComponent>& components,
                               const std::vector<Unit>& units,
                               const std::optional<Organization>& organization) {
  NoticeStanding s;
  if (!p.active) return s;
  for (const auto& c : components) s.team = s.team || works_in(p, c.responsible_unit_id, units);
  s.communications = p.has_role(Role::communications);
  s.leadership = p.has_role(Role::leadership);
  s.staff = is_desk_staff(p);
  s.client_manager = p.has_role(Role::org_manager) && organization && organization->is_client;
  return s;
}

bool is_desk_staff(const Person& p) {
  return is_staff(p) || p.has_role(Role::communications) || p.has_role(Role::leadership);
}

NoticeStanding monitoring_standing() {
  NoticeStanding s;
  s.monitoring = true;
  return s;
}

}  // namespace guiche::app
