#include "app/access_policy.hpp"

#include <algorithm>

namespace guiche::app {
namespace {

bool in_units(const std::vector<std::int64_t>& grants, std::optional<std::int64_t> unit) {
  return unit && std::find(grants.begin(), grants.end(), *unit) != grants.end();
}

bool under_managed_unit(const Person& p, std::optional<std::int64_t> unit,
                        const std::vector<Unit>& units) {
  if (!unit) return false;
  for (auto managed : p.units_with(Role::unit_manager)) {
    if (unit_is_within(units, *unit, managed)) return true;
  }
  return false;
}

// Units whose tickets `p` works: their grants, plus every unit below a managed one.
std::vector<std::int64_t> working_units(const Person& p, const std::vector<Unit>& units) {
  std::vector<std::int64_t> out;
  for (Role r : {Role::analyst, Role::client_relations}) {
    for (auto u : p.units_with(r)) out.push_back(u);
  }
  for (const auto& u : units) {
    if (under_managed_unit(p, u.id, units)) out.push_back(u.id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The central de serviços works every request; admins and the leadership
// (diretoria) read every one, without working them (issue 19, item 8).
bool sees_every_ticket(const Person& p) {
  return p.has_role(Role::attendant) || p.has_role(Role::admin) || p.has_role(Role::leadership);
}

}  // namespace

bool is_agent(const Person& p) {
  return p.has_role(Role::attendant) || p.has_role(Role::analyst) ||
         p.has_role(Role::unit_manager) || p.has_role(Role::client_relations);
}

bool is_staff(const Person& p) {
  return is_agent(p) || p.has_role(Role::admin) || p.has_role(Role::leadership);
}

bool is_requester_side(const Person& p, const Ticket& t) {
  if (t.requester_id == p.id) return true;
  return p.has_role(Role::org_manager) && p.organization_id &&
         t.organization_id == p.organization_id;
}

bool can_view_ticket(const Person& p, const Ticket& t, const std::vector<Unit>& units) {
  if (!p.active) return false;
  if (is_requester_side(p, t)) return true;
  if (sees_every_ticket(p)) return true;
  return in_units(working_units(p, units), t.unit_id);
}

bool can_work_ticket(const Person& p, const Ticket& t, const std::vector<Unit>& units) {
  if (!p.active) return false;
  // The central de serviços registers, triages and routes every request.
  if (p.has_role(Role::attendant)) return true;
  return in_units(working_units(p, units), t.unit_id);
}

bool can_be_assigned(const Person& assignee, std::int64_t unit_id, const std::vector<Unit>& units) {
  if (!assignee.active) return false;
  for (Role r : {Role::analyst, Role::client_relations, Role::attendant}) {
    if (in_units(assignee.units_with(r), unit_id)) return true;
  }
  return under_managed_unit(assignee, unit_id, units);
}

bool can_assign_others(const Person& p, std::int64_t unit_id, const std::vector<Unit>& units) {
  if (!p.active) return false;
  if (p.has_role(Role::attendant) || p.has_role(Role::client_relations)) return true;
  return under_managed_unit(p, unit_id, units);
}

store::TicketScope ticket_scope(const Person& p, const std::vector<Unit>& units) {
  store::TicketScope scope;
  if (!p.active) return scope;
  if (sees_every_ticket(p)) {
    scope.all = true;
    return scope;
  }
  scope.requester_ids.push_back(p.id);
  if (p.has_role(Role::org_manager) && p.organization_id) {
    scope.organization_ids.push_back(*p.organization_id);
  }
  scope.unit_ids = working_units(p, units);
  return scope;
}

}  // namespace guiche::app
