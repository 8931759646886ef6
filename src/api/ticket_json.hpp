#pragma once
// How tickets, events and attachments look in the API (ISO-8601 instants).
#include <nlohmann/json.hpp>

#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"
#include "store/attachment_record.hpp"

namespace guiche::api {

// By value: a list moves its tickets in, a single ticket is copied.
nlohmann::json ticket_json(Ticket t);
nlohmann::json event_json(const TicketEvent& e);
nlohmann::json attachment_json(const store::AttachmentRecord& a);

}  // namespace guiche::api
