// Use cases of the SLA clock (issue 4, items 3–6): the configuration, each
// ticket's explained timeline, the cache that queues sort by, and the
// warnings housekeeping records.
#include <set>

#include "app/access_policy.hpp"
#include "app/calendar_book.hpp"
#include "app/desk.hpp"
#include "domain/error.hpp"
#include "domain/ticket_projection.hpp"
#include "store/directory_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

using Fired = std::set<std::pair<std::string, std::string>>;  // (target, level)

// What has been recorded already: the events themselves are the record, so
// the decision holds with several nodes (it is taken under the ticket's lock).
Fired fired_warnings(const std::vector<TicketEvent>& events) {
  Fired fired;
  for (const auto& e : events) {
    if (e.kind != EventKind::sla_warning) continue;
    fired.emplace(e.data.value("target", ""), e.data.value("level", ""));
  }
  return fired;
}

std::optional<Instant> earliest(std::optional<Instant> a, std::optional<Instant> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

}  // namespace

sla::SlaConfiguration Desk::sla_config(store::Connection& c) const {
  auto stored = store::load_sla_configuration(c);
  if (!stored) return sla::default_configuration();
  return sla::configuration_from_json(nlohmann::json::parse(*stored));
}

sla::SlaTimeline Desk::sla_timeline(store::Connection& c, const sla::SlaConfiguration& config,
                                    const std::vector<TicketEvent>& events, Instant now,
                                    bool explain) {
  sla::ClockContext ctx;
  ctx.config = &config;
  ctx.service = [&c](std::int64_t service_id) {
    auto s = store::load_service(c, service_id);
    return s ? std::pair{s->code, s->sla_policy} : std::pair<std::string, std::string>{};
  };
  ctx.desk_calendar = config_.calendar;
  if (!events.empty() && events.front().kind == EventKind::created) {
    const auto& d = events.front().data;
    if (d.contains("organization_id") && !d["organization_id"].is_null()) {
      auto o = store::load_organization(c, d["organization_id"].get<std::int64_t>());
      if (o) ctx.organization_calendar = o->calendar;
    }
  }
  ctx.calendar = [this](const std::string& name) { return calendars_->find(name); };
  ctx.now = now;
  ctx.explain = explain;
  return sla::compute_timeline(events, ctx);
}

void Desk::cache_sla(store::Connection& c, std::int64_t ticket_id, const sla::SlaTimeline& timeline,
                     const std::vector<TicketEvent>& events) {
  const Fired fired = fired_warnings(events);
  std::vector<store::TicketSlaRow> rows;
  for (const auto& clock : timeline.targets) {
    store::TicketSlaRow row;
    row.target = sla::target_code(clock.target);
    row.policy = timeline.policy;
    row.state = sla::clock_state_code(clock.state);
    row.deadline = clock.deadline;
    row.breached = clock.breached;
    if (!fired.contains({row.target, "warning"})) row.next_check_at = clock.warning_at;
    if (!fired.contains({row.target, "breach"})) {
      row.next_check_at = earliest(row.next_check_at, clock.breach_at);
    }
    rows.push_back(std::move(row));
  }
  store::replace_ticket_sla(c, ticket_id, rows);
}

void Desk::refresh_sla(store::Connection& c, std::int64_t ticket_id, Instant now) {
  const auto events = store::load_events(c, ticket_id);
  cache_sla(c, ticket_id, sla_timeline(c, sla_config(c), events, now, false), events);
}

sla::SlaTimeline Desk::ticket_sla(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  const Instant now = clock_.now();
  std::optional<sla::SlaTimeline> timeline;
  db_.read([&](store::Connection& c) {
    if (!visible_ticket(c, a, ticket_id)) return;
    timeline = sla_timeline(c, sla_config(c), store::load_events(c, ticket_id), now, true);
  });
  if (!timeline) throw not_found("Chamado não encontrado.");
  return *timeline;
}

std::vector<store::TicketSlaRow> Desk::ticket_sla_summary(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  std::optional<std::vector<store::TicketSlaRow>> rows;
  db_.read([&](store::Connection& c) {
    if (visible_ticket(c, a, ticket_id)) rows = store::load_ticket_sla(c, ticket_id);
  });
  if (!rows) throw not_found("Chamado não encontrado.");
  return *rows;
}

sla::SlaConfiguration Desk::sla_configuration(const Actor& a) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe consulta a configuração de ANS.");
  sla::SlaConfiguration config;
  db_.read([&](store::Connection& c) { config = sla_config(c); });
  return config;
}

sla::SlaConfiguration Desk::update_sla_configuration(const Actor& a,
                                                     const nlohmann::json& document) {
  require_active(a);
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente administradores alteram a configuração de ANS.");
  }
  // Validated before anything is written; what is stored is the normalized form.
  const sla::SlaConfiguration config = sla::configuration_from_json(document);
  const Instant now = clock_.now();
  db_.write([&](store::Connection& c) {
    store::save_sla_configuration(c, sla::to_json(config).dump(), now, a.id());
  });
  recompute_sla_clocks();
  return config;
}

int Desk::recompute_sla_clocks() {
  const Instant now = clock_.now();
  std::vector<std::int64_t> ids;
  db_.read([&](store::Connection& c) { ids = store::unfinished_ticket_ids(c); });
  for (auto id : ids) {
    db_.write([&](store::Connection& c) {
      if (store::load_ticket(c, id, true)) refresh_sla(c, id, now);
    });
  }
  return static_cast<int>(ids.size());
}

int Desk::record_sla_warnings() {
  const Instant now = clock_.now();
  int recorded = 0;
  // In batches, so a long backlog (a node down for days) does not hold one
  // huge transaction; each ticket is decided under its own lock.
  for (;;) {
    std::vector<std::int64_t> due;
    db_.read([&](store::Connection& c) { due = store::tickets_with_sla_due(c, now, 100); });
    int this_round = 0;
    for (auto id : due) {
      int fired_now = 0;
      write_tickets([&](store::Connection& c) {
        fired_now = 0;
        auto ticket = store::load_ticket(c, id, true);
        if (!ticket) return;
        const auto events = store::load_events(c, id);
        const auto timeline = sla_timeline(c, sla_config(c), events, now, false);
        const Fired fired = fired_warnings(events);
        std::vector<Draft> drafts;
        for (const auto& clock : timeline.targets) {
          const std::string target = sla::target_code(clock.target);
          for (auto [level, at] :
               {std::pair{"warning", clock.warning_at}, std::pair{"breach", clock.breach_at}}) {
            if (!at || *at > now || fired.contains({target, level})) continue;
            drafts.push_back({EventKind::sla_warning,
                              {{"target", target},
                               {"level", level},
                               {"policy", timeline.policy},
                               {"due_at", to_millis(*at)},
                               {"deadline", to_millis(clock.deadline)}},
                              false});
          }
        }
        const Actor system{Person{}, ticket->channel};
        fired_now = static_cast<int>(drafts.size());
        if (!drafts.empty()) record(c, *ticket, std::move(drafts), system, now);
        // The cache learns what was fired (or that nothing is due after all).
        refresh_sla(c, id, now);
      });
      recorded += fired_now;
      this_round += fired_now;
    }
    if (due.size() < 100 || this_round == 0) break;
  }
  return recorded;
}

}  // namespace guiche::app
