// The custody list and the search by asset number read indexes (migration
// v021): on SQLite no table is scanned; on PostgreSQL the plan with
// sequential scans disabled still has none (the planner would pick one for
// the few rows here, which proves nothing). The plans are in the report of
// store/migrations/v021_equipment_custody.cpp's change.
#include <gmock/gmock.h>

#include "store/custody_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CustodyPlanTest : public DeskTest {
 protected:
  std::string plan(const std::string& sql, const std::vector<store::Value>& params) {
    return query_plan(database->db(), sql, params);
  }
  void expect_indexed(const std::string& p, const char* index) {
    EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
    EXPECT_THAT(p, HasSubstr(index)) << p;
    if (GetParam() == Engine::sqlite) {
      EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN [a-z]+\n"))) << p;
    }
  }
};

TEST_P(CustodyPlanTest, TheHeldListAndTheSearchComeFromIndexes) {
  const std::int64_t limit = 500;
  std::cout << "--- held, every unit\n";
  auto p = plan(store::held_equipment_sql(-1), {limit});
  std::cout << p;
  expect_indexed(p, "custody_held_all");
  std::cout << "--- held, two units\n";
  p = plan(store::held_equipment_sql(2), {std::int64_t{1}, std::int64_t{2}, limit});
  std::cout << p;
  expect_indexed(p, "custody_held");
  std::cout << "--- by asset number, one unit\n";
  p = plan(store::custody_by_asset_sql(1), {std::string("PAT-1"), std::int64_t{1}, limit});
  std::cout << p;
  expect_indexed(p, "custody_asset");
}

GUICHE_ON_BOTH_ENGINES(CustodyPlanTest);

}  // namespace
}  // namespace guiche::testing
