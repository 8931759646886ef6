// Version 18: the WhatsApp channel's way in (docs/whatsapp.md;
// app/whatsapp/whatsapp_inbox.hpp). Every signed webhook the Cloud API posts
// is kept whole (whatsapp_webhook_batches) before it is answered, together
// with one whatsapp_inbound row per message and per status it holds; the
// rows are processed afterwards, each once: dedup_key ("message:<wamid>",
// "status:<wamid>:<status>") makes a re-delivered webhook add nothing, and a
// row whose processing failed stays pending with a later next_attempt_at
// until it succeeds or runs out of attempts ('failed', shown to the admin,
// never deleted). whatsapp_conversations holds each number's chatbot state and, while a
// conversation is under way, when it expires if the person goes quiet.
//
// Indexes: the worker reads the pending rows by due time from a partial
// index of them; a ticket's page reads the messages that joined it by
// whatsapp_inbound_ticket; a number is matched to a person by people_phone.
namespace guiche::store {

extern const char* const kMigrationV018WhatsAppIntake = R"SQL(
CREATE TABLE whatsapp_webhook_batches (
  id {{id}},
  received_at BIGINT NOT NULL,
  body TEXT NOT NULL,
  items INTEGER NOT NULL,
  problem TEXT
);

CREATE TABLE whatsapp_inbound (
  id {{id}},
  dedup_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  batch_id BIGINT NOT NULL REFERENCES whatsapp_webhook_batches(id),
  wa_id TEXT NOT NULL,
  item TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  outcome TEXT NOT NULL DEFAULT '',
  ticket_id BIGINT REFERENCES tickets(id),
  processed_at BIGINT
);
CREATE INDEX whatsapp_inbound_pending ON whatsapp_inbound(next_attempt_at, id)
  WHERE state = 'pending';
CREATE INDEX whatsapp_inbound_ticket ON whatsapp_inbound(ticket_id, id)
  WHERE ticket_id IS NOT NULL;
CREATE INDEX whatsapp_inbound_number ON whatsapp_inbound(wa_id, state, id);

CREATE TABLE whatsapp_conversations (
  wa_id TEXT PRIMARY KEY,
  person_id BIGINT REFERENCES people(id),
  state TEXT NOT NULL,
  consented_at BIGINT,
  updated_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX people_phone ON people(phone) WHERE phone IS NOT NULL;

CREATE INDEX whatsapp_conversations_expiry ON whatsapp_conversations(expires_at)
  WHERE expires_at IS NOT NULL;
)SQL";

}  // namespace guiche::store
