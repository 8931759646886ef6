// The per-connection cache of prepared statements of the PostgreSQL engine.
#include "store/postgres/statement_cache.hpp"

#include <gtest/gtest.h>

#include <set>

namespace guiche::store {
namespace {

TEST(StatementCacheTest, TextIsPreparedOnItsSecondUseAndRunPreparedAfter) {
  StatementCache cache(4);
  auto first = cache.use("SELECT ?");
  EXPECT_TRUE(first.name.empty());
  EXPECT_FALSE(first.prepare);
  auto second = cache.use("SELECT ?");
  EXPECT_FALSE(second.name.empty());
  EXPECT_TRUE(second.prepare);
  auto third = cache.use("SELECT ?");
  EXPECT_EQ(third.name, second.name);
  EXPECT_FALSE(third.prepare);
}

TEST(StatementCacheTest, DistinctTextsGetDistinctNamesNeverReused) {
  StatementCache cache(2);
  std::set<std::string> names;
  for (int round = 0; round < 3; ++round) {
    for (const char* sql : {"SELECT 1", "SELECT 2", "SELECT 3"}) {
      cache.use(sql);
      auto use = cache.use(sql);
      ASSERT_TRUE(use.prepare);
      EXPECT_TRUE(names.insert(use.name).second) << use.name;
    }
  }
}

TEST(StatementCacheTest, LeastRecentlyUsedIsEvictedAndItsNameHandedBack) {
  StatementCache cache(2);
  cache.use("A");
  const std::string a = cache.use("A").name;
  cache.use("B");
  cache.use("A");  // A is now more recent than B
  auto c = cache.use("C");
  EXPECT_TRUE(c.deallocate.empty()) << "B was never prepared: nothing to deallocate";
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_FALSE(cache.use("A").prepare) << "A survived";
  auto d = cache.use("D");  // evicts C (A was just used)
  EXPECT_TRUE(d.deallocate.empty());
  cache.use("D");
  cache.use("A");
  auto e = cache.use("E");  // evicts D, which was prepared
  EXPECT_FALSE(e.deallocate.empty());
  EXPECT_NE(e.deallocate, a);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(StatementCacheTest, FailedPrepareIsTriedAgainUnderANewName) {
  StatementCache cache(4);
  cache.use("SELEC 1");
  auto failed = cache.use("SELEC 1");
  ASSERT_TRUE(failed.prepare);
  cache.forget_name("SELEC 1");
  auto again = cache.use("SELEC 1");
  EXPECT_TRUE(again.prepare);
  EXPECT_NE(again.name, failed.name);
}

TEST(StatementCacheTest, ClearForgetsEveryText) {
  StatementCache cache(4);
  cache.use("SELECT 1");
  cache.use("SELECT 1");
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_TRUE(cache.use("SELECT 1").name.empty());
}

TEST(StatementCacheTest, ZeroCapacityNeverPrepares) {
  StatementCache cache(0);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(cache.use("SELECT 1").name.empty());
}

}  // namespace
}  // namespace guiche::store
