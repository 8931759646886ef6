#pragma once
// A ticket's WhatsApp conversation as it happened, for the agent's ticket page
// (app/tickets/ticket_whatsapp.hpp): the requester's messages the inbox
// attached to the ticket, the requester's messages not yet attached (waiting
// for the handler, or failed) since the ticket was registered, and the
// ticket's outbox rows of channel 'whatsapp' to the requester with what the
// Cloud API said of each (whatsapp_messages), sent or not.
//
// Every part is read through an index (migrations v005, v017, v018): the
// attached messages by whatsapp_inbound_ticket, the unattached ones by
// whatsapp_inbound_number, the outbox rows by outbox_ticket and their
// delivery by whatsapp_messages_outbox; each part is cut to the newest
// `limit` rows, so a ticket with years of messages costs the same.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/whatsapp_message_rows.hpp"

namespace guiche::store {

struct WhatsAppTicketQuery {
  std::int64_t ticket_id = 0;
  std::int64_t requester_id = 0;
  // The requester's number in every form WhatsApp may name it (digits;
  // domain/whatsapp/whatsapp_number.hpp): whose unattached messages count.
  // Empty: none.
  std::vector<std::string> numbers;
  Instant since{};  // unattached messages received from this instant on
  int limit = 200;
};

struct WhatsAppTicketMessage {
  bool inbound = false;
  Instant at{};  // inbound: WhatsApp's timestamp; outbound: when the row was written
  // Inbound (whatsapp_inbound): the Cloud API message object, JSON.
  std::int64_t inbound_id = 0;
  std::string item;
  std::string state;  // pending, done, failed
  std::optional<std::string> last_error;
  // Outbound (outbox): what the person reads, and the row's own state.
  std::int64_t outbox_id = 0;
  std::string template_key;
  std::string text_body;
  std::optional<std::string> payload;
  std::string outbox_status;  // store/outbox_message.hpp, status
  std::optional<std::string> outbox_error;
  std::optional<WhatsAppMessage> delivery;  // once the Cloud API accepted it
};

// The conversation, oldest first: the newest `q.limit` messages of it.
std::vector<WhatsAppTicketMessage> whatsapp_ticket_conversation(Connection& c,
                                                                const WhatsAppTicketQuery& q);

// The statements it runs, for the plan test (tests/store/whatsapp_ticket_plan_test.cpp):
// the attached messages (ticket_id, limit); the unattached ones of `numbers`
// forms of a number (each form, since, limit); the outbox rows (ticket_id,
// requester_id, limit).
std::string whatsapp_ticket_attached_sql();
std::string whatsapp_ticket_unattached_sql(std::size_t numbers);
std::string whatsapp_ticket_outbound_sql();

}  // namespace guiche::store
