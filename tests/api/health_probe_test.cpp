// GET /api/v1/health's look at the database (api/health_probe.hpp): at most
// one read per interval however often it is asked, and no stale "ok" while
// the database does not answer.
#include "api/health_probe.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/migrations/migrations.hpp"
#include "support/test_database.hpp"

namespace guiche::testing {
namespace {

// The real database, with its reads counted and, when asked, refused as a
// database that went away would refuse them.
class WatchedDatabase final : public store::Database {
 public:
  explicit WatchedDatabase(store::Database& real) : real_(real) {}
  store::Dialect dialect() const override { return real_.dialect(); }
  void write(const std::function<void(store::Connection&)>& fn) override { real_.write(fn); }
  void read(const std::function<void(store::Connection&)>& fn) override {
    ++reads;
    if (gone) throw store::StoreError(store::StoreError::Kind::connection, "gone");
    real_.read(fn);
  }
  std::atomic<int> reads{0};
  std::atomic<bool> gone{false};

 private:
  store::Database& real_;
};

int latest_version(store::Database& db) {
  return store::migrations_for(db.dialect()).back().version;
}

class HealthProbeTest : public ::testing::TestWithParam<Engine> {};

TEST_P(HealthProbeTest, ManyChecksInAnIntervalReadTheDatabaseOnce) {
  TestDatabase database(GetParam());
  WatchedDatabase db(database.db());
  api::HealthProbe probe(std::chrono::hours(1));
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        EXPECT_EQ(probe.schema_version(db), latest_version(db));
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(db.reads.load(), 1);
}

TEST_P(HealthProbeTest, AnAnswerOlderThanTheIntervalIsLookedUpAgain) {
  TestDatabase database(GetParam());
  WatchedDatabase db(database.db());
  api::HealthProbe probe(std::chrono::milliseconds(0));
  probe.schema_version(db);
  probe.schema_version(db);
  EXPECT_EQ(db.reads.load(), 2);
}

TEST_P(HealthProbeTest, AFailedLookIsNotKeptSoEveryCheckAsksUntilTheDatabaseAnswers) {
  TestDatabase database(GetParam());
  WatchedDatabase db(database.db());
  api::HealthProbe probe(std::chrono::hours(1));
  db.gone = true;
  EXPECT_THROW(probe.schema_version(db), store::StoreError);
  EXPECT_THROW(probe.schema_version(db), store::StoreError);
  db.gone = false;
  EXPECT_EQ(probe.schema_version(db), latest_version(db));
  EXPECT_EQ(db.reads.load(), 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, HealthProbeTest,
                         ::testing::Values(Engine::sqlite, Engine::postgres), engine_name);

}  // namespace
}  // namespace guiche::testing
