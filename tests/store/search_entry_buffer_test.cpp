// The full-text entries SQLite's writer holds to the end of a group commit
// (store/search_entry_buffer.hpp): the buffer's own rules, then a real group
// in which jobs index tickets, read what an earlier job indexed and fail.
#include "store/search_entry_buffer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

#include "store/ticket_rows.hpp"
#include "support/test_database.hpp"

namespace guiche::store {
namespace {

using guiche::testing::Engine;
using guiche::testing::TestDatabase;

TEST(SearchEntryBufferTest, AFailedJobTakesBackOnlyItsOwnEntries) {
  SearchEntryBuffer buffer;
  buffer.begin_job();
  buffer.set(1, {"impressora", "primeira"});
  buffer.begin_job();
  buffer.set(1, {"impressora", "substituída"});
  buffer.set(2, {"senha", "nova"});
  buffer.set(1, {"impressora", "duas vezes no mesmo job"});
  buffer.discard_job();

  ASSERT_NE(buffer.find(1), nullptr);
  EXPECT_EQ(buffer.find(1)->body, "primeira");
  EXPECT_EQ(buffer.find(2), nullptr);

  buffer.begin_job();
  buffer.set(3, {"vpn", "c"});
  const auto all = buffer.take_all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].first, 1);
  EXPECT_EQ(all[1].first, 3);
  EXPECT_EQ(buffer.find(1), nullptr) << "taken entries leave the buffer";
  buffer.discard_job();
  EXPECT_EQ(buffer.find(3), nullptr) << "nothing comes back after take_all";
}

std::int64_t matches(Database& db, const std::string& word) {
  std::int64_t n = 0;
  db.read([&](Connection& c) {
    n = c.query_one("SELECT count(*) FROM ticket_search WHERE ticket_search MATCH ?", {word})
            ->integer(0);
  });
  return n;
}

TEST(SearchEntryBufferTest, ASqliteGroupStoresTheEntriesOfItsJobsThatDidNotFail) {
  TestDatabase t(Engine::sqlite);
  Database& db = t.db();
  // The first write holds the writer (a group of its own) until the others
  // wait behind it, so they run together as the next group.
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> first_running{false};
  std::thread first([&] {
    db.write([&](Connection& c) {
      first_running = true;
      released.wait();
      index_ticket_text(c, 10, "impressora", "a impressora do térreo não imprime");
    });
  });
  while (!first_running) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  std::string body_seen_by_later_job;
  std::thread appends([&] {
    db.write([&](Connection& c) {
      body_seen_by_later_job = indexed_body(c, 11);
      index_ticket_text(c, 11, "senha", body_seen_by_later_job + " resposta com toner");
    });
  });
  std::thread registers([&] {
    db.write([&](Connection& c) { index_ticket_text(c, 11, "senha", "esqueci a senha"); });
  });
  std::thread fails([&] {
    EXPECT_THROW(db.write([&](Connection& c) {
      index_ticket_text(c, 12, "vpn", "vpn caiu");
      throw std::runtime_error("o job falhou");
    }),
                 std::runtime_error);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  release.set_value();
  for (auto* t : {&first, &appends, &registers, &fails}) t->join();

  EXPECT_EQ(matches(db, "impressora"), 1);
  EXPECT_EQ(matches(db, "vpn"), 0) << "the failed job's entry was stored";
  // Whichever of the two later jobs ran first, the table holds what the last
  // one set, and a job that read the body saw the one held before it.
  db.read([&](Connection& c) {
    const std::string body = indexed_body(c, 11);
    if (body_seen_by_later_job.empty()) {
      EXPECT_EQ(body, "esqueci a senha");
    } else {
      EXPECT_EQ(body_seen_by_later_job, "esqueci a senha");
      EXPECT_EQ(body, "esqueci a senha resposta com toner");
    }
  });
  EXPECT_EQ(matches(db, "senha"), 1);
  // FTS5 wrote one index segment per group, not one per job (3 then).
  db.read([&](Connection& c) {
    EXPECT_EQ(c.query_one("SELECT count(DISTINCT segid) FROM ticket_search_idx")->integer(0), 2);
  });
}

}  // namespace
}  // namespace guiche::store
