// The PostgreSQL engine's prepared statements against a real server
// (GUICHE_TEST_PG_URL): prepared once per connection, bounded, and dropped
// whenever the server's copy may no longer match (a migration, a replaced
// connection).
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "store/database.hpp"
#include "support/postgres_test_database.hpp"

namespace guiche::store {
namespace {

class PostgresPreparedStatementsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = guiche::testing::create_fresh_postgres_database();
    db_ = open_postgres(url_);
  }
  void TearDown() override {
    db_.reset();
    guiche::testing::drop_postgres_database(url_);
  }

  // How many statements this connection has prepared whose text starts with `prefix`.
  static std::int64_t prepared(Connection& c, const std::string& prefix) {
    return c
        .query_one("SELECT count(*) FROM pg_prepared_statements WHERE starts_with(statement, ?)",
                   {prefix})
        ->integer(0);
  }

  // Runs `fn` on two connections at once (each read holds its own until both started).
  void on_two_connections(const std::function<void(Connection&)>& fn) {
    std::latch both(2);
    auto run = [&] {
      db_->read([&](Connection& c) {
        both.arrive_and_wait();
        fn(c);
      });
    };
    std::thread a(run), b(run);
    a.join();
    b.join();
  }

  std::string url_;
  std::unique_ptr<Database> db_;
};

TEST_F(PostgresPreparedStatementsTest, RepeatedStatementIsPreparedOnceOnItsConnection) {
  for (std::int64_t i = 0; i < 5; ++i) {
    db_->read([&](Connection& c) {
      EXPECT_EQ(c.query_one("SELECT ?::bigint + 1 AS next", {i})->integer(0), i + 1);
    });
  }
  db_->read([&](Connection& c) { EXPECT_EQ(prepared(c, "SELECT $1::bigint + 1"), 1); });
}

TEST_F(PostgresPreparedStatementsTest, StatementRunOnceIsNotPrepared) {
  db_->read([&](Connection& c) {
    c.query("SELECT 'once' AS x");
    EXPECT_EQ(prepared(c, "SELECT 'once'"), 0);
  });
}

TEST_F(PostgresPreparedStatementsTest, EachConnectionKeepsABoundedNumber) {
  db_->read([&](Connection& c) {
    // Each text twice in a row, so each is prepared and the older ones evicted.
    for (int i = 0; i < 600; ++i) {
      for (int use = 0; use < 2; ++use) {
        EXPECT_EQ(c.query_one("SELECT " + std::to_string(i) + " AS n")->integer(0), i);
      }
    }
    const auto kept = prepared(c, "SELECT ");
    EXPECT_GT(kept, 0);
    EXPECT_LE(kept, 256);
  });
}

TEST_F(PostgresPreparedStatementsTest, MigrationDropsThePreparedStatementsOfEveryConnection) {
  db_->write([](Connection& c) {
    c.execute_script("CREATE TABLE t (a integer); INSERT INTO t VALUES (1);");
  });
  on_two_connections([](Connection& c) {
    for (int i = 0; i < 3; ++i) EXPECT_EQ(c.query_one("SELECT * FROM t")->size(), 1u);
  });
  // SELECT * now returns another shape, which a statement prepared before refuses to run.
  db_->write([](Connection& c) {
    c.execute_script("ALTER TABLE t ADD COLUMN b integer DEFAULT 7");
    EXPECT_EQ(c.query_one("SELECT * FROM t")->size(), 2u);
  });
  on_two_connections([](Connection& c) {
    const auto row = c.query_one("SELECT * FROM t");
    ASSERT_EQ(row->size(), 2u);
    EXPECT_EQ(row->integer(1), 7);
  });
}

TEST_F(PostgresPreparedStatementsTest, ReplacedConnectionPreparesAgain) {
  std::int64_t pid = 0;
  db_->read([&](Connection& c) {
    for (int i = 0; i < 3; ++i) pid = c.query_one("SELECT pg_backend_pid()")->integer(0);
    EXPECT_EQ(prepared(c, "SELECT pg_backend_pid()"), 1);
  });
  auto other = open_postgres(url_);
  other->write([&](Connection& c) {
    EXPECT_EQ(c.query_one("SELECT pg_terminate_backend(?::int, 5000)", {pid})->integer(0), 1);
  });
  db_->read([&](Connection& c) {
    for (int i = 0; i < 3; ++i) EXPECT_NE(c.query_one("SELECT pg_backend_pid()")->integer(0), pid);
    EXPECT_EQ(prepared(c, "SELECT pg_backend_pid()"), 1);
  });
}

TEST_F(PostgresPreparedStatementsTest, StatementThatFailsToPrepareFailsEveryTimeAndLeavesNoTrace) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_THROW(db_->read([](Connection& c) { c.query("SELECT * FROM no_such_table"); }),
                 StoreError);
  }
  db_->read([&](Connection& c) { EXPECT_EQ(prepared(c, "SELECT * FROM no_such_table"), 0); });
}

TEST_F(PostgresPreparedStatementsTest, PreparedStatementSurvivesARolledBackTransaction) {
  db_->write([](Connection& c) { c.execute_script("CREATE TABLE t (a integer)"); });
  struct Boom {};
  for (int i = 0; i < 2; ++i) {
    EXPECT_THROW(db_->write([](Connection& c) {
      c.query("INSERT INTO t VALUES (?)", {std::int64_t{1}});
      throw Boom{};
    }),
                 Boom);
  }
  for (int i = 0; i < 2; ++i) {
    db_->write([](Connection& c) { c.query("INSERT INTO t VALUES (?)", {std::int64_t{2}}); });
  }
  db_->read([](Connection& c) { EXPECT_EQ(c.query_one("SELECT sum(a) FROM t")->integer(0), 4); });
}

}  // namespace
}  // namespace guiche::store
