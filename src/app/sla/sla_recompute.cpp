// See sla_recompute.hpp.
#include "app/sla/sla_recompute.hpp"

#include <algorithm>

#include "app/access_policy.hpp"
#include "domain/error.hpp"
#include "store/sla_recompute_rows.hpp"

namespace guiche::app {

void start_sla_recompute(store::Connection& c, const std::string& reason, const Actor& a,
                         Instant now) {
  // The system and the command line act as no stored person.
  store::restart_sla_recompute(c, reason, a.id() > 0 ? std::optional(a.id()) : std::nullopt, now);
}

bool SlaRecompute::run_batch(int limit, std::int64_t* refreshed) {
  // Most rounds find nothing to do: a read, not a write, tells.
  std::optional<store::SlaRecomputeJob> pending;
  ctx_.db.read([&](store::Connection& c) { pending = store::load_sla_recompute(c); });
  if (!pending || pending->finished_at) return false;
  bool more = false;
  std::int64_t count = 0;
  ledger_.write([&](LedgerWrite& w) {
    auto& c = w.connection();
    more = false;
    count = 0;
    // Locked to the commit: two nodes never record the same batch twice.
    auto job = store::load_sla_recompute(c, true);
    if (!job || job->finished_at) return;
    if (job->generation != seen_generation_.exchange(job->generation)) ctx_.calendars.invalidate();
    const auto ids = store::unfinished_ticket_ids_between(c, job->cursor_id, job->last_id, limit);
    for (auto id : ids) {
      if (w.lock(id)) w.refresh_clock(id);
    }
    more = static_cast<int>(ids.size()) == limit;
    count = static_cast<std::int64_t>(ids.size());
    store::advance_sla_recompute(c, ids.empty() ? job->last_id : ids.back(),
                                 job->done + static_cast<std::int64_t>(ids.size()),
                                 more ? std::nullopt : std::optional<Instant>(w.now()));
  });
  if (refreshed) *refreshed += count;
  return more;
}

std::int64_t SlaRecompute::run_until_done(
    const std::function<void(const store::SlaRecomputeJob&)>& progress) {
  std::int64_t refreshed = 0;
  for (;;) {
    const bool more = run_batch(kBatch, &refreshed);
    std::optional<store::SlaRecomputeJob> job;
    ctx_.db.read([&](store::Connection& c) { job = store::load_sla_recompute(c); });
    if (job && progress) progress(*job);
    // Not finished without more: restarted meanwhile, from the beginning.
    if (!more && (!job || job->finished_at)) return refreshed;
  }
}

int SlaRecompute::percent(const store::SlaRecomputeJob& job) {
  if (job.finished_at) return 100;
  if (job.total <= 0) return 0;
  return static_cast<int>(std::min<std::int64_t>(100, job.done * 100 / job.total));
}

std::optional<store::SlaRecomputeJob> SlaRecompute::job(const Actor& a) {
  require_active(a);
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente administradores acompanham o recálculo dos prazos.");
  }
  std::optional<store::SlaRecomputeJob> out;
  ctx_.db.read([&](store::Connection& c) { out = store::load_sla_recompute(c); });
  return out;
}

}  // namespace guiche::app
