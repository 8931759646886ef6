// Version 19: what the WhatsApp chatbot keeps between messages
// (app/whatsapp/whatsapp_conversations.hpp; docs/whatsapp.md).
//
// - whatsapp_conversations (v018) gains the privacy notice the person
//   accepted (LGPD: when, and the text as shown) and the ticket a hand-over
//   to the central opened, where what the person sends afterwards goes.
// - whatsapp_identity_codes: the code sent to a registered e-mail to prove
//   who is writing, kept only as a salted HMAC, with its expiry and the
//   attempts spent; one per number, replaced by a new request.
// - whatsapp_media: each image or document a person sent, fetched from the
//   Cloud API before the message is processed (its URL lasts minutes) and
//   stored like every attachment. One refused by the desk's limits (size,
//   type) is kept all the same, with the reason, for staff to see.
namespace guiche::store {

extern const char* const kMigrationV019WhatsAppConversations = R"SQL(
ALTER TABLE whatsapp_conversations ADD COLUMN consent_notice TEXT;
ALTER TABLE whatsapp_conversations ADD COLUMN handover_ticket_id BIGINT REFERENCES tickets(id);

CREATE TABLE whatsapp_identity_codes (
  wa_id TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id),
  code_mac TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE whatsapp_media (
  media_id TEXT PRIMARY KEY,
  wa_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  filename TEXT NOT NULL,
  problem TEXT,
  fetched_at BIGINT NOT NULL
);
)SQL";

}  // namespace guiche::store
