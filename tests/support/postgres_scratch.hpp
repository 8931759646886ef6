#pragma once
// What the PostgreSQL engine's own tests share: a fresh database of their
// own (a bare engine, no migrations), the waits for the server the engine
// counted (store/write_metrics.hpp), and writers released at once so that
// the engine groups them (store/postgres/write_groups.hpp).
#include <gtest/gtest.h>

#include <functional>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "observability/metrics.hpp"
#include "store/database.hpp"
#include "support/postgres_test_database.hpp"

namespace guiche::testing {

// The waits for PostgreSQL's answers so far, in "write" or "read" transactions.
inline double db_round_trips(const char* transaction) {
  return observability::metrics()
      .counter("guiche_db_round_trips_total", "", {"transaction"})
      .with({transaction})
      .value();
}

// Runs body(1) .. body(n) on n threads started together, and joins them.
inline void run_together(int n, const std::function<void(int)>& body) {
  std::latch start(n);
  std::vector<std::thread> threads;
  for (int i = 1; i <= n; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      body(i);
    });
  }
  for (auto& t : threads) t.join();
}

// A fresh database on the test server, dropped after the test; `schema`
// is run in it first.
class PostgresScratchTest : public ::testing::Test {
 protected:
  explicit PostgresScratchTest(std::string schema) : schema_(std::move(schema)) {}
  void SetUp() override {
    url_ = create_fresh_postgres_database();
    db_ = store::open_postgres(url_);
    db_->write([&](store::Connection& c) { c.execute_script(schema_); });
  }
  void TearDown() override {
    db_.reset();
    drop_postgres_database(url_);
  }

  const std::string schema_;
  std::string url_;
  std::unique_ptr<store::Database> db_;
};

}  // namespace guiche::testing
