// An incident notice's delivery finds the managers of the organizations it
// concerns through people by organization (v032), not through every manager
// of the state nor by reading every person: on SQLite no table is scanned; on PostgreSQL the plan
// with sequential scans disabled still has none (support/query_plan.hpp).
#include <gmock/gmock.h>

#include "store/person_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class OrganizationManagersPlanTest : public DeskTest {};

TEST_P(OrganizationManagersPlanTest, TheManagersOfSomeOrganizationsComeFromIndexes) {
  const auto p = query_plan(database->db(), store::organization_managers_sql(3),
                            {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}});
  EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
  EXPECT_THAT(p, HasSubstr("people_organization")) << p;
  if (GetParam() == Engine::sqlite) {
    EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN people\n"))) << p;
    EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN role_grants\n"))) << p;
  }
}

GUICHE_ON_BOTH_ENGINES(OrganizationManagersPlanTest);

}  // namespace
}  // namespace guiche::testing
