// Workers' heartbeats (observability/heartbeats.hpp), what readiness reads.
#include "observability/heartbeats.hpp"

#include <gmock/gmock.h>

#include <thread>

#include "observability/heartbeat_metrics.hpp"

namespace guiche::observability {
namespace {

using ::testing::HasSubstr;

TEST(HeartbeatsTest, AWorkerSilentPastItsLimitIsStalledUntilItBeatsAgain) {
  Heartbeats roll;
  auto beat = roll.enroll("outbox (email)", std::chrono::milliseconds(20));
  EXPECT_TRUE(roll.stalled().empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  ASSERT_EQ(roll.stalled().size(), 1u);
  EXPECT_EQ(roll.stalled()[0].worker, "outbox (email)");
  beat.now();
  EXPECT_TRUE(roll.stalled().empty());
}

TEST(HeartbeatsTest, AWorkerThatStopsLeavesTheRoll) {
  Heartbeats roll;
  {
    auto beat = roll.enroll("housekeeping", std::chrono::milliseconds(1));
    EXPECT_EQ(roll.roll().size(), 1u);
  }
  EXPECT_TRUE(roll.roll().empty());
}

TEST(HeartbeatsTest, TwoWorkersOfOneNameAreNumberedSoTheirSeriesDiffer) {
  Heartbeats roll;
  auto a = roll.enroll("imap", std::chrono::minutes(1));
  auto b = roll.enroll("imap", std::chrono::minutes(1));
  Registry r;
  auto handle = add_heartbeat_metrics(r, roll);
  const auto text = r.exposition();
  EXPECT_THAT(text, HasSubstr("guiche_worker_stalled{worker=\"imap\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("guiche_worker_stalled{worker=\"imap 2\"} 0\n"));
}

}  // namespace
}  // namespace guiche::observability
