#pragma once
// Whether the server's background workers are still turning: each loop beats
// once a round, and readiness (GET /api/v1/health/ready) fails while one has
// been silent longer than it promised. A load balancer then sends requests to
// the other nodes, whose outbox workers pick up this one's deliveries.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace guiche::observability {

class Heartbeats {
 public:
  using Steady = std::chrono::steady_clock;

  struct Silence {
    std::string worker;
    std::chrono::milliseconds since_beat;
    std::chrono::milliseconds limit;
  };

  // A worker's place in the roll: beats until destroyed, which takes it off.
  class Beat {
   public:
    Beat() = default;
    Beat(Heartbeats* roll, std::uint64_t id) : roll_(roll), id_(id) {}
    Beat(Beat&& other) noexcept;
    Beat& operator=(Beat&& other) noexcept;
    ~Beat();
    void now();

   private:
    Heartbeats* roll_ = nullptr;
    std::uint64_t id_ = 0;
  };

  // `worker` promises a beat at least every `limit` (its round's period plus
  // the longest a round may take).
  [[nodiscard]] Beat enroll(std::string worker, std::chrono::milliseconds limit);
  // Every enrolled worker and how long since its last beat.
  std::vector<Silence> roll() const;
  // Those silent past their limit.
  std::vector<Silence> stalled() const;

 private:
  struct Entry {
    std::string worker;
    std::chrono::milliseconds limit;
    Steady::time_point last;
  };
  void beat(std::uint64_t id);
  void remove(std::uint64_t id);

  mutable std::mutex mutex_;
  std::map<std::uint64_t, Entry> entries_;
  std::uint64_t next_ = 1;
};

// The process's roll.
Heartbeats& heartbeats();

}  // namespace guiche::observability
