// Version 34: the incidents and manifestações reports (issue 15;
// app/reports/incident_report.hpp, app/reports/manifestation_report.hpp)
// read the period's incident notices by the instant they were reported, and
// the period's manifestações by the day they were registered, each from an
// index range instead of reading every notice or manifestação
// (tests/store/notice_manifestation_report_plan_test.cpp). Their linked
// tickets are counted through the link tables' primary keys, never the
// tickets.
namespace guiche::store {

extern const char* const kMigrationV034ReportIndexes = R"SQL(
CREATE INDEX status_notices_incident_reported ON status_notices(created_at, id)
  WHERE kind = 'incident';
CREATE INDEX manifestations_registered ON manifestations(registered_on, id);
)SQL";

}  // namespace guiche::store
