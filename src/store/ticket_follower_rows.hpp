#pragma once
// Who follows a ticket besides its requester and assignee (migration v043):
// agents watching it, and the requesters of duplicates merged into it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct TicketFollower {
  std::int64_t ticket_id = 0;
  std::string kind;  // "watcher" | "requester"
  std::int64_t person_id = 0;
  std::int64_t via_ticket_id = 0;  // the merged duplicate, for "requester"
  std::string channel;             // the duplicate's channel, for "requester"
  Instant since{};
};

inline constexpr const char* kWatcher = "watcher";
inline constexpr const char* kMergedRequester = "requester";

// Adds the row unless it is there already; true if it was added.
bool add_ticket_follower(Connection& c, const TicketFollower& f);
void remove_ticket_follower(Connection& c, std::int64_t ticket_id, const std::string& kind,
                            std::int64_t person_id, std::int64_t via_ticket_id);
// Every follower of the ticket, watchers first, then by person.
std::vector<TicketFollower> ticket_followers(Connection& c, std::int64_t ticket_id);
bool is_watching(Connection& c, std::int64_t ticket_id, std::int64_t person_id);
// The tickets `person_id` watches, newest first, below `before_id` when
// given (keyset), at most `limit`: the person's own rows, never the tickets.
std::vector<std::int64_t> watched_ticket_ids(Connection& c, std::int64_t person_id,
                                             std::optional<std::int64_t> before_id, int limit);

}  // namespace guiche::store
