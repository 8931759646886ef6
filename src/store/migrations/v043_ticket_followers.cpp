// Version 43: who follows a ticket besides its requester and assignee
// (issue 19, items 3 and 5; app/tickets/ticket_followers.hpp).
// - ticket_followers: an agent watching a ticket (kind 'watcher', via 0), and
//   the requester of a duplicate merged into it (kind 'requester', via the
//   duplicate), told of its public news on the duplicate's channel. The index
//   by person lists what one person follows ("Seguindo") without the tickets.
// - agent_notifications: what the workspace shows an agent (a mention of
//   their @login, news of a ticket they watch), by ids only: the text is the
//   event's, read when shown; a page by (person, id); the unread ones by the
//   partial index (person, ticket), which counts them and answers "has this
//   ticket unread ones?" when the ticket's page opens, however many are unread
//   (bench/following_scale.py). Versions 41 and 42 are other changes'.
namespace guiche::store {

extern const char* const kMigrationV043TicketFollowers = R"SQL(
CREATE TABLE ticket_followers (
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  kind TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id),
  via_ticket_id BIGINT NOT NULL DEFAULT 0,
  channel TEXT NOT NULL DEFAULT '',
  since BIGINT NOT NULL,
  PRIMARY KEY (ticket_id, kind, person_id, via_ticket_id)
);
CREATE INDEX ticket_followers_person ON ticket_followers (person_id, kind, ticket_id);
CREATE TABLE agent_notifications (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  kind TEXT NOT NULL,
  event_seq BIGINT NOT NULL,
  actor_id BIGINT,
  at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX agent_notifications_person ON agent_notifications (person_id, id);
CREATE INDEX agent_notifications_unread ON agent_notifications (person_id, ticket_id)
  WHERE read_at IS NULL;
)SQL";

}  // namespace guiche::store
