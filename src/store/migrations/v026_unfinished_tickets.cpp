// Version 26: the unfinished tickets (not closed or cancelled) by id, a
// partial index. The SLA recompute (v024) counts them when it starts and walks
// them in batches by id; through the primary key a batch read every finished
// ticket between two open ones, and at a million tickets, most of them closed
// long ago, the first batch alone read some 900,000 rows inside the write
// transaction. The index holds only the tickets the recompute refreshes.
namespace guiche::store {

extern const char* const kMigrationV026UnfinishedTickets = R"SQL(
CREATE INDEX tickets_unfinished ON tickets(id) WHERE status NOT IN ('closed', 'cancelled');
)SQL";

}  // namespace guiche::store
