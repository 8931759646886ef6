// The workspace's "sem responsável" queue (open tickets with no assignee, by
// deadline: web/agent/agent_queue_pages.cpp) reads an index in its own order
// on both engines, never sorting the unassigned tickets: on PostgreSQL the
// partial index tickets_unassigned_open_due (migration v046), whose absence
// cost 25 ms a page at 1,000,000 tickets; SQLite walks
// tickets_assignee_open_due in order. The statement is the one
// store/ticket_queries.cpp builds for that queue, for a desk-wide scope.
#include <gmock/gmock.h>

#include "store/ticket_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class UnassignedQueuePlanTest : public DeskTest {};

TEST_P(UnassignedQueuePlanTest, TheQueueIsReadInIndexOrderWithoutASort) {
  std::string select = store::select_tickets_sql();
  select.insert(select.rfind(" FROM tickets"), ", open_due AS sort_key");
  const auto plan = query_plan(database->db(),
                               select +
                                   " WHERE 1 = 1 AND open_due IS NOT NULL AND assignee_id IS NULL"
                                   " ORDER BY open_due ASC, id ASC LIMIT ?",
                               {std::int64_t{51}});
  if (GetParam() == Engine::postgres) {
    EXPECT_THAT(plan, HasSubstr("tickets_unassigned_open_due")) << plan;
    EXPECT_THAT(plan, Not(HasSubstr("Sort"))) << plan;
  } else {
    EXPECT_THAT(plan, HasSubstr("tickets_assignee_open_due")) << plan;
    EXPECT_THAT(plan, Not(HasSubstr("TEMP B-TREE"))) << plan;
  }
}

GUICHE_ON_BOTH_ENGINES(UnassignedQueuePlanTest);

}  // namespace
}  // namespace guiche::testing
