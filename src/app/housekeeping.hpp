#pragma once
// Background work of a running server that comes from durable state:
// closing resolved tickets whose reopen window has ended, and recording the
// SLA warnings and breaches that are due. Safe to run on several nodes at once
// (each decision re-checks the ticket's events under its lock).
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/desk.hpp"

namespace guiche::app {

class Housekeeping {
 public:
  Housekeeping(Desk& desk, std::chrono::milliseconds period);
  ~Housekeeping();  // stops and joins
  Housekeeping(const Housekeeping&) = delete;
  Housekeeping& operator=(const Housekeeping&) = delete;

 private:
  void run();

  Desk& desk_;
  std::chrono::milliseconds period_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace guiche::app
