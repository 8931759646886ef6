// The incidents and manifestações reports read indexes, never whole tables
// (migration v034): the period's incident notices from
// status_notices_incident_reported, the period's manifestações from
// manifestations_registered, each notice's steps from its timeline index and
// the linked tickets through the link tables' primary keys — the tickets
// table is never read. On SQLite no table is scanned; on PostgreSQL the plan
// with sequential scans disabled still has none (support/query_plan.hpp).
#include <gmock/gmock.h>

#include "store/incident_report_rows.hpp"
#include "store/manifestation_report_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class NoticeManifestationReportPlanTest : public DeskTest {
 protected:
  void expect_indexed(const std::string& sql, const std::vector<store::Value>& params,
                      const std::string& index) {
    SCOPED_TRACE(sql);
    const auto p = query_plan(database->db(), sql, params);
    EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
    EXPECT_THAT(p, Not(HasSubstr("tickets t"))) << p;
    if (!index.empty()) {
      EXPECT_THAT(p, HasSubstr(index)) << p;
    }
    if (GetParam() == Engine::sqlite) {
      EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN [a-z_]+\n"))) << p;
      EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN [a-z_]+$"))) << p;
    }
  }
};

TEST_P(NoticeManifestationReportPlanTest, TheReportsReadIndexRanges) {
  expect_indexed(store::incidents_reported_sql(),
                 {std::int64_t{1772330400000}, std::int64_t{1775008800000}},
                 "status_notices_incident_reported");
  expect_indexed(store::manifestations_registered_sql(),
                 {std::string("2026-01-01"), std::string("2026-12-31")},
                 "manifestations_registered");
  const std::vector<store::Value> ids = {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}};
  expect_indexed(store::incident_milestones_sql(3), ids, "status_notice_events_notice");
  expect_indexed(store::linked_ticket_counts_sql(3), ids, "");
  expect_indexed(store::manifestation_ticket_counts_sql(3), ids, "");
}

GUICHE_ON_BOTH_ENGINES(NoticeManifestationReportPlanTest);

}  // namespace
}  // namespace guiche::testing
