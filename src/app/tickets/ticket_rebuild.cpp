// Maintenance: the ticket rows, search entries and clock cache are
// projections of the event log (the equipment in custody too); this
// re-derives them all (the CLI's `admin rebuild-tickets`) and counts the rows
// that had drifted. In batches by id, one write transaction each, so other
// writes interleave and the work is bounded per transaction. The charter's
// roll-ups are then counted afresh from the rebuilt rows, so even a drift of
// their own is repaired.
#include "app/tickets/ticket_work.hpp"
#include "store/rating_rollup_rows.hpp"
#include "store/report_recount_rows.hpp"
#include "store/report_rollup_rows.hpp"
#include "store/service_figure_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/time_rollup_rows.hpp"

namespace guiche::app {

TicketWork::RebuildProgress TicketWork::rebuild_tickets(
    const std::function<void(const RebuildProgress&)>& progress, int batch) {
  RebuildProgress p;
  ctx_.db.read([&](store::Connection& c) { p.total = store::count_tickets(c); });
  // The reports' roll-ups (the satisfaction report's and the logged time's
  // too: app/ledger/rating_share.hpp, time_share.hpp) are counted again ticket by ticket as each is
  // rebuilt (a change meanwhile to a ticket not yet rebuilt adds its share, which the rebuild then
  // moves); the background recount, if one is pending (app/reports/report_recount.hpp), is left
  // nothing to do.
  ctx_.db.write([&](store::Connection& c) {
    store::clear_report_rollups(c);
    store::clear_rating_rollups(c);
    store::clear_time_rollups(c);
    if (auto job = store::load_report_recount(c, true); job && !job->finished_at) {
      store::advance_report_recount(c, job->last_id, job->total, ctx_.now());
    }
  });
  std::int64_t after = 0;
  for (;;) {
    std::vector<std::int64_t> ids;
    ctx_.db.read([&](store::Connection& c) { ids = store::ticket_ids_after(c, after, batch); });
    if (ids.empty()) break;
    p.differing += ledger_.rebuild(ids);
    p.done += static_cast<std::int64_t>(ids.size());
    after = ids.back();
    if (progress) progress(p);
  }
  ctx_.db.write([](store::Connection& c) { store::recount_service_figures(c); });
  return p;
}

}  // namespace guiche::app
