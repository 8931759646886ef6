#pragma once
// The WhatsApp messages the Cloud API accepted from us (whatsapp_messages,
// migration v017): the wamid it answered, the outbox row and ticket each
// carried, and the furthest delivery status its webhooks reported.
//
// Statuses rank accepted < sent < delivered < read < failed; a status ranked
// at or below the recorded one changes nothing, so webhooks arriving out of
// order (read before delivered) never move a message back. A status may also
// arrive before the worker has recorded the send (the Cloud API answers and
// posts "sent" at once; the worker commits its round afterwards): it is kept
// and the send's record fills in the rest.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct WhatsAppMessage {
  std::string wamid;
  std::optional<std::int64_t> outbox_id;
  std::optional<std::int64_t> ticket_id;
  std::string wa_id;
  std::string kind;    // "free_form" or "template" ("" until the send is recorded)
  std::string status;  // accepted, sent, delivered, read, failed
  Instant status_at{};
  std::optional<int> error_code;  // failed: the Cloud API's error code and title
  std::optional<std::string> error_title;
  Instant created_at{};
};

// The Cloud API accepted message `m.wamid` (status "accepted" unless a
// webhook already told more).
void record_whatsapp_sent(Connection& c, const WhatsAppMessage& m);
// A status webhook: "sent", "delivered", "read" or "failed" (with its error).
// False when `status` is none of these (nothing stored).
bool record_whatsapp_status(Connection& c, const std::string& wamid, const std::string& status,
                            Instant at, std::optional<int> error_code,
                            const std::string& error_title);
std::optional<WhatsAppMessage> load_whatsapp_message(Connection& c, const std::string& wamid);
std::vector<WhatsAppMessage> whatsapp_messages_of_outbox(Connection& c, std::int64_t outbox_id);

}  // namespace guiche::store
