// Version 8: live changes shared between server nodes. Each committed ticket
// change is also written here (in the same transaction), so every node's
// relay can tell the live pages of its own browsers about changes made
// through another node. Rows are short-lived: relays prune what is older
// than a few minutes, keeping the newest row so ids never go back (SQLite
// hands out max(id) + 1).
namespace guiche::store {

extern const char* const kMigrationV008LiveChanges = R"SQL(
CREATE TABLE live_changes (
  id {{id}},
  node TEXT NOT NULL,
  ticket_id BIGINT NOT NULL,
  protocol TEXT NOT NULL,
  requester_id BIGINT NOT NULL,
  organization_id BIGINT,
  unit_ids TEXT NOT NULL,
  is_public INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX live_changes_created ON live_changes(created_at);
)SQL";

}  // namespace guiche::store
