// The PostgreSQL engine's group commit (store/postgres/write_groups.hpp): how
// concurrent writes are gathered into groups, apart from any database.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "store/postgres/write_groups.hpp"

namespace guiche::store::postgres {
namespace {

// The work of a job is never called by these runners: a group is "run" by
// noting its size and failing the jobs marked to fail.
struct Recorder {
  std::mutex mutex;
  std::vector<std::size_t> sizes;
  std::atomic<int> running{0};
  std::atomic<bool> overlapped{false};
};

TEST(WriteGroupsTest, WritesWaitingTogetherShareAGroupOfAtMostTheLimit) {
  Recorder r;
  WriteGroups groups(8, [&](std::vector<WriteJob*>& group) {
    if (r.running.fetch_add(1) != 0) r.overlapped = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    {
      std::lock_guard lock(r.mutex);
      r.sizes.push_back(group.size());
    }
    r.running.fetch_sub(1);
  });
  constexpr int kWriters = 32;
  const std::function<void(Connection&)> work = [](Connection&) {};
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i) threads.emplace_back([&] { groups.submit(work); });
  for (auto& t : threads) t.join();

  EXPECT_FALSE(r.overlapped) << "two groups ran at once";
  std::size_t total = 0;
  for (auto size : r.sizes) {
    EXPECT_LE(size, 8u);
    total += size;
  }
  EXPECT_EQ(total, static_cast<std::size_t>(kWriters));
  EXPECT_LT(r.sizes.size(), static_cast<std::size_t>(kWriters)) << "no write shared a group";
  EXPECT_EQ(groups.jobs_run(), static_cast<std::size_t>(kWriters));
  EXPECT_EQ(groups.groups_run(), r.sizes.size());
}

TEST(WriteGroupsTest, EachWriterGetsItsOwnJobsErrorOnly) {
  const std::function<void(Connection&)> good = [](Connection&) {};
  const std::function<void(Connection&)> bad = [](Connection&) {};
  WriteGroups groups(64, [&](std::vector<WriteJob*>& group) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    for (WriteJob* job : group) {
      if (job->work == &bad) job->error = std::make_exception_ptr(std::runtime_error("bad"));
    }
  });
  std::atomic<int> good_failed{0}, bad_failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 40; ++i) {
    threads.emplace_back([&, i] {
      const bool is_bad = i % 3 == 0;
      try {
        groups.submit(is_bad ? bad : good);
      } catch (const std::runtime_error&) {
        ++(is_bad ? bad_failed : good_failed);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(good_failed.load(), 0);
  EXPECT_EQ(bad_failed.load(), 14);
}

TEST(WriteGroupsTest, AGroupThatThrowsFailsEveryJobOfItAndTheNextGroupRuns) {
  int calls = 0;
  WriteGroups groups(64, [&](std::vector<WriteJob*>&) {
    if (++calls == 1) throw std::runtime_error("connection lost");
  });
  const std::function<void(Connection&)> work = [](Connection&) {};
  EXPECT_THROW(groups.submit(work), std::runtime_error);
  EXPECT_NO_THROW(groups.submit(work));
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace guiche::store::postgres
