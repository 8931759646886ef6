// A registration's share of PostgreSQL's write group (issue 22): the reads
// its receipt and webhooks need (the service's name, the requester, the
// admin's text of the receipt, the active subscriptions) are made before it,
// in the request's own read transaction (app/ledger/write_lookups.hpp), and
// its changes answer no rows, so they go down libpq's pipeline without a
// wait (store/postgres/pg_connection.hpp). The write then waits for the
// server only for BEGIN, the protocol number with the new row's id, and COMMIT.
// Every wait inside the group holds every registration queued behind it.
#include <gtest/gtest.h>

#include "app/intake/intake.hpp"
#include "observability/metrics.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class RegistrationRoundTripsTest : public DeskTest {
 protected:
  static double waits(const char* transaction) {
    return observability::metrics()
        .counter("guiche_db_round_trips_total", "", {"transaction"})
        .with({transaction})
        .value();
  }
};

TEST_P(RegistrationRoundTripsTest, ARegistrationWaitsForTheServerThreeTimesInItsWrite) {
  register_sis(w.requester_seger);  // the session's statements are prepared from here on
  const double before = waits("write");
  Ticket t = register_sis(w.requester_seger, "Acesso ao SIGEFES, segunda vez");
  EXPECT_LE(waits("write") - before, 3.0);
  // What the reads were for is still there: the receipt, from the service's name.
  std::vector<store::OutboxMessage> sent;
  database->db().read([&](store::Connection& c) { sent = store::messages_of_ticket(c, t.id); });
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].template_key, "registration");
  EXPECT_NE(sent[0].text_body.find("Acesso a sistemas corporativos"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistrationRoundTripsTest,
                         ::testing::Values(::guiche::testing::Engine::postgres),
                         ::guiche::testing::engine_name);

}  // namespace
}  // namespace guiche::testing
