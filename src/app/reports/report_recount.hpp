#pragma once
// The background recount of the reports' roll-ups (migration v035 starts
// it): the tickets up to the highest id of that moment are counted afresh
// from their events, in bounded batches by id, each one write transaction
// that records its progress, like the SLA recompute (app/sla/sla_recompute.hpp).
// The ticket ledger counts every ticket it changes meanwhile (a share moves
// from what was counted to what is), so a ticket counted twice moves nothing
// the second time. Until it ends the reports say that their figures are
// still being counted.

#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "store/report_recount_rows.hpp"

namespace guiche::app {

class ReportRecount {
 public:
  // Tickets per batch: each one's events are read and its clock replayed.
  static constexpr int kBatch = 250;

  ReportRecount(DeskContext& context, TicketLedger& ledger) : ctx_(context), ledger_(ledger) {}

  // Counts the next batch, if any; true while more remain.
  bool run_batch(int limit = kBatch);

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
};

}  // namespace guiche::app
