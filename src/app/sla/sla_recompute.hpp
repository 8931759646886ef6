#pragma once
// The recompute of the cached SLA clocks (and with them the queues' sort
// keys) after the SLA configuration, a calendar or an organization's calendar
// changed. The change only (re)starts the job, in its own transaction
// (store/sla_recompute_rows.hpp); this advances it in bounded batches, each
// one write transaction that refreshes the next tickets by id and records the
// progress, so other writes interleave, a crash resumes from the cursor and
// several nodes may run it at once (the job row is locked by each batch).
// Tickets changed meanwhile get the new configuration from the ticket ledger.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "store/sla_recompute_job.hpp"

namespace guiche::app {

// (Re)starts the recompute from the first ticket, for `reason` (pt-BR, shown
// to admins) by `a`; call in the write transaction of the change itself.
void start_sla_recompute(store::Connection& c, const std::string& reason, const Actor& a,
                         Instant now);

class SlaRecompute {
 public:
  // Tickets per batch: a batch holds the writer for tens of milliseconds.
  static constexpr int kBatch = 250;

  SlaRecompute(DeskContext& context, TicketLedger& ledger) : ctx_(context), ledger_(ledger) {}

  // Refreshes the next batch of the pending job, if any, adding to
  // `refreshed` how many tickets it refreshed; true while more remain.
  bool run_batch(int limit = kBatch, std::int64_t* refreshed = nullptr);
  // Runs batches until no job is pending, calling `progress` after each;
  // returns how many tickets were refreshed.
  std::int64_t run_until_done(
      const std::function<void(const store::SlaRecomputeJob&)>& progress = {});
  // How far `job` is, 0..100.
  static int percent(const store::SlaRecomputeJob& job);
  // The job running or the last one finished (admins only).
  std::optional<store::SlaRecomputeJob> job(const Actor& a);

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
  // The last job generation this node saw: a new one may follow a calendar
  // change made on another node, whose resolved calendars this node reloads.
  std::atomic<std::int64_t> seen_generation_{0};
};

}  // namespace guiche::app
