// The PostgreSQL engine against a real server (GUICHE_TEST_PG_URL).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <latch>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>

#include "store/database.hpp"
#include "support/postgres_test_database.hpp"

namespace guiche::store {
namespace {

class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = guiche::testing::create_fresh_postgres_database();
    db_ = open_postgres(url_);
  }
  void TearDown() override {
    db_.reset();
    guiche::testing::drop_postgres_database(url_);
  }

  std::int64_t count(const std::string& table) {
    std::int64_t n = -1;
    db_->read([&](Connection& c) { n = c.query_one("SELECT count(*) FROM " + table)->integer(0); });
    return n;
  }

  std::string url_;
  std::unique_ptr<Database> db_;
};

struct Boom {};

TEST_F(PostgresDatabaseTest, ReportsPostgresDialect) {
  EXPECT_EQ(db_->dialect(), Dialect::postgres);
  db_->read([](Connection& c) { EXPECT_EQ(c.dialect(), Dialect::postgres); });
}

TEST_F(PostgresDatabaseTest, RewritesPlaceholdersOutsideLiteralsAndQuotedIdentifiers) {
  db_->write([](Connection& c) {
    c.execute_script(R"(CREATE TABLE t ("what?" text, n bigint))");
    c.query(R"(INSERT INTO t ("what?", n) VALUES (?, ?) -- trailing ? comment)",
            {std::string("a?"), std::int64_t{1}});
  });
  db_->read([](Connection& c) {
    auto row =
        c.query_one(R"(SELECT 'it''s ?', "what?", /* ? */ ?::bigint, E'\'?', ?::text FROM t)",
                    {std::int64_t{7}, std::string("x")});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->text(0), "it's ?");
    EXPECT_EQ(row->text(1), "a?");
    EXPECT_EQ(row->integer(2), 7);
    EXPECT_EQ(row->text(3), "'?");
    EXPECT_EQ(row->text(4), "x");
  });
}

TEST_F(PostgresDatabaseTest, ConvertsEachColumnTypeAndNull) {
  db_->read([](Connection& c) {
    auto row = c.query_one(
        "SELECT 1::int2, 2::int4, 3::int8, 4::oid, 1.5::float4, 2.25::float8, 3.125::numeric, "
        "true, false, 'texto ção'::text, '2024-01-02'::date, NULL::int8, NULL::text, "
        "'-Infinity'::float8");
    ASSERT_TRUE(row);
    ASSERT_EQ(row->size(), 14u);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(std::get<std::int64_t>(row->at(i)), i + 1);
    EXPECT_EQ(std::get<double>(row->at(4)), 1.5);
    EXPECT_EQ(std::get<double>(row->at(5)), 2.25);
    EXPECT_EQ(std::get<double>(row->at(6)), 3.125);
    EXPECT_EQ(std::get<std::int64_t>(row->at(7)), 1);
    EXPECT_EQ(std::get<std::int64_t>(row->at(8)), 0);
    EXPECT_EQ(std::get<std::string>(row->at(9)), "texto ção");
    EXPECT_EQ(std::get<std::string>(row->at(10)), "2024-01-02");
    EXPECT_TRUE(row->is_null(11));
    EXPECT_TRUE(row->is_null(12));
    EXPECT_EQ(std::get<double>(row->at(13)), -std::numeric_limits<double>::infinity());
  });
}

TEST_F(PostgresDatabaseTest, ParametersRoundTripExactly) {
  const auto big = std::numeric_limits<std::int64_t>::max();
  const auto small = std::numeric_limits<std::int64_t>::min();
  db_->read([&](Connection& c) {
    auto row =
        c.query_one("SELECT ?::int8, ?::int8, ?::float8, ?::float8, ?::text, ?::text IS NULL",
                    {big, small, 0.1, 1e-300, std::string("ação ✓ 'q'"), Value{}});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->integer(0), big);
    EXPECT_EQ(row->integer(1), small);
    EXPECT_EQ(row->real(2), 0.1);
    EXPECT_EQ(row->real(3), 1e-300);
    EXPECT_EQ(row->text(4), "ação ✓ 'q'");
    EXPECT_EQ(row->integer(5), 1);
  });
}

TEST_F(PostgresDatabaseTest, SessionIsUtf8AndUtc) {
  db_->read([](Connection& c) {
    auto row =
        c.query_one("SELECT current_setting('client_encoding'), current_setting('TimeZone')");
    EXPECT_EQ(row->text(0), "UTF8");
    EXPECT_EQ(row->text(1), "UTC");
  });
}

TEST_F(PostgresDatabaseTest, CommittedWriteIsVisibleToRead) {
  db_->write([](Connection& c) {
    c.execute_script(
        "CREATE TABLE t (n bigint); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
  });
  db_->write([](Connection& c) { c.query("INSERT INTO t VALUES (?)", {std::int64_t{3}}); });
  db_->read([](Connection& c) {
    auto rows = c.query("SELECT n FROM t ORDER BY n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[2].integer(0), 3);
  });
}

TEST_F(PostgresDatabaseTest, ExceptionInWriteRollsBackAndReachesCallerUnchanged) {
  db_->write([](Connection& c) { c.execute_script("CREATE TABLE t (n bigint)"); });
  EXPECT_THROW(db_->write([](Connection& c) {
    c.query("INSERT INTO t VALUES (1)");
    throw Boom{};
  }),
               Boom);
  EXPECT_THROW(db_->write([](Connection& c) {
    c.query("INSERT INTO t VALUES (1)");
    c.query("SELECT * FROM no_such_table");
  }),
               StoreError);
  EXPECT_EQ(count("t"), 0);
}

TEST_F(PostgresDatabaseTest, SwallowedErrorDoesNotCommitSilently) {
  db_->write([](Connection& c) { c.execute_script("CREATE TABLE t (n bigint)"); });
  EXPECT_THROW(db_->write([](Connection& c) {
    c.query("INSERT INTO t VALUES (1)");
    try {
      c.query("SELECT * FROM no_such_table");
    } catch (const StoreError&) {
    }
  }),
               StoreError);
  EXPECT_EQ(count("t"), 0);
}

TEST_F(PostgresDatabaseTest, UniqueViolationHasItsKind) {
  db_->write([](Connection& c) {
    c.execute_script("CREATE TABLE t (email text UNIQUE); INSERT INTO t VALUES ('a@b')");
  });
  try {
    db_->write([](Connection& c) {
      c.query("INSERT INTO t VALUES (?)", {std::string("x@y")});
      c.query("INSERT INTO t VALUES (?)", {std::string("a@b")});
    });
    FAIL() << "expected a unique violation";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::unique_violation);
    EXPECT_NE(std::string(e.what()).find("23505"), std::string::npos);
  }
  EXPECT_EQ(count("t"), 1);
}

TEST_F(PostgresDatabaseTest, ReadIsReadOnlySnapshot) {
  db_->write([](Connection& c) { c.execute_script("CREATE TABLE t (n bigint)"); });
  EXPECT_THROW(db_->read([](Connection& c) { c.query("INSERT INTO t VALUES (1)"); }), StoreError);
  db_->read([&](Connection& c) {
    EXPECT_EQ(c.query_one("SELECT count(*) FROM t")->integer(0), 0);
    std::thread([&] {
      db_->write([](Connection& w) { w.query("INSERT INTO t VALUES (1)"); });
    }).join();
    EXPECT_EQ(c.query_one("SELECT count(*) FROM t")->integer(0), 0);
  });
  EXPECT_EQ(count("t"), 1);
}

TEST_F(PostgresDatabaseTest, ConcurrentUpsertsProduceEveryValueOnce) {
  constexpr int kThreads = 32, kWrites = 20;
  db_->write([](Connection& c) {
    c.execute_script("CREATE TABLE counter (id int PRIMARY KEY, n bigint NOT NULL)");
  });
  std::mutex mutex;
  std::vector<std::int64_t> seen;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kWrites; ++i) {
        std::int64_t value = 0;
        db_->write([&](Connection& c) {
          value = c.query_one(
                       "INSERT INTO counter (id, n) VALUES (1, 1) "
                       "ON CONFLICT (id) DO UPDATE SET n = counter.n + 1 RETURNING n")
                      ->integer(0);
        });
        std::lock_guard lock(mutex);
        seen.push_back(value);
      }
    });
  }
  for (auto& t : threads) t.join();
  std::sort(seen.begin(), seen.end());
  std::vector<std::int64_t> expected(kThreads * kWrites);
  std::iota(expected.begin(), expected.end(), 1);
  EXPECT_EQ(seen, expected);
}

TEST_F(PostgresDatabaseTest, BusyWriteIsRetriedThenGivesUp) {
  int attempts = 0;
  db_->write([&](Connection&) {
    if (++attempts < 3) throw StoreError(StoreError::Kind::busy, "simulated");
  });
  EXPECT_EQ(attempts, 3);
  attempts = 0;
  try {
    db_->write([&](Connection&) {
      ++attempts;
      throw StoreError(StoreError::Kind::busy, "always");
    });
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::busy);
  }
  EXPECT_EQ(attempts, 6);  // the first try and five retries
}

// Two nodes: one node's concurrent writes share a transaction (group commit),
// so only two nodes can lock rows in opposite orders at once.
TEST_F(PostgresDatabaseTest, DeadlockIsRetriedUntilBothWritesCommit) {
  db_->write([](Connection& c) {
    c.execute_script(
        "CREATE TABLE t (id int PRIMARY KEY, n int); INSERT INTO t VALUES (1, 0), (2, 0)");
  });
  auto other_node = open_postgres(url_);
  std::latch both_locked(2);
  std::atomic<int> attempts{0};
  auto transfer = [&](Database& node, int first, int second) {
    bool waited = false;
    node.write([&](Connection& c) {
      ++attempts;
      c.query("UPDATE t SET n = n + 1 WHERE id = ?", {std::int64_t{first}});
      // A change's answer is read at the next statement with rows
      // (store/postgres/pg_connection.hpp): only then is its row surely locked.
      c.query("SELECT 1");
      if (!std::exchange(waited, true)) both_locked.arrive_and_wait();
      c.query("UPDATE t SET n = n + 1 WHERE id = ?", {std::int64_t{second}});
    });
  };
  std::thread a(transfer, std::ref(*db_), 1, 2), b(transfer, std::ref(*other_node), 2, 1);
  a.join();
  b.join();
  EXPECT_EQ(attempts.load(), 3);
  db_->read([](Connection& c) { EXPECT_EQ(c.query_one("SELECT sum(n) FROM t")->integer(0), 4); });
}

// Group commit: concurrent writes of one node share transactions, yet each
// keeps its own outcome. The failing ones (an exception, a failed statement,
// a failed statement swallowed) change nothing; the others all commit.
TEST_F(PostgresDatabaseTest, ConcurrentWritesFailAloneAndTheOthersCommit) {
  db_->write([](Connection& c) { c.execute_script("CREATE TABLE t (n bigint PRIMARY KEY)"); });
  constexpr int kThreads = 48;
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      try {
        db_->write([&](Connection& c) {
          c.query("INSERT INTO t VALUES (?)", {std::int64_t{i}});
          if (i % 4 == 1) throw Boom{};
          if (i % 4 == 2) c.query("SELECT * FROM no_such_table");
          if (i % 4 == 3) {
            try {
              c.query("SELECT * FROM no_such_table");
            } catch (const StoreError&) {
            }
          }
        });
      } catch (const Boom&) {
        ++failed;
      } catch (const StoreError&) {
        ++failed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), kThreads / 4 * 3);
  db_->read([](Connection& c) {
    for (const auto& row : c.query("SELECT n FROM t")) EXPECT_EQ(row.integer(0) % 4, 0);
    EXPECT_EQ(c.query_one("SELECT count(*) FROM t")->integer(0), kThreads / 4);
  });
}

// The pool holds 32 connections. When every one is held by a transaction
// that opens another (the calendar book loads under its lock what a clock
// needs), none may wait for a connection only the others could give back.
TEST_F(PostgresDatabaseTest, ATransactionThatOpensAnotherNeverWaitsWhenThePoolIsFull) {
  constexpr int kHolders = 32;
  std::latch every_connection_held(kHolders);
  std::atomic<int> nested_reads{0};
  std::atomic<bool> finished{false};
  std::thread watchdog([&] {
    for (int i = 0; i < 600 && !finished; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!finished) {
      std::fprintf(stderr, "deadlock: a nested transaction waits for the full pool\n");
      std::abort();
    }
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < kHolders; ++t) {
    threads.emplace_back([&] {
      db_->read([&](Connection&) {
        every_connection_held.arrive_and_wait();
        db_->read([&](Connection& c) { EXPECT_EQ(c.query_one("SELECT 1")->integer(0), 1); });
        ++nested_reads;
      });
    });
  }
  for (auto& t : threads) t.join();
  finished = true;
  watchdog.join();
  EXPECT_EQ(nested_reads.load(), kHolders);
}

TEST_F(PostgresDatabaseTest, ConnectionClosedByServerIsReplaced) {
  std::int64_t pid = 0;
  db_->read([&](Connection& c) { pid = c.query_one("SELECT pg_backend_pid()")->integer(0); });
  auto other = open_postgres(url_);
  other->write([&](Connection& c) {
    EXPECT_EQ(c.query_one("SELECT pg_terminate_backend(?::int, 5000)", {pid})->integer(0), 1);
  });
  db_->read(
      [&](Connection& c) { EXPECT_NE(c.query_one("SELECT pg_backend_pid()")->integer(0), pid); });
}

TEST(PostgresOpenTest, BadConninfoIsAConnectionError) {
  const std::string secret = "s3cr3t-Passw0rd";
  for (const std::string& conninfo :
       {"postgresql://someone:" + secret + "@127.0.0.1:1/guiche",
        "host=127.0.0.1 port=1 user=someone password=" + secret,
        "postgresql://someone:" + secret + "@127.0.0.1:notaport/x", "not a conninfo " + secret}) {
    try {
      open_postgres(conninfo);
      ADD_FAILURE() << "expected StoreError";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::connection);
      EXPECT_EQ(std::string(e.what()).find(secret), std::string::npos) << e.what();
    }
  }
}

TEST(PostgresOpenTest, FreshDatabaseUrlWorksWithOpenDatabase) {
  std::string url = guiche::testing::create_fresh_postgres_database();
  {
    auto db = open_database(url, "/nonexistent");
    EXPECT_EQ(db->dialect(), Dialect::postgres);
    db->read([](Connection& c) {
      EXPECT_EQ(c.query_one("SELECT current_database() LIKE 'guiche_test_%'")->integer(0), 1);
    });
  }
  guiche::testing::drop_postgres_database(url);
}

}  // namespace
}  // namespace guiche::store
