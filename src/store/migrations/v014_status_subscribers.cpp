// Version 14: the status page's subscribers (docs/domain.md, "Subscribers"):
// anyone subscribes an e-mail address to components (or to all of them) with
// double opt-in, and leaves with the one-click link every message carries.
//
// One row per address (lower-cased), whatever its history: pending (asked,
// not yet confirmed), confirmed, or unsubscribed. A request keeps what was
// chosen in pending_components ("all" or "1,5,9") until its link is followed;
// only then are the choices written to status_subscriber_components, so a
// broadcast reads confirmed subscriptions alone: the confirmed subscribers of
// "everything" from a partial index of them, those of a component from
// status_subscriber_components_component (unsubscribing deletes the rows).
// The confirmation token is kept as its SHA-256 (it is only ever compared);
// the unsubscribe token is kept as is, since every message must carry it.
//
// status_subscription_requests: each request's address and client IP, for
// the rate limit (app/incidents/subscription_limits.hpp); rows older than the
// longest window are deleted when the key is next counted.
namespace guiche::store {

extern const char* const kMigrationV014StatusSubscribers = R"SQL(
CREATE TABLE status_subscribers (
  id {{id}},
  address TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,
  all_components INTEGER NOT NULL DEFAULT 0,
  pending_components TEXT,
  confirm_token_hash TEXT,
  confirm_expires_at BIGINT,
  unsubscribe_token TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  requested_at BIGINT NOT NULL,
  confirmed_at BIGINT,
  unsubscribed_at BIGINT
);
CREATE UNIQUE INDEX status_subscribers_confirm_token ON status_subscribers(confirm_token_hash)
  WHERE confirm_token_hash IS NOT NULL;
CREATE INDEX status_subscribers_everything ON status_subscribers(id)
  WHERE state = 'confirmed' AND all_components = 1;
CREATE INDEX status_subscribers_pending ON status_subscribers(confirm_expires_at)
  WHERE state = 'pending';

CREATE TABLE status_subscriber_components (
  subscriber_id BIGINT NOT NULL REFERENCES status_subscribers(id),
  component_id BIGINT NOT NULL REFERENCES status_components(id),
  PRIMARY KEY (subscriber_id, component_id)
);
CREATE INDEX status_subscriber_components_component
  ON status_subscriber_components(component_id, subscriber_id);

CREATE TABLE status_subscription_requests (
  request_key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX status_subscription_requests_key ON status_subscription_requests(request_key, at);
CREATE INDEX status_subscription_requests_at ON status_subscription_requests(at);

ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT;
)SQL";

}  // namespace guiche::store
