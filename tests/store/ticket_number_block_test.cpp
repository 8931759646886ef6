// A PostgreSQL write group reserves its registrations' protocol numbers at
// once (store/ticket_number_block.hpp): one wait for the group instead of one
// per registration, and still no gap and no duplicate when jobs of the group
// fail, are rolled back to their savepoint and run again.
#include <gtest/gtest.h>

#include <atomic>
#include <set>

#include "store/database.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/ticket_rows.hpp"
#include "support/postgres_scratch.hpp"

namespace guiche::store {
namespace {

constexpr int kYear = 2026;

double write_waits() {
  return guiche::testing::db_round_trips("write");
}

class TicketNumberBlockTest : public guiche::testing::PostgresScratchTest {
 protected:
  TicketNumberBlockTest()
      : PostgresScratchTest(
            "CREATE TABLE protocol_counters (year INTEGER PRIMARY KEY, last_value BIGINT NOT "
            "NULL);"
            "CREATE TABLE tickets (id BIGSERIAL PRIMARY KEY, sequence BIGINT NOT NULL UNIQUE);"
            "CREATE TABLE t (a INTEGER PRIMARY KEY); INSERT INTO t VALUES (0);") {}

  // A connection of its own, in a transaction run as the engine runs a
  // group of `jobs` (store/postgres/postgres_database.cpp).
  struct GroupConnection {
    GroupConnection(const std::string& url, std::size_t jobs)
        : session(PQconnectdb(url.c_str()), 0), c(session, generation, true) {
      c.control("BEGIN");
      c.start_group(jobs);
      c.control("SAVEPOINT job");
    }
    postgres::Session session;
    std::atomic<std::uint64_t> generation{0};
    postgres::PgConnection c;
  };

  // A registration's shape: a number, then its row, queued.
  static TicketNumbers register_one(Connection& c) {
    const TicketNumbers n = take_ticket_numbers(c, kYear);
    c.query("INSERT INTO tickets (id, sequence) VALUES (?, ?)", {*n.id, std::int64_t{n.sequence}});
    return n;
  }

  std::int64_t counter() {
    std::int64_t last = 0;
    db_->read([&](Connection& c) {
      if (auto r = c.query_one("SELECT last_value FROM protocol_counters WHERE year = ?",
                               {std::int64_t{kYear}})) {
        last = r->integer(0);
      }
    });
    return last;
  }
  std::vector<std::int64_t> sequences() {
    std::vector<std::int64_t> out;
    db_->read([&](Connection& c) {
      for (const auto& r : c.query("SELECT sequence FROM tickets ORDER BY sequence")) {
        out.push_back(r.integer(0));
      }
    });
    return out;
  }
};

// The group's steps one by one, on one connection, as the engine runs them
// (store/postgres/postgres_database.cpp).
TEST_F(TicketNumberBlockTest, AGroupWaitsOnceForItsNumbersAndARolledBackJobsNumberIsTakenAgain) {
  {
    GroupConnection group(url_, 5);
    auto& c = group.c;
    std::vector<TicketNumbers> taken;
    const double before = write_waits();
    for (std::size_t job = 0; job < 3; ++job) {
      c.begin_job(job);
      taken.push_back(register_one(c));
      c.end_job();
    }
    EXPECT_EQ(write_waits() - before, 1.0) << "only the first registration waits";
    for (std::size_t job = 0; job < 3; ++job) {
      EXPECT_EQ(taken[job].sequence, static_cast<long>(job + 1));
    }
    // Job 3 takes number 4, then fails and is rolled back to its start.
    c.begin_job(3);
    EXPECT_EQ(register_one(c).sequence, 4);
    c.sync();
    c.control("ROLLBACK TO SAVEPOINT job");
    c.rewind_to_job(3);
    // Run again (or the next job), it takes number 4 again, with its id.
    c.begin_job(3);
    const TicketNumbers again = register_one(c);
    EXPECT_EQ(again.sequence, 4);
    c.end_job();
    // Job 4 registers nothing; the fifth number goes back at COMMIT.
    c.begin_job(4);
    c.end_job();
    c.begin_job(5);
    c.commit();
  }
  EXPECT_EQ(counter(), 4);
  EXPECT_EQ(sequences(), (std::vector<std::int64_t>{1, 2, 3, 4}));
}

// The reservation itself goes with the job that made it, when that job is
// rolled back: the next registration reserves again from the same number.
TEST_F(TicketNumberBlockTest, TheReservingJobRolledBackTakesTheReservationWithIt) {
  {
    GroupConnection group(url_, 3);
    auto& c = group.c;
    c.begin_job(0);
    EXPECT_EQ(register_one(c).sequence, 1);
    c.sync();
    c.control("ROLLBACK TO SAVEPOINT job");
    c.rewind_to_job(0);
    c.begin_job(1);
    EXPECT_EQ(register_one(c).sequence, 1);
    c.end_job();
    c.begin_job(2);
    EXPECT_EQ(register_one(c).sequence, 2);
    c.end_job();
    c.begin_job(3);
    c.commit();
  }
  EXPECT_EQ(counter(), 2);
  EXPECT_EQ(sequences(), (std::vector<std::int64_t>{1, 2}));
}

// Concurrent writers through the engine: some fail in the queue (a
// duplicate, surfacing at a later wait or at COMMIT), some throw after taking
// their number. The committed numbers are 1..N with no gap, and the counter
// ends at N.
TEST_F(TicketNumberBlockTest, ConcurrentRegistrationsWithFailuresLeaveNoGap) {
  constexpr int kWriters = 48;
  std::atomic<int> failed{0};
  guiche::testing::run_together(kWriters, [&](int i) {
    try {
      db_->write([&](Connection& c) {
        register_one(c);
        if (i % 5 == 0) c.query("INSERT INTO t (a) VALUES (0)");  // queued, and it fails
        if (i % 7 == 0) throw std::runtime_error("a job's own failure");
      });
    } catch (const std::exception&) {
      ++failed;
    }
  });
  const int committed = kWriters - kWriters / 5 - kWriters / 7 + kWriters / 35;
  EXPECT_EQ(failed.load(), kWriters - committed);
  std::vector<std::int64_t> expected;
  for (int n = 1; n <= committed; ++n) expected.push_back(n);
  EXPECT_EQ(sequences(), expected);
  EXPECT_EQ(counter(), committed);
}

}  // namespace
}  // namespace guiche::store
