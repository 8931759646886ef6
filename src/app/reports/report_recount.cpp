#include "app/reports/report_recount.hpp"

namespace guiche::app {

bool ReportRecount::run_batch(int limit) {
  // Most rounds find nothing to do: a read, not a write, tells.
  std::optional<store::ReportRecountJob> pending;
  ctx_.db.read([&](store::Connection& c) { pending = store::load_report_recount(c); });
  if (!pending || pending->finished_at) return false;
  bool more = false;
  ledger_.write([&](LedgerWrite& w) {
    auto& c = w.connection();
    more = false;
    auto job = store::load_report_recount(c, true);
    if (!job || job->finished_at) return;
    const auto ids = store::ticket_ids_between(c, job->cursor_id, job->last_id, limit);
    for (auto id : ids) {
      if (w.lock(id)) w.recount_report_share(id);
    }
    more = static_cast<int>(ids.size()) == limit;
    store::advance_report_recount(c, ids.empty() ? job->last_id : ids.back(),
                                  job->done + static_cast<std::int64_t>(ids.size()),
                                  more ? std::nullopt : std::optional<Instant>(w.now()));
  });
  return more;
}

}  // namespace guiche::app
