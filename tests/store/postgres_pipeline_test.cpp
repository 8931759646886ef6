// Inside a write, the PostgreSQL engine sends a change without RETURNING and
// reads its answer later (store/postgres/pg_connection.hpp). These tests pin
// what that may and may not change: an error still fails its write, with its
// own kind, and only its own job of a group; nothing of a failed write is
// kept; a statement that fails to prepare in the pipeline leaves no trace.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

#include "store/database.hpp"
#include "store/postgres/pg_connection.hpp"
#include "support/postgres_scratch.hpp"

namespace guiche::store {
namespace {

TEST(PipelinedStatementTest, OnlyChangesWithoutReturningAreSentWithoutWaiting) {
  struct Case {
    const char* sql;
    bool queued;
  };
  const Case cases[] = {
      {"INSERT INTO t (a) VALUES (?)", true},
      {"  insert into t (a) values (?)", true},
      {"UPDATE t SET a = ? WHERE id = ?", true},
      {"DELETE FROM t WHERE id = ?", true},
      {"INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = excluded.a", true},
      {"INSERT INTO t (a) VALUES (?) RETURNING id", false},
      {"UPDATE t SET a = 1 returning a", false},
      {"DELETE FROM t WHERE id = ?\nRETURNING\tid", false},
      {"SELECT a FROM t", false},
      {"WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", false},
      {"INSERTED", false},
      {"UPDATE t SET returning_count = 1", true},
      {"UPDATE t SET a = 'RETURNING'", false},  // the safe side: waited for
      {"", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(postgres::answers_no_rows(c.sql), c.queued) << c.sql;
  }
}

class PostgresPipelineTest : public guiche::testing::PostgresScratchTest {
 protected:
  PostgresPipelineTest() : PostgresScratchTest("CREATE TABLE t (a int PRIMARY KEY)") {}
  std::int64_t rows() {
    std::int64_t n = 0;
    db_->read([&](Connection& c) { n = c.query_one("SELECT count(*) FROM t")->integer(0); });
    return n;
  }
};

TEST_F(PostgresPipelineTest, AChangesErrorSurfacesAtTheNextStatementWithRowsWithItsKind) {
  db_->write([](Connection& c) { c.query("INSERT INTO t (a) VALUES (1)"); });
  bool past_the_change = false;
  try {
    db_->write([&](Connection& c) {
      c.query("INSERT INTO t (a) VALUES (2)");
      c.query("INSERT INTO t (a) VALUES (1)");  // a duplicate: answered later
      past_the_change = true;
      c.query("SELECT 1");
    });
    FAIL() << "expected a unique violation";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::unique_violation) << e.what();
  }
  EXPECT_TRUE(past_the_change);
  EXPECT_EQ(rows(), 1);  // the 2 went with the failed write
}

TEST_F(PostgresPipelineTest, AnErrorStillQueuedAtTheEndOfTheWriteFailsIt) {
  db_->write([](Connection& c) { c.query("INSERT INTO t (a) VALUES (1)"); });
  EXPECT_THROW(db_->write([](Connection& c) {
    c.query("INSERT INTO t (a) VALUES (3)");
    c.query("INSERT INTO t (a) VALUES (1)");
  }),
               StoreError);
  EXPECT_EQ(rows(), 1);
  // The connection went back to the pool in a usable state.
  db_->write([](Connection& c) { c.query("INSERT INTO t (a) VALUES (4)"); });
  EXPECT_EQ(rows(), 2);
}

TEST_F(PostgresPipelineTest, AJobThatFailsInTheQueueFailsAloneInItsGroup) {
  db_->write([](Connection& c) { c.query("INSERT INTO t (a) VALUES (0)"); });
  constexpr int kWriters = 16;
  std::atomic<int> failed{0};
  guiche::testing::run_together(kWriters, [&](int i) {
    try {
      db_->write([&](Connection& c) {
        c.query("INSERT INTO t (a) VALUES (?)", {std::int64_t{i * 100}});
        // Every third writer also inserts the existing 0.
        if (i % 3 == 0) c.query("INSERT INTO t (a) VALUES (0)");
        c.query("INSERT INTO t (a) VALUES (?)", {std::int64_t{i * 100 + 1}});
      });
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::unique_violation) << e.what();
      ++failed;
    }
  });
  EXPECT_EQ(failed.load(), kWriters / 3);
  EXPECT_EQ(rows(), 1 + 2 * (kWriters - kWriters / 3));
}

// A job's end is queued too, so its failed change surfaces at the next job's
// first wait: the failure is still that job's, and the next job, whose
// statements the server skipped, runs again and commits.
TEST_F(PostgresPipelineTest, AFailureSurfacingInTheNextJobIsBlamedOnItsOwnJob) {
  db_->write([](Connection& c) { c.query("INSERT INTO t (a) VALUES (0)"); });
  constexpr int kWriters = 24;
  std::atomic<int> failed{0};
  guiche::testing::run_together(kWriters, [&](int i) {
    try {
      db_->write([&](Connection& c) {
        // A wait first: it reads what the job before this one queued.
        c.query("SELECT count(*) FROM t");
        c.query("INSERT INTO t (a) VALUES (?)", {std::int64_t{i * 100}});
        if (i % 4 == 0) c.query("INSERT INTO t (a) VALUES (0)");
      });
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::unique_violation) << e.what();
      ++failed;
    }
  });
  EXPECT_EQ(failed.load(), kWriters / 4);
  EXPECT_EQ(rows(), 1 + (kWriters - kWriters / 4));
}

// The next job may catch that failure and go on; it then fails on the
// aborted transaction, but the blame stays with the job that failed first,
// whose write must not be reported as done.
TEST_F(PostgresPipelineTest, AJobThatSwallowsAnEarlierJobsFailureDoesNotTakeItsBlame) {
  db_->write([](Connection& c) { c.query("INSERT INTO t (a) VALUES (0)"); });
  constexpr int kWriters = 24;
  std::atomic<int> failed{0};
  guiche::testing::run_together(kWriters, [&](int i) {
    try {
      db_->write([&](Connection& c) {
        if (i % 2 == 1) {
          c.query("INSERT INTO t (a) VALUES (?)", {std::int64_t{i * 100}});
          c.query("INSERT INTO t (a) VALUES (0)");  // queued, and it fails
          return;
        }
        try {
          c.query("SELECT count(*) FROM t");
        } catch (const StoreError&) {
          // what a careless job might do
        }
        c.query("INSERT INTO t (a) VALUES (?)", {std::int64_t{i * 100}});
      });
    } catch (const StoreError& e) {
      EXPECT_EQ(i % 2, 1) << e.what();
      EXPECT_EQ(e.kind(), StoreError::Kind::unique_violation) << e.what();
      ++failed;
    }
  });
  EXPECT_EQ(failed.load(), kWriters / 2);
  EXPECT_EQ(rows(), 1 + kWriters / 2);
}

// A job may also fail on its own before any wait of its own (a rule
// broken, thrown in C++): the failed change an earlier job queued is read
// first, and the blame is that job's, not the thrower's.
TEST_F(PostgresPipelineTest, AJobThatThrowsBeforeAnyWaitLeavesAnEarlierJobsFailureItsOwn) {
  db_->write([](Connection& c) { c.query("INSERT INTO t (a) VALUES (0)"); });
  constexpr int kWriters = 24;
  std::atomic<int> duplicates{0}, thrown{0};
  guiche::testing::run_together(kWriters, [&](int i) {
    try {
      db_->write([&](Connection& c) {
        if (i % 3 == 1) throw std::runtime_error("a rule broken");
        c.query("INSERT INTO t (a) VALUES (?)", {std::int64_t{i * 100}});
        if (i % 3 == 0) c.query("INSERT INTO t (a) VALUES (0)");  // queued, and it fails
      });
    } catch (const StoreError& e) {
      EXPECT_EQ(i % 3, 0) << e.what();
      ++duplicates;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(i % 3, 1) << e.what();
      ++thrown;
    }
  });
  EXPECT_EQ(duplicates.load(), kWriters / 3);
  EXPECT_EQ(thrown.load(), kWriters / 3);
  EXPECT_EQ(rows(), 1 + kWriters / 3);
}

TEST_F(PostgresPipelineTest, AChangeThatFailsToPrepareInTheQueueLeavesNoTrace) {
  // Seen a second time, a text is prepared: here in the pipeline, and it
  // fails. A name kept for it would make the third try fail differently
  // ("prepared statement ... does not exist").
  for (int i = 0; i < 3; ++i) {
    try {
      db_->write([](Connection& c) {
        c.query("UPDATE no_such_table SET a = 1 WHERE a = ?", {std::int64_t{1}});
      });
      FAIL() << "expected an error";
    } catch (const StoreError& e) {
      EXPECT_NE(std::string(e.what()).find("no_such_table"), std::string::npos) << e.what();
    }
  }
  db_->write([](Connection& c) {
    c.query("INSERT INTO t (a) VALUES (?)", {std::int64_t{7}});
    c.query("INSERT INTO t (a) VALUES (?)", {std::int64_t{8}});
    EXPECT_EQ(c.query_one("SELECT count(*) FROM t")->integer(0), 2);
  });
}

// Found under the sanitizers' slower timing: a text seen for the second
// time after an error in the same pipeline has its PREPARE skipped by the
// server; remembered as prepared, every later use on that connection failed
// with "prepared statement ... does not exist".
TEST_F(PostgresPipelineTest, APrepareSkippedAfterAnErrorIsPreparedAgainLater) {
  const std::string insert = "INSERT INTO t (a) VALUES (?)";
  db_->write([&](Connection& c) { c.query(insert, {std::int64_t{1}}); });  // first sight
  EXPECT_THROW(db_->write([&](Connection& c) {
    c.query("INSERT INTO t (a) VALUES (1)");  // a duplicate: the pipeline aborts here
    c.query(insert, {std::int64_t{2}});       // second sight: PREPARE sent, and skipped
  }),
               StoreError);
  // One thread, so the pool hands back the same connection.
  for (std::int64_t a = 3; a <= 5; ++a) {
    db_->write([&](Connection& c) { c.query(insert, {a}); });
  }
  EXPECT_EQ(rows(), 4);
}

}  // namespace
}  // namespace guiche::store
