// The ouvidoria's queue reads the partial index manifestations_queue
// (migration v022) on both engines, first page and after a cursor: on
// SQLite no table is scanned; on PostgreSQL the plan with sequential scans
// disabled still has none.
#include <gmock/gmock.h>

#include "store/manifestation_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ManifestationPlanTest : public DeskTest {};

TEST_P(ManifestationPlanTest, TheQueueComesFromItsPartialIndex) {
  const std::int64_t limit = 51;
  for (const bool after : {false, true}) {
    const auto sql = store::running_manifestations_sql(after);
    const auto p =
        after ? query_plan(database->db(), sql, {std::string("2026-04-01"), std::int64_t{7}, limit})
              : query_plan(database->db(), sql, {limit});
    std::cout << "--- " << (after ? "after a cursor" : "first page") << "\n" << p;
    EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
    EXPECT_THAT(p, HasSubstr("manifestations_queue")) << p;
    EXPECT_THAT(p, Not(HasSubstr("TEMP B-TREE"))) << p;  // no sort: the index's order
    if (GetParam() == Engine::sqlite && after) {
      // A page after the cursor starts at the cursor, not at the first row.
      EXPECT_THAT(p, HasSubstr("SEARCH m USING INDEX manifestations_queue")) << p;
    }
  }
}

TEST_P(ManifestationPlanTest, TheDeadlineWarningsComeFromTheirPartialIndex) {
  const auto p =
      query_plan(database->db(), store::manifestations_to_warn_sql(),
                 {std::string("2026-04-01"), std::string("2026-03-27"), std::int64_t{200}});
  std::cout << p;
  EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
  EXPECT_THAT(p, HasSubstr("manifestations_to_warn")) << p;
  if (GetParam() == Engine::sqlite) {
    EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN m\n"))) << p;
  }
}

GUICHE_ON_BOTH_ENGINES(ManifestationPlanTest);

}  // namespace
}  // namespace guiche::testing
