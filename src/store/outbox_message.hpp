#pragma once
// One notice in the outbox, as its transport delivers it.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"

namespace guiche::store {

struct OutboxMessage {
  std::int64_t id = 0;
  std::string channel = "email";
  std::string template_key;
  std::optional<std::int64_t> ticket_id;
  std::optional<std::int64_t> recipient_id;
  std::string recipient_name;
  std::string recipient_address;
  std::string subject;
  std::string text_body;
  std::string html_body;
  std::string message_id;
  // pending, sending (a worker has it out now), in_doubt (its send was cut
  // off: store/outbox_rows.hpp), sent, failed
  std::string status = "pending";
  int attempts = 0;
  Instant next_attempt_at{};
  std::optional<std::string> last_error;
  Instant created_at{};
  std::optional<Instant> sent_at;
  // Webhook deliveries (channel 'webhook'): the subscription they go to and
  // the receiver's last HTTP status (store/webhook_rows.hpp).
  std::optional<std::int64_t> webhook_id;
  std::optional<int> response_code;
  // A status page subscriber's message: the one-click unsubscribe URL its
  // List-Unsubscribe header names (RFC 8058; app/incidents/subscriber_delivery.hpp).
  std::optional<std::string> list_unsubscribe;
  // A WhatsApp row's JSON: what to send and the template standing in for it
  // outside the 24-hour window (store/whatsapp_payload.hpp); an e-mail's
  // attached files (mail/attachment_payload.hpp). NULL elsewhere.
  std::optional<std::string> payload;
};

// What waits in the outbox, per channel and status (pending, sending,
// in_doubt, failed), with the oldest message's creation: /metrics' queue depth and age.
// Read through the (status, ...) index: sent rows are never touched.
struct OutboxBacklog {
  std::string channel;
  std::string status;
  std::int64_t count = 0;
  Instant oldest_created_at;
};

}  // namespace guiche::store
