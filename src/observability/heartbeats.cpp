#include "observability/heartbeats.hpp"

namespace guiche::observability {

Heartbeats::Beat::Beat(Beat&& other) noexcept : roll_(other.roll_), id_(other.id_) {
  other.roll_ = nullptr;
}

Heartbeats::Beat& Heartbeats::Beat::operator=(Beat&& other) noexcept {
  if (this != &other) {
    if (roll_) roll_->remove(id_);
    roll_ = other.roll_;
    id_ = other.id_;
    other.roll_ = nullptr;
  }
  return *this;
}

Heartbeats::Beat::~Beat() {
  if (roll_) roll_->remove(id_);
}

void Heartbeats::Beat::now() {
  if (roll_) roll_->beat(id_);
}

Heartbeats::Beat Heartbeats::enroll(std::string worker, std::chrono::milliseconds limit) {
  std::lock_guard lock(mutex_);
  // Names label /metrics' series, which must not repeat: a second worker of
  // the same name is numbered.
  const std::string base = worker;
  for (int n = 2;; ++n) {
    bool taken = false;
    for (const auto& [id, e] : entries_) taken = taken || e.worker == worker;
    if (!taken) break;
    worker = base + " " + std::to_string(n);
  }
  const auto id = next_++;
  entries_[id] = Entry{std::move(worker), limit, Steady::now()};
  return Beat(this, id);
}

std::vector<Heartbeats::Silence> Heartbeats::roll() const {
  const auto now = Steady::now();
  std::lock_guard lock(mutex_);
  std::vector<Silence> out;
  for (const auto& [id, e] : entries_)
    out.push_back(
        {e.worker, std::chrono::duration_cast<std::chrono::milliseconds>(now - e.last), e.limit});
  return out;
}

std::vector<Heartbeats::Silence> Heartbeats::stalled() const {
  std::vector<Silence> out;
  for (auto& s : roll())
    if (s.since_beat > s.limit) out.push_back(std::move(s));
  return out;
}

void Heartbeats::beat(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(id); it != entries_.end()) it->second.last = Steady::now();
}

void Heartbeats::remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  entries_.erase(id);
}

Heartbeats& heartbeats() {
  static Heartbeats roll;
  return roll;
}

}  // namespace guiche::observability
