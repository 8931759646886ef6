// The other open tickets of a requester or an organization, for the agent's
// ticket page (store/recent_open_tickets.hpp): read from the index ranges
// tickets_requester and tickets_organization, never by scanning the tickets
// table (on SQLite no table scan; on PostgreSQL no sequential scan with them
// disabled: support/query_plan.hpp), and only among the owner's latest
// `window` tickets, newest first, open ones only, without the one asked from.
#include <gmock/gmock.h>

#include "app/tickets/ticket_work.hpp"
#include "store/recent_open_tickets.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class RecentOpenTicketsTest : public DeskTest {
 protected:
  std::vector<std::int64_t> ids(store::OpenTicketsOf of, std::int64_t owner, std::int64_t except,
                                int window) {
    std::vector<std::int64_t> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& t : store::recent_open_tickets(c, of, owner, except, window)) {
        out.push_back(t.id);
      }
    });
    return out;
  }
};

TEST_P(RecentOpenTicketsTest, TheirPlansReadTheOwnersIndexRanges) {
  const std::vector<store::Value> params{std::int64_t{1}, std::int64_t{200}, std::int64_t{0}};
  const auto by_requester = query_plan(
      database->db(), store::recent_open_tickets_sql(store::OpenTicketsOf::requester), params);
  const auto by_organization = query_plan(
      database->db(), store::recent_open_tickets_sql(store::OpenTicketsOf::organization), params);
  EXPECT_THAT(by_requester, HasSubstr("tickets_requester")) << by_requester;
  EXPECT_THAT(by_organization, HasSubstr("tickets_organization")) << by_organization;
  for (const auto& p : {by_requester, by_organization}) {
    EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
    if (GetParam() == Engine::sqlite) {
      EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN tickets( |\n|$)"))) << p;
    }
  }
}

TEST_P(RecentOpenTicketsTest, OpenOnesAmongTheLatestNewestFirst) {
  std::vector<Ticket> t;
  for (int i = 0; i < 4; ++i) {
    clock.advance(std::chrono::minutes(1));
    t.push_back(register_sis(w.requester_seger, "Pedido " + std::to_string(i)));
  }
  desk->work().cancel(as(w.attendant), t[2].id, "Duplicado.");
  const auto requester = store::OpenTicketsOf::requester;
  // Newest first, the cancelled one and the one asked from left out.
  EXPECT_EQ(ids(requester, w.requester_seger.id, t[3].id, 200),
            (std::vector<std::int64_t>{t[1].id, t[0].id}));
  // Among the latest three only: the oldest, though open, is past the window.
  EXPECT_EQ(ids(requester, w.requester_seger.id, 0, 3),
            (std::vector<std::int64_t>{t[3].id, t[1].id}));
  // The organization's, whoever asked.
  const Ticket colleague = register_sis(w.manager_seger, "Pedido do gestor");
  const auto of_seger = ids(store::OpenTicketsOf::organization, w.seger.id, 0, 200);
  ASSERT_FALSE(of_seger.empty());
  EXPECT_EQ(of_seger.front(), colleague.id);
  EXPECT_EQ(of_seger.size(), 4u);
  EXPECT_TRUE(ids(store::OpenTicketsOf::organization, w.sesa.id, 0, 200).empty());
}

GUICHE_ON_BOTH_ENGINES(RecentOpenTicketsTest);

}  // namespace
}  // namespace guiche::testing
