// A PostgreSQL read sends BEGIN with its first statement and does not wait
// for its COMMIT (store/postgres/postgres_database.cpp, read()): one wait per
// statement. These tests pin that, and that the connection it leaves behind
// (its COMMIT or ROLLBACK still to be read) serves the next transaction.
#include <gtest/gtest.h>

#include <stdexcept>

#include "store/database.hpp"
#include "support/postgres_scratch.hpp"

namespace guiche::store {
namespace {

double read_waits() {
  return guiche::testing::db_round_trips("read");
}

class PostgresReadTest : public guiche::testing::PostgresScratchTest {
 protected:
  PostgresReadTest()
      : PostgresScratchTest("CREATE TABLE t (a int PRIMARY KEY); INSERT INTO t VALUES (1), (2);") {}
  std::int64_t rows() {
    std::int64_t n = 0;
    db_->read([&](Connection& c) { n = c.query_one("SELECT count(*) FROM t")->integer(0); });
    return n;
  }
};

TEST_F(PostgresReadTest, AReadWaitsOncePerStatement) {
  rows();  // the statement is prepared from here on
  double before = read_waits();
  EXPECT_EQ(rows(), 2);
  EXPECT_EQ(read_waits() - before, 1.0);
  before = read_waits();
  db_->read([](Connection& c) {
    c.query("SELECT a FROM t WHERE a = ?", {std::int64_t{1}});
    c.query("SELECT a FROM t WHERE a = ?", {std::int64_t{2}});
  });
  EXPECT_EQ(read_waits() - before, 2.0);
  before = read_waits();
  db_->read([](Connection&) {});  // nothing asked: nothing begun
  EXPECT_EQ(read_waits() - before, 0.0);
}

// Both statements of a read see one snapshot: BEGIN went first, with the first.
TEST_F(PostgresReadTest, AReadsStatementsShareOneSnapshot) {
  auto other = open_postgres(url_);
  std::int64_t first = 0, second = 0;
  db_->read([&](Connection& c) {
    first = c.query_one("SELECT count(*) FROM t")->integer(0);
    other->write([](Connection& w) { w.query("INSERT INTO t VALUES (3)"); });
    second = c.query_one("SELECT count(*) FROM t")->integer(0);
  });
  EXPECT_EQ(first, 2);
  EXPECT_EQ(second, 2);
  EXPECT_EQ(rows(), 3);
}

// The pool reads a read's COMMIT or ROLLBACK before giving its connection to
// the next transaction, read or write, after success, a failed statement or
// the function's own exception.
TEST_F(PostgresReadTest, TheNextTransactionGetsASettledConnection) {
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(rows(), 2 + i);
    EXPECT_THROW(db_->read([](Connection& c) { c.query("SELECT * FROM missing_table"); }),
                 StoreError);
    EXPECT_THROW(db_->read([](Connection& c) {
      c.query("SELECT 1");
      throw std::runtime_error("not found");
    }),
                 std::runtime_error);
    db_->write([&](Connection& c) { c.query("INSERT INTO t VALUES (?)", {std::int64_t{10 + i}}); });
  }
  EXPECT_EQ(rows(), 22);
}

}  // namespace
}  // namespace guiche::store
