#include "app/reports/report_access.hpp"

#include "app/reports/reports.hpp"

namespace guiche::app {

bool may_see_incident_report(const Person& p) {
  return p.active && (may_see_reports(p) || p.has_role(Role::communications));
}

bool may_see_manifestation_report(const Person& p) {
  return p.active &&
         (p.has_role(Role::admin) || p.has_role(Role::leadership) || p.has_role(Role::ombudsman));
}

bool may_see_any_report(const Person& p) {
  return may_see_reports(p) || may_see_incident_report(p) || may_see_manifestation_report(p);
}

}  // namespace guiche::app
