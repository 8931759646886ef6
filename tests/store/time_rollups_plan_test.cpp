// The volume report's time statement reads the roll-ups of migration v037 on
// both engines by the primary key's organization (0: the desk) and range of
// days or months, never the tickets nor their events. On PostgreSQL the plans
// are taken with sequential scans disabled (tests/support/query_plan.hpp).
#include <gmock/gmock.h>

#include "store/time_rollup_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class TimeRollupsPlanTest : public DeskTest {};

TEST_P(TimeRollupsPlanTest, TheTimeReadsThePrimaryKeysRange) {
  store::ReportRowFilter f;
  f.first_day = 20260101;
  f.last_day = 20261231;
  for (const std::string table : {"report_day_time", "report_month_time"}) {
    // The desk's rows (organization 0), filtered or not, and an organization's.
    for (int shape : {0, 1, 2}) {
      const bool filtered = shape == 1;
      auto g = f;
      if (shape == 2) g.organization_id = w.seger.id;
      const bool months = table == "report_month_time";
      std::vector<store::Value> params{g.organization_id.value_or(0),
                                       std::int64_t{months ? 202601 : 20260101},
                                       std::int64_t{months ? 202612 : 20261231}};
      if (filtered) {
        g.all_units = false;
        g.unit_ids = {w.sgsis.id, w.sgdba.id};
        g.service_id = w.support.id;
        params.emplace_back(w.support.id);
      }
      const auto p = query_plan(database->db(), store::logged_time_sql(g, table), params);
      EXPECT_THAT(p, Not(HasSubstr("ticket"))) << p;
      EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
      if (GetParam() == Engine::sqlite) {
        EXPECT_THAT(p, HasSubstr("SEARCH " + table + " USING INDEX sqlite_autoindex_" + table +
                                 "_1 (organization_id=? AND "))
            << p;
      } else {
        EXPECT_THAT(p, HasSubstr(table + "_pkey")) << p;
      }
    }
  }
}

GUICHE_ON_BOTH_ENGINES(TimeRollupsPlanTest);

}  // namespace
}  // namespace guiche::testing
