// `guiche serve` advances a pending recompute of the SLA clocks on its own
// (app/housekeeping.hpp), batch after batch, until it is finished.
#include <gmock/gmock.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/database.hpp"
#include "store/migrations/migrations.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

TEST(ServeRecomputeTest, AServerFinishesAPendingRecompute) {
  const auto dir = make_temp_dir("guiche-serve-recompute-");
  {
    // Left pending by a change made while no server ran (the CLI finishes its
    // own; this one is written as a crash mid-job would leave it).
    auto db = store::open_database("", dir);
    store::migrate(*db);
    db->write([](store::Connection& c) {
      c.query(
          "INSERT INTO sla_recompute (id, generation, reason, started_by, started_at, total, "
          "done, cursor_id, last_id, finished_at) VALUES (1, 3, 'configuração de ANS alterada', "
          "NULL, 1772452800000, 0, 0, 0, 0, NULL)");
    });
  }
  const auto port = free_loopback_port();
  ASSERT_NE(port, 0);
  Child server({"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data", dir},
               dir + "/serve.log");
  auto db = store::open_database("", dir);
  bool finished = false;
  // The runner looks every second: 200 tries of 50 ms bound the wait.
  for (int i = 0; i < 200 && !finished && server.running(); ++i) {
    db->read([&](store::Connection& c) {
      finished = !c.query_one("SELECT finished_at FROM sla_recompute")->is_null(0);
    });
    if (!finished) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(finished) << server.output();
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(5)), 0) << server.output();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace guiche::testing
