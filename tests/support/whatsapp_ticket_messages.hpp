#pragma once
// A ticket's WhatsApp messages written straight through the store functions
// the inbox and the transport use, for the tests of the ticket's conversation
// (store/whatsapp_ticket_rows.hpp and the agent's ticket page).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/outbox_rows.hpp"
#include "store/whatsapp_inbound_rows.hpp"
#include "store/whatsapp_message_rows.hpp"

namespace guiche::testing {

// A message object of the Cloud API from `wa_id` (any type).
inline nlohmann::json cloud_message(const std::string& wamid, const std::string& wa_id,
                                    const std::string& type, nlohmann::json part) {
  return {{"from", wa_id}, {"id", wamid}, {"timestamp", "0"}, {"type", type}, {type, part}};
}

// `message` as the webhook stored it, received at `at`; then handled as
// `state` says: "done" (attached to `ticket` when given), "failed" (with
// `error`) or "pending" (left as it came). Returns its row id.
inline std::int64_t add_inbound(store::Connection& c, const nlohmann::json& message, Instant at,
                                const std::string& state = "done",
                                std::optional<std::int64_t> ticket = std::nullopt,
                                const std::string& error = "") {
  store::WhatsAppInboundItem i;
  i.dedup_key = "message:" + message.at("id").get<std::string>();
  i.kind = "message";
  i.batch_id = store::insert_whatsapp_batch(c, at, "{}", 1, std::nullopt);
  i.wa_id = message.at("from").get<std::string>();
  i.item = message.dump();
  i.sent_at = at;
  i.received_at = at;
  i.next_attempt_at = at;
  store::insert_whatsapp_item(c, i);
  const auto id = store::load_whatsapp_item(c, i.dedup_key)->id;
  if (state == "done") store::mark_whatsapp_item_done(c, id, "anexada ao chamado", ticket, at);
  if (state == "failed") store::mark_whatsapp_item_failed_attempt(c, id, error, std::nullopt);
  return id;
}

// A WhatsApp outbox row of `ticket` to `recipient`, written at `at` (pending).
inline store::OutboxMessage add_outbound(store::Connection& c, std::int64_t ticket,
                                         std::int64_t recipient, const std::string& phone,
                                         const std::string& text, Instant at,
                                         const std::string& key = "bot",
                                         const std::string& channel = "whatsapp") {
  store::OutboxMessage m;
  m.channel = channel;
  m.template_key = key;
  m.ticket_id = ticket;
  m.recipient_id = recipient;
  m.recipient_name = "Solicitante";
  m.recipient_address = phone;
  m.text_body = text;
  m.next_attempt_at = at;
  m.created_at = at;
  return store::enqueue_message(c, m, "guiche.localhost");
}

// The Cloud API accepted `m` as `wamid` ("free_form" or "template") at `at`.
inline void accept_outbound(store::Connection& c, const store::OutboxMessage& m,
                            const std::string& wamid, Instant at,
                            const std::string& kind = "free_form") {
  store::mark_sent(c, m.id, at);
  store::WhatsAppMessage w;
  w.wamid = wamid;
  w.outbox_id = m.id;
  w.ticket_id = m.ticket_id;
  w.wa_id = m.recipient_address;
  w.kind = kind;
  w.created_at = at;
  store::record_whatsapp_sent(c, w);
}

}  // namespace guiche::testing
