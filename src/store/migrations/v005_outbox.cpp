// Version 5: the outbox and the message templates admins override.
// An outbox row is one outgoing message (e-mail now; WhatsApp and webhooks
// later through the same table), written in the transaction of the change
// that caused it and delivered by a worker: pending -> sending -> sent, or
// back to pending with a later next_attempt_at, or failed after the last
// attempt. A row left in `sending` by a node that died is claimable again
// once its lease (lease_until) ends.
namespace guiche::store {

extern const char* const kMigrationV005Outbox = R"SQL(
CREATE TABLE outbox (
  id {{id}},
  channel TEXT NOT NULL,
  template_key TEXT NOT NULL,
  ticket_id BIGINT REFERENCES tickets(id),
  recipient_id BIGINT REFERENCES people(id),
  recipient_name TEXT NOT NULL,
  recipient_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  message_id TEXT UNIQUE,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_ticket ON outbox(ticket_id);

CREATE TABLE message_templates (
  template_key TEXT NOT NULL,
  channel TEXT NOT NULL,
  locale TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES people(id),
  PRIMARY KEY (template_key, channel, locale)
);
)SQL";

}  // namespace guiche::store
