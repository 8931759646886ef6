#pragma once
// Which webhook events a ticket change produces (README.md, "Outbound
// webhooks"). Domain events map to the kinds a subscription chooses from:
//   created                          -> ticket_created
//   public_reply                     -> public_reply
//   resolved                         -> resolved
//   sla_warning, level "warning"     -> sla_warning
//   sla_warning, level "breach"      -> sla_breach
// and any event that moves the status (triage, routing, assignment, a
// status change, a reply that waits on the requester, resolution, reopening,
// closing, cancelling) also -> status_changed, after its own kind.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket_event.hpp"
#include "domain/ticket_status.hpp"

namespace guiche::app {

// Every kind a subscription may choose, in documentation order.
const std::vector<std::string>& webhook_event_kinds();
bool is_webhook_event_kind(const std::string& kind);

struct WebhookNotice {
  std::string event;  // one of webhook_event_kinds()
  Instant occurred_at{};
  nlohmann::json data = nlohmann::json::object();
};

// The notices of `events` (consecutive, in order), the ticket's status just
// before the first of them being `status_before` (none for a new ticket).
std::vector<WebhookNotice> webhook_notices(const std::vector<TicketEvent>& events,
                                           std::optional<Status> status_before);

}  // namespace guiche::app
