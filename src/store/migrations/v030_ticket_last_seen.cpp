// Version 30: when each agent last opened each ticket's page, so the queue
// marks the tickets whose requester wrote since (issue 19: "a mark on tickets
// where the requester replied since the agent last looked"). One row per
// (agent, ticket), overwritten at each look; ids and an instant only. Read by
// the queue for the page's tickets of one agent: the primary key serves it.
namespace guiche::store {

extern const char* const kMigrationV030TicketLastSeen = R"SQL(
CREATE TABLE ticket_last_seen (
  person_id BIGINT NOT NULL REFERENCES people(id),
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (person_id, ticket_id)
);
)SQL";

}  // namespace guiche::store
