// The incidents and manifestações reports read indexes, never whole tables
// (migration v034): the period's incident notices from
// status_notices_incident_reported, the period's manifestações from
// manifestations_registered, and, joined to those ranges, each notice's
// steps, components and linked tickets and each manifestação's linked tickets
// through their tables' keys — the tickets table is never read. On SQLite no
// table is scanned; on PostgreSQL the plan with sequential scans disabled
// still has none (support/query_plan.hpp).
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
    // The tickets themselves: neither engine names them.
    EXPECT_THAT(p, Not(::testing::ContainsRegex("(on|SCAN|SEARCH) tickets( |$|\n)"))) << p;
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
  const std::vector<store::Value> period = {std::int64_t{1772330400000},
                                            std::int64_t{1775008800000}};
  for (const auto& sql : {store::incidents_reported_sql(), store::incident_milestones_sql(),
                          store::incident_components_sql(), store::incident_ticket_counts_sql()}) {
    expect_indexed(sql, period, "status_notices_incident_reported");
  }
  const std::vector<store::Value> days = {std::string("2026-01-01"), std::string("2026-12-31")};
  expect_indexed(store::manifestations_registered_sql(), days, "manifestations_registered");
  expect_indexed(store::manifestation_ticket_counts_sql(), days, "manifestations_registered");
}

GUICHE_ON_BOTH_ENGINES(NoticeManifestationReportPlanTest);

}  // namespace
}  // namespace guiche::testing
