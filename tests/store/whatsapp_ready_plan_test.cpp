// The numbers the WhatsApp worker answers next (store::numbers_ready, read
// twice a second): those whose pending messages are all due and quiet,
// oldest first, read from the partial index of pending rows
// (whatsapp_inbound_pending, migration v018) and never from the whole
// history. Grouping the table directly made SQLite walk
// whatsapp_inbound_number over every message ever received; bench
// bench/whatsapp_ready.cpp measures both at a million rows.
#include <gmock/gmock.h>

#include "store/whatsapp_inbound_rows.hpp"
#include "support/desk_world.hpp"
#include "support/query_plan.hpp"
#include "support/whatsapp_ticket_messages.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class WhatsAppReadyPlanTest : public DeskTest {
 protected:
  Instant t0 = from_millis(1772452800000);
  Instant at(int seconds) { return t0 + std::chrono::seconds(seconds); }
  void message(const std::string& wamid, const std::string& from, int seconds,
               const std::string& state = "pending") {
    database->db().write([&](store::Connection& c) {
      add_inbound(c, cloud_message(wamid, from, "text", {{"body", "oi"}}), at(seconds), state);
    });
  }
  std::vector<std::string> ready(int now_s, int quiet_s, int limit = 10) {
    std::vector<std::string> out;
    database->db().read([&](store::Connection& c) {
      out = store::numbers_ready(c, at(now_s), at(quiet_s), limit);
    });
    return out;
  }
};

TEST_P(WhatsAppReadyPlanTest, NumbersWhoseMessagesAreAllDueAndQuietOldestFirst) {
  message("a1", "5527900000002", 0, "done");  // answered: never again
  message("b1", "5527900000003", 1);
  message("c1", "5527900000001", 2);
  message("b2", "5527900000003", 3);
  message("d1", "5527900000004", 9);  // still writing
  EXPECT_THAT(ready(10, 5), ElementsAre("5527900000003", "5527900000001"));
  EXPECT_THAT(ready(10, 5, 1), ElementsAre("5527900000003"));
  EXPECT_THAT(ready(10, 2), ElementsAre("5527900000001"));  // b2 came after the pause began
  EXPECT_THAT(ready(10, 9), ElementsAre("5527900000003", "5527900000001", "5527900000004"));
  EXPECT_THAT(ready(2, 9), ElementsAre("5527900000001"));  // b2 and d1 are not due yet
}

TEST_P(WhatsAppReadyPlanTest, ReadsOnlyThePendingRowsThroughTheirPartialIndex) {
  const auto p = query_plan(database->db(), store::numbers_ready_sql(),
                            {std::int64_t{0}, std::int64_t{0}, std::int64_t{50}});
  std::cout << p;
  EXPECT_THAT(p, HasSubstr("whatsapp_inbound_pending")) << p;
  EXPECT_THAT(p, Not(HasSubstr("whatsapp_inbound_number"))) << p;
  EXPECT_THAT(p, Not(HasSubstr("Seq Scan"))) << p;
  EXPECT_THAT(p, Not(::testing::ContainsRegex("SCAN whatsapp_inbound\n"))) << p;
}

GUICHE_ON_BOTH_ENGINES(WhatsAppReadyPlanTest);

}  // namespace
}  // namespace guiche::testing
