#include "app/live/ticket_events_hub.hpp"

#include <memory>

namespace guiche::app {

std::uint64_t TicketEventsHub::subscribe(Filter filter, Listener listener) {
  auto s =
      std::make_shared<const Subscription>(Subscription{std::move(filter), std::move(listener)});
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  subscriptions_.emplace(id, std::move(s));
  return id;
}

void TicketEventsHub::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  subscriptions_.erase(id);
}

void TicketEventsHub::publish(const TicketChange& change) const {
  // Listeners run outside the lock, so one may unsubscribe (itself or
  // another) while being called.
  std::vector<std::shared_ptr<const Subscription>> targets;
  {
    std::lock_guard lock(mutex_);
    targets.reserve(subscriptions_.size());
    for (const auto& [id, s] : subscriptions_) targets.push_back(s);
  }
  for (const auto& s : targets) {
    if (s->filter(change)) s->listener(change);
  }
}

std::size_t TicketEventsHub::subscribers() const {
  std::lock_guard lock(mutex_);
  return subscriptions_.size();
}

}  // namespace guiche::app
