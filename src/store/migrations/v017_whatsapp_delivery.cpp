// Version 17: WhatsApp notices leave through the outbox (transports/whatsapp/).
//
// - outbox.payload: for rows of channel 'whatsapp', the JSON of what to send
//   (store/whatsapp_payload.hpp): the Cloud API message, the approved template
//   that stands in for it outside the 24-hour window, a message to reply to.
//   NULL for every other channel.
// - whatsapp_windows: when each WhatsApp user last wrote to us (the inbound
//   side touches it on every inbound message). Free-form messages are allowed
//   for 24 hours after it; keyed by the number's E.164 digits, so the 12- and
//   13-digit Brazilian forms are one row (domain/whatsapp/whatsapp_number.hpp).
// - whatsapp_messages: each message the Cloud API accepted (its wamid), the
//   outbox row and ticket it carried, whether it went free-form or as a
//   template, and the furthest delivery status heard (sent < delivered <
//   read; failed with the error). status_rank keeps statuses from going back
//   when their webhooks arrive out of order.
// - channel_health: a transport that cannot work at all (an expired WhatsApp
//   token) says so here for the admin; its rows wait, pending, meanwhile.
namespace guiche::store {

extern const char* const kMigrationV017WhatsAppDelivery = R"SQL(
ALTER TABLE outbox ADD COLUMN payload TEXT;

CREATE TABLE whatsapp_windows (
  wa_id TEXT PRIMARY KEY,
  last_inbound_at BIGINT NOT NULL
);

CREATE TABLE whatsapp_messages (
  wamid TEXT PRIMARY KEY,
  outbox_id BIGINT REFERENCES outbox(id),
  ticket_id BIGINT REFERENCES tickets(id),
  wa_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  status_rank INTEGER NOT NULL,
  status_at BIGINT NOT NULL,
  error_code INTEGER,
  error_title TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX whatsapp_messages_outbox ON whatsapp_messages(outbox_id);
CREATE INDEX whatsapp_messages_ticket ON whatsapp_messages(ticket_id);

CREATE TABLE channel_health (
  channel TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  reason TEXT NOT NULL,
  since BIGINT NOT NULL
);
)SQL";

}  // namespace guiche::store
