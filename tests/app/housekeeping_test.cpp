// The server's background round closes resolved tickets after the window.
#include <thread>

#include "app/housekeeping.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class HousekeepingTest : public DeskTest {};

TEST_P(HousekeepingTest, ClosesExpiredResolutionsInTheBackground) {
  Ticket t = register_sis(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
  desk->work().resolve(as(w.analyst_sis), t.id, "Resolvido.", 10);
  clock.advance(std::chrono::days(8));
  {
    app::Housekeeping housekeeping(*desk, std::chrono::milliseconds(20));
    for (int i = 0;
         i < 250 && desk->tickets().ticket(as(w.attendant), t.id).status != Status::closed; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), t.id).status, Status::closed);
}

GUICHE_ON_BOTH_ENGINES(HousekeepingTest);

}  // namespace
}  // namespace guiche::testing
