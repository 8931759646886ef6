// Maintenance: the ticket rows, search entries and clock cache are
// projections of the event log (the equipment in custody too); this re-derives them all (the CLI's
// `admin rebuild-tickets`) and counts the rows that had drifted.
#include "app/tickets/ticket_work.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {

int TicketWork::rebuild_tickets() {
  std::vector<std::int64_t> ids;
  ctx_.db.read([&](store::Connection& c) { ids = store::all_ticket_ids(c); });
  int differing = 0;
  for (auto id : ids) {
    if (ledger_.rebuild(id)) ++differing;
  }
  return differing;
}

}  // namespace guiche::app
