// Version 6: mail intake. One inbound_messages row per message received
// (mailgate or an IMAP mailbox), keyed by `dedup_key` so the same message is
// never processed twice: its Message-ID, or "sha256:<hex>" of the raw bytes
// when it has none. The raw bytes live in the attachment blob store
// (raw_sha256), so a quarantined message is kept whole. mail_quarantine holds
// the messages attendants must look at (pending until retried with success or
// turned into a ticket). The outbox index serves the loop guard (notices per
// address per hour).
namespace guiche::store {

extern const char* const kMigrationV006MailIntake = R"SQL(
CREATE TABLE inbound_messages (
  id {{id}},
  dedup_key TEXT NOT NULL UNIQUE,
  message_id TEXT NOT NULL,
  source TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  sender TEXT NOT NULL,
  subject TEXT NOT NULL,
  raw_sha256 TEXT NOT NULL,
  raw_size BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  ticket_id BIGINT REFERENCES tickets(id),
  detail TEXT NOT NULL
);
CREATE INDEX inbound_messages_message_id ON inbound_messages(message_id);

CREATE TABLE mail_quarantine (
  inbound_id BIGINT PRIMARY KEY REFERENCES inbound_messages(id),
  state TEXT NOT NULL,
  reason TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL,
  resolved_by BIGINT REFERENCES people(id)
);
CREATE INDEX mail_quarantine_state ON mail_quarantine(state, inbound_id);

CREATE INDEX outbox_recipient_recent ON outbox(recipient_address, created_at);
)SQL";

}  // namespace guiche::store
