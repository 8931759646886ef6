// Version 10: the cached SLA clock keeps the calendar it runs on and the unit
// of its target, so a queue tells the time left on the ticket's own clock (a
// ticket may run on its organization's calendar, or in calendar hours)
// without recomputing the timeline. Rows cached before this version have an
// empty calendar: they are read by recomputing the clock until the ticket's
// next change caches it anew (app/tickets/ticket_reads.cpp).
namespace guiche::store {

extern const char* const kMigrationV010ClockCalendar = R"SQL(
ALTER TABLE ticket_sla ADD COLUMN calendar TEXT NOT NULL DEFAULT '';
ALTER TABLE ticket_sla ADD COLUMN unit TEXT NOT NULL DEFAULT '';
)SQL";

}  // namespace guiche::store
