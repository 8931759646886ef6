// Version 9: outbound webhooks (README.md, "Outbound webhooks"). A
// subscription is an admin's receiver URL, its signing secret and the event
// kinds it wants; each delivery is an outbox row of channel 'webhook' naming
// its subscription (webhook_id), so it shares the outbox's claim, lease,
// backoff and admin retry. The receiver's last HTTP status is kept for the
// delivery log.
//
// Indexes: each transport's worker claims only its channel's due rows
// (outbox_channel_due); a webhook delivery waits while an earlier one for the
// same subscription and ticket is unsent, which outbox_webhook_unsent answers
// without reading what was already sent; the per-subscription log reads
// outbox_webhook_log newest first.
namespace guiche::store {

extern const char* const kMigrationV009Webhooks = R"SQL(
CREATE TABLE webhook_subscriptions (
  id {{id}},
  description TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  events TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  disabled_reason TEXT,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES people(id),
  updated_at BIGINT NOT NULL
);

ALTER TABLE outbox ADD COLUMN webhook_id BIGINT REFERENCES webhook_subscriptions(id);
ALTER TABLE outbox ADD COLUMN response_code INTEGER;
CREATE INDEX outbox_channel_due ON outbox(channel, status, next_attempt_at);
CREATE INDEX outbox_webhook_log ON outbox(webhook_id, id);
CREATE INDEX outbox_webhook_unsent ON outbox(webhook_id, ticket_id, id)
  WHERE status IN ('pending', 'sending');
)SQL";

}  // namespace guiche::store
