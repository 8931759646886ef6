#include "app/answers/answer_scope.hpp"

#include "app/access_policy.hpp"

namespace guiche::app {
namespace {

bool under_managed(const Person& p, std::int64_t unit_id, const std::vector<Unit>& units) {
  for (auto managed : p.units_with(Role::unit_manager)) {
    if (unit_is_within(units, unit_id, managed)) return true;
  }
  return false;
}

}  // namespace

bool answers_offered_to(const Person& p, std::optional<std::int64_t> unit_id,
                        const std::vector<Unit>& units) {
  if (!p.active || !is_staff(p)) return false;
  if (!unit_id || p.has_role(Role::admin)) return true;
  for (const auto& grant : p.roles) {
    if (grant.unit_id == unit_id) return true;
  }
  return under_managed(p, *unit_id, units);
}

bool may_keep_answers(const Person& p, std::optional<std::int64_t> unit_id,
                      const std::vector<Unit>& units) {
  if (!p.active) return false;
  if (p.has_role(Role::admin)) return true;
  return unit_id && under_managed(p, *unit_id, units);
}

bool keeps_any_answers(const Person& p) {
  return p.active && (p.has_role(Role::admin) || p.has_role(Role::unit_manager));
}

}  // namespace guiche::app
