// Maintenance: the ticket rows, search entries and clock cache are
// projections of the event log (the equipment in custody too); this re-derives them all (the CLI's
// `admin rebuild-tickets`) and counts the rows that had drifted. The charter's
// roll-ups are then counted afresh from the rebuilt rows, so even a drift of
// their own is repaired.
#include "app/tickets/ticket_work.hpp"
#include "store/service_figure_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {

int TicketWork::rebuild_tickets() {
  std::vector<std::int64_t> ids;
  ctx_.db.read([&](store::Connection& c) { ids = store::all_ticket_ids(c); });
  int differing = 0;
  for (auto id : ids) {
    if (ledger_.rebuild(id)) ++differing;
  }
  ctx_.db.write([](store::Connection& c) { store::recount_service_figures(c); });
  return differing;
}

}  // namespace guiche::app
