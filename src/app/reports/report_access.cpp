#include "app/reports/report_access.hpp"

#include "app/reports/reports.hpp"

namespace guiche::app {

bool may_see_incident_report(const Person& p) {
  // Named one by one rather than through may_see_reports: whoever else comes
  // to read the SLA and volume figures does not read every notice by it.
  return p.active && (p.has_role(Role::admin) || p.has_role(Role::leadership) ||
                      p.has_role(Role::unit_manager) || p.has_role(Role::communications));
}

bool may_see_manifestation_report(const Person& p) {
  return p.active &&
         (p.has_role(Role::admin) || p.has_role(Role::leadership) || p.has_role(Role::ombudsman));
}

bool may_see_any_report(const Person& p) {
  return may_see_reports(p) || may_see_incident_report(p) || may_see_manifestation_report(p);
}

}  // namespace guiche::app
