#pragma once
// What a follower of live ticket changes heard, from any thread.
#include <mutex>
#include <string>
#include <vector>

#include "app/live/live_updates.hpp"
#include "app/live/ticket_events_hub.hpp"

namespace guiche::testing {

struct HeardChanges {
  std::mutex mutex;
  std::vector<std::string> protocols;
  std::vector<app::TicketChange> changes;
  app::TicketEventsHub::Listener listener() {
    return [this](const app::TicketChange& c) {
      std::lock_guard lock(mutex);
      protocols.push_back(c.protocol);
      changes.push_back(c);
    };
  }
  std::size_t size() {
    std::lock_guard lock(mutex);
    return protocols.size();
  }
};

}  // namespace guiche::testing
