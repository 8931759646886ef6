#pragma once
// Group commit for the PostgreSQL engine (issue 22, item 3). Concurrent
// write() calls on one node share one transaction: the first caller to find
// no group running becomes its leader, takes every job waiting at that
// moment, runs them one after another (each in its own SAVEPOINT when there
// are several) and commits once; the others wait for that commit. So the
// yearly protocol counter's row lock is taken once per group rather than
// once per registration, and N registrations cost one commit, as the SQLite
// engine's writer thread does (store/sqlite/sqlite_database.cpp).
//
// No thread of its own: a leader is a caller's thread, and leadership passes
// to a waiting caller when its group ends.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <vector>

#include "store/database.hpp"

namespace guiche::store::postgres {

struct WriteJob {
  const std::function<void(Connection&)>* work = nullptr;
  std::exception_ptr error;
  bool done = false;
};

class WriteGroups {
 public:
  // Runs one group of jobs in one transaction; records each job's error.
  using RunGroup = std::function<void(std::vector<WriteJob*>&)>;
  WriteGroups(std::size_t max_group, RunGroup run)
      : max_group_(max_group), run_group_(std::move(run)) {}

  // Returns once the job's group has committed or failed; rethrows the
  // job's own error, if any.
  void submit(const std::function<void(Connection&)>& work);

  std::size_t groups_run() const;
  std::size_t jobs_run() const;

 private:
  const std::size_t max_group_;
  RunGroup run_group_;
  mutable std::mutex mutex_;
  std::condition_variable finished_;
  std::deque<WriteJob*> waiting_;
  bool leading_ = false;
  std::size_t groups_ = 0;
  std::size_t jobs_ = 0;
};

}  // namespace guiche::store::postgres
