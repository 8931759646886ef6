#pragma once
// An event a use case decided on, before the ticket ledger stamps it (ticket,
// sequence, actor, channel, instant) and applies it.
#include <string>

#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"

namespace guiche::app {

struct EventDraft {
  EventKind kind;
  nlohmann::json data = nlohmann::json::object();
  bool is_public = true;
};

// The internal "linked" event that points at `other` (links name tickets of
// any organization, so they are never public).
EventDraft link_draft(const Ticket& other, const std::string& kind);

}  // namespace guiche::app
