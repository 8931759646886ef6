#pragma once
// The reopen window (docs/domain.md, "Statuses"): a resolved ticket
// may be reopened by its requester side until `window` has passed since its
// resolution; from then on it is closed by the system and a new request is
// registered instead. Every face and use case asks these two questions.
#include <chrono>
#include <optional>

#include "domain/ticket.hpp"
#include "domain/time.hpp"

namespace guiche {

// When the window of a resolved ticket ends; nullopt unless it is resolved.
std::optional<Instant> reopen_window_end(const Ticket& t, std::chrono::days window);
// Whether the resolved ticket may still be reopened at `now`.
bool reopen_window_open(const Ticket& t, Instant now, std::chrono::days window);

}  // namespace guiche
