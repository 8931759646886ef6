// A broadcast to the status page's subscribers reads them from indexes, never
// by walking the subscribers (docs/domain.md, "Subscribers"): on SQLite no
// table is scanned but the partial index of the subscribers of everything; on
// PostgreSQL the plan with sequential scans disabled still has none (the
// planner would pick one for the few rows here, which proves nothing).
#include <gmock/gmock.h>

#include "store/status_subscriber_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class StatusSubscriberPlanTest : public DeskTest {
 protected:
  std::string plan(const std::string& sql, const std::vector<store::Value>& params) {
    return query_plan(database->db(), sql, params);
  }
};

TEST_P(StatusSubscriberPlanTest, TheSubscribersOfAComponentComeFromIndexes) {
  const auto p = plan(store::confirmed_subscribers_sql(2), {std::int64_t{1}, std::int64_t{2}});
  EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
  if (GetParam() == Engine::sqlite) {
    EXPECT_THAT(p, HasSubstr("USING INDEX status_subscribers_everything")) << p;
    EXPECT_THAT(p, HasSubstr("status_subscriber_components_component")) << p;
    EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN [a-z_]+\n"))) << p;
  }
  const auto limit =
      plan("SELECT count(*) FROM status_subscription_requests WHERE request_key = ? AND at > ?",
           {std::string("k"), std::int64_t{0}});
  EXPECT_THAT(limit, Not(HasSubstr("Seq Scan"))) << limit;
  EXPECT_THAT(limit, Not(::testing::ContainsRegex("SCAN [a-z_]+\n"))) << limit;
}

GUICHE_ON_BOTH_ENGINES(StatusSubscriberPlanTest);

}  // namespace
}  // namespace guiche::testing
