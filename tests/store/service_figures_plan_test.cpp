// The charter's figures of one service are read from the roll-ups' primary
// keys (migration v025) on both engines, never from the tickets: on SQLite
// each statement is one SEARCH of the primary key; on PostgreSQL the plan with
// sequential scans disabled still has none, and names the primary key.
#include <gmock/gmock.h>

#include "store/service_figure_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ServiceFiguresPlanTest : public DeskTest {};

TEST_P(ServiceFiguresPlanTest, TheCharterReadsTheRollUpsByPrimaryKeyAndNeverTheTickets) {
  const std::vector<store::Value> params = {w.sis_access.id, std::int64_t{202512},
                                            std::int64_t{202612}};
  for (const auto& [table, sql] :
       {std::pair{std::string("service_month_figures"), store::service_figures_sql()},
        std::pair{std::string("service_month_durations"), store::service_durations_sql()}}) {
    const auto p = query_plan(database->db(), sql, params);
    std::cout << "--- " << table << "\n" << p;
    EXPECT_THAT(p, Not(HasSubstr("ticket"))) << p;
    EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
    if (GetParam() == Engine::sqlite) {
      EXPECT_THAT(p, HasSubstr("SEARCH " + table + " USING INDEX sqlite_autoindex_" + table +
                               "_1 (service_id=? AND month>? AND month<?)"))
          << p;
    } else {
      EXPECT_THAT(p, HasSubstr(table + "_pkey")) << p;
    }
  }
}

GUICHE_ON_BOTH_ENGINES(ServiceFiguresPlanTest);

}  // namespace
}  // namespace guiche::testing
