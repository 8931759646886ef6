#pragma once
// The fan-out of a ticket change to the webhook subscriptions: called by the
// ticket ledger in the transaction that writes the change
// (app/ledger/ticket_ledger.cpp), so a delivery exists exactly when
// its change was committed. Each active subscription that wants a notice's
// kind gets one outbox row (channel 'webhook') holding the JSON body below.
//
// Body: {"id": <delivery id>, "event": <kind>, "occurred_at": <ISO 8601 UTC>,
//        "ticket": {the ticket as it stands after the change}, "data": {...}}
#include <vector>

#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"
#include "store/database.hpp"
#include "store/webhook_rows.hpp"

namespace guiche::app {

// `status_before`: the ticket's status before the first of `events` (none
// for a registration), as the ledger knew it before applying them.
// `subscriptions`: the active ones if read before the write, else read here.
void enqueue_webhook_deliveries(
    store::Connection& c, const Ticket& ticket, const std::vector<TicketEvent>& events,
    std::optional<Status> status_before, Instant now,
    const std::vector<store::WebhookSubscription>* subscriptions = nullptr);

// The "ticket" object of every body.
nlohmann::json webhook_ticket_json(const Ticket& t);

}  // namespace guiche::app
