#pragma once
// Who opens which report (issue 15): the SLA and volume reports
// (app/reports/reports.hpp) are the leadership's, the unit managers' and the
// admins'; the incidents report adds ASCOM (communications), who run the
// notices (app/reports/incident_report.hpp); the manifestações report is the
// ouvidoria's, the leadership's and the admins' — unit managers open no
// manifestação of their units anywhere else, so not here either
// (app/reports/manifestation_report.hpp). Each is granted by its roles
// named here, not by another report's rule, so widening one widens no other.
// The reports area and its menu entry are for anyone who opens at least one.
#include "domain/person.hpp"

namespace guiche::app {

bool may_see_incident_report(const Person& p);
bool may_see_manifestation_report(const Person& p);
bool may_see_any_report(const Person& p);

}  // namespace guiche::app
