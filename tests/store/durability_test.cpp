// What a commit waits for (store/database.hpp, Durability): the desk's own
// writes reach the disk before write() returns; a relaxed load (the demo
// data) lets the engine sync later. Read back from each engine's own setting
// on the connection that writes.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/database.hpp"
#include "store/migrations/migrations.hpp"
#include "support/postgres_test_database.hpp"
#include "support/test_database.hpp"

namespace guiche::store {
namespace {

using guiche::testing::make_temp_dir;

std::string written_with(Database& db, const char* sql) {
  std::string value;
  db.write([&](Connection& c) { value = c.query_one(sql)->text(0); });
  return value;
}

TEST(DurabilityTest, SqliteCommitsWaitForTheDiskUnlessTheLoadIsRelaxed) {
  const auto dir = make_temp_dir("guiche-durability-");
  const auto path = dir + "/guiche.db";
  // PRAGMA synchronous: 2 is FULL, 0 is OFF.
  EXPECT_EQ(written_with(*open_sqlite(path), "PRAGMA synchronous"), "2");
  EXPECT_EQ(written_with(*open_sqlite(path, Durability::relaxed), "PRAGMA synchronous"), "0");
  // A relaxed load's rows are there for the durable desk opened next.
  {
    auto loader = open_sqlite(path, Durability::relaxed);
    loader->write([](Connection& c) {
      c.execute_script("CREATE TABLE demo (n INTEGER); INSERT INTO demo VALUES (7);");
    });
  }
  auto desk = open_sqlite(path);
  desk->read([](Connection& c) { EXPECT_EQ(c.query_one("SELECT n FROM demo")->integer(0), 7); });
  std::filesystem::remove_all(dir);
}

TEST(DurabilityTest, SqliteWriterKeepsItsSavepointJournalsInMemory) {
  const auto dir = make_temp_dir("guiche-durability-");
  // PRAGMA temp_store: 2 is MEMORY (store/sqlite/sqlite_connection.cpp says why).
  EXPECT_EQ(written_with(*open_sqlite(dir + "/guiche.db"), "PRAGMA temp_store"), "2");
  std::filesystem::remove_all(dir);
}

TEST(DurabilityTest, SqliteWriterKeepsThirtyTwoMebibytesOfPagesAndReadersTheDefault) {
  const auto dir = make_temp_dir("guiche-durability-");
  auto db = open_sqlite(dir + "/guiche.db");
  // Negative: KiB (store/sqlite/sqlite_connection.cpp says why the writer's is larger).
  EXPECT_EQ(written_with(*db, "PRAGMA cache_size"), "-32768");
  db->read([](Connection& c) { EXPECT_EQ(c.query_one("PRAGMA cache_size")->text(0), "-2000"); });
  std::filesystem::remove_all(dir);
}

TEST(DurabilityTest, PostgresCommitsWaitForTheWalUnlessTheLoadIsRelaxed) {
  const auto url = guiche::testing::create_fresh_postgres_database();
  // The test server itself may run without syncing (scripts/test-servers):
  // what matters is that only the relaxed connection sets it for itself.
  const char* const sql =
      "SELECT setting || ' ' || source FROM pg_settings WHERE name = 'synchronous_commit'";
  EXPECT_EQ(written_with(*open_postgres(url), sql).find("session"), std::string::npos);
  EXPECT_EQ(written_with(*open_postgres(url, Durability::relaxed), sql), "off session");
  guiche::testing::drop_postgres_database(url);
}

}  // namespace
}  // namespace guiche::store
