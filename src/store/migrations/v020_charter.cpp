// Version 20: the public Carta de Serviços (docs/domain.md, "Public face").
// charter_header is the unit's own part of the charter (quem somos, contacts,
// address), one row an admin edits. tickets_service_created lets the
// charter's measured figures of one service over the last 12 months read a
// range of one index (store/charter_rows.cpp) instead of every ticket; it
// carries the columns those figures read, so the ticket rows are not visited.
namespace guiche::store {

extern const char* const kMigrationV020Charter = R"SQL(
CREATE TABLE charter_header (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  unit_name TEXT NOT NULL,
  who_we_are TEXT NOT NULL,
  contacts TEXT NOT NULL,
  address TEXT NOT NULL,
  website TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES people(id)
);
CREATE INDEX tickets_service_created ON tickets(service_id, created_at, resolved_at, rating, id);
)SQL";

}  // namespace guiche::store
