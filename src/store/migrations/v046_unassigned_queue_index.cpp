// Version 46: the workspace's "sem responsável" queue (open tickets with no
// assignee, by deadline) from an index in its own order, on PostgreSQL (issue
// 21, item 1). Its planner does not take `assignee_id IS NULL` as an equality,
// so tickets_assignee_open_due (v012) gave it the rows but not their order: it
// read every unassigned open ticket and sorted them, 25 ms at 1,000,000
// tickets (bench/desk_scale.cpp). SQLite's planner walks
// tickets_assignee_open_due in order already, so its script is empty.
namespace guiche::store {

extern const char* const kMigrationV046UnassignedQueueIndexPostgres = R"SQL(
CREATE INDEX tickets_unassigned_open_due ON tickets(open_due, id)
  WHERE open_due IS NOT NULL AND assignee_id IS NULL;
)SQL";

}  // namespace guiche::store
