// See write_groups.hpp.
#include "store/postgres/write_groups.hpp"

namespace guiche::store::postgres {

void WriteGroups::submit(const std::function<void(Connection&)>& work) {
  WriteJob job;
  job.work = &work;
  std::unique_lock lock(mutex_);
  waiting_.push_back(&job);
  while (!job.done) {
    if (leading_) {
      finished_.wait(lock);
      continue;
    }
    // Lead one group: this job (unless an earlier group took it) and every
    // other one waiting now, up to the limit.
    leading_ = true;
    std::vector<WriteJob*> group;
    while (!waiting_.empty() && group.size() < max_group_) {
      group.push_back(waiting_.front());
      waiting_.pop_front();
    }
    lock.unlock();
    try {
      run_group_(group);
    } catch (...) {
      for (WriteJob* j : group) {
        if (!j->error) j->error = std::current_exception();
      }
    }
    lock.lock();
    ++groups_;
    jobs_ += group.size();
    for (WriteJob* j : group) j->done = true;
    leading_ = false;
    finished_.notify_all();
  }
  lock.unlock();
  if (job.error) std::rethrow_exception(job.error);
}

std::size_t WriteGroups::groups_run() const {
  std::lock_guard lock(mutex_);
  return groups_;
}

std::size_t WriteGroups::jobs_run() const {
  std::lock_guard lock(mutex_);
  return jobs_;
}

}  // namespace guiche::store::postgres
