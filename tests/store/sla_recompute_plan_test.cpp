// The SLA recompute's count and batches walk the partial index of the
// unfinished tickets (migration v026) on both engines: at a million tickets,
// most of them closed, reading the primary key's range instead made the first
// batch read every closed ticket inside the write transaction.
#include <gmock/gmock.h>

#include "store/sla_recompute_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class SlaRecomputePlanTest : public DeskTest {};

TEST_P(SlaRecomputePlanTest, TheCountAndTheBatchesWalkTheUnfinishedTicketsIndex) {
  const std::vector<std::pair<const char*, std::vector<store::Value>>> statements = {
      {store::unfinished_count_sql(database->db().dialect()), {}},
      {store::unfinished_between_sql(),
       {std::int64_t{0}, std::int64_t{1000000}, std::int64_t{250}}}};
  for (const auto& [sql, params] : statements) {
    const auto p = query_plan(database->db(), sql, params);
    std::cout << "--- " << sql << "\n" << p;
    EXPECT_THAT(p, HasSubstr("tickets_unfinished")) << p;
    EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
  }
}

GUICHE_ON_BOTH_ENGINES(SlaRecomputePlanTest);

}  // namespace
}  // namespace guiche::testing
