#include "app/housekeeping.hpp"

#include <iostream>

namespace guiche::app {

Housekeeping::Housekeeping(Desk& desk, std::chrono::milliseconds period)
    : desk_(desk), period_(period), thread_([this] { run(); }) {}

Housekeeping::~Housekeeping() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Housekeeping::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      desk_.close_expired_resolutions();
      desk_.record_sla_warnings();
    } catch (const std::exception& e) {
      // A database hiccup must not stop the server; the next round retries.
      std::cerr << "housekeeping: " << e.what() << "\n";
    }
    lock.lock();
    wake_.wait_for(lock, period_, [this] { return stopping_; });
  }
}

}  // namespace guiche::app
