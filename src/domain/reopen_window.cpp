#include "domain/reopen_window.hpp"

namespace guiche {

std::optional<Instant> reopen_window_end(const Ticket& t, std::chrono::days window) {
  if (t.status != Status::resolved || !t.resolved_at) return std::nullopt;
  return *t.resolved_at + window;
}

bool reopen_window_open(const Ticket& t, Instant now, std::chrono::days window) {
  const auto end = reopen_window_end(t, window);
  return end && now <= *end;
}

}  // namespace guiche
