#include "app/periodic.hpp"

#include "observability/log.hpp"

namespace guiche::app {

Periodic::Periodic(std::string name, std::chrono::milliseconds period, std::function<void()> job)
    : Periodic(std::move(name), period, std::function<bool()>([job = std::move(job)] {
                 job();
                 return false;
               })) {}

Periodic::Periodic(std::string name, std::chrono::milliseconds period, std::function<bool()> job)
    : name_(std::move(name)),
      period_(period),
      job_(std::move(job)),
      // A round may be long (a housekeeping pass over a large backlog): ten
      // minutes past its period before readiness calls it stalled.
      beat_(observability::heartbeats().enroll(name_, 3 * period_ + std::chrono::minutes(10))),
      thread_([this] { run(); }) {}

Periodic::~Periodic() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Periodic::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    beat_.now();
    bool more = false;
    try {
      more = job_();
    } catch (const std::exception& e) {
      observability::log_error(name_, e.what());
    }
    lock.lock();
    if (!more) wake_.wait_for(lock, period_, [this] { return stopping_; });
  }
}

}  // namespace guiche::app
