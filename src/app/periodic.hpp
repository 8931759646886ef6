#pragma once
// A background job a running server repeats: runs `job` at once, then every
// `period`, on a thread of its own, until destroyed (which wakes, stops and
// joins it). A job that throws is logged and tried again next
// round: a database hiccup must not stop the server. A job that returns true
// has more pending (app/sla/sla_recompute.hpp's batches): it runs again at
// once, the lock released in between so that the server can stop.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "observability/heartbeats.hpp"

namespace guiche::app {

class Periodic {
 public:
  Periodic(std::string name, std::chrono::milliseconds period, std::function<void()> job);
  Periodic(std::string name, std::chrono::milliseconds period, std::function<bool()> job);
  ~Periodic();
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

 private:
  void run();

  std::string name_;
  std::chrono::milliseconds period_;
  std::function<bool()> job_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  observability::Heartbeats::Beat beat_;  // readiness: this job still turns
  std::thread thread_;
};

}  // namespace guiche::app
