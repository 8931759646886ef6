#include "app/sla/sla_clocks.hpp"

#include "store/organization_rows.hpp"
#include "store/service_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

std::optional<Instant> earliest(std::optional<Instant> a, std::optional<Instant> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

}  // namespace

// What has been recorded already: the events themselves are the record, so
// the decision holds with several nodes (it is taken under the ticket's lock).
FiredWarnings fired_warnings(const std::vector<TicketEvent>& events) {
  FiredWarnings fired;
  for (const auto& e : events) {
    if (e.kind != EventKind::sla_warning) continue;
    fired.emplace(e.data.value("target", ""), e.data.value("level", ""));
  }
  return fired;
}

sla::SlaConfiguration SlaClocks::configuration(store::Connection& c) const {
  auto stored = store::load_sla_configuration(c);
  if (!stored) return sla::default_configuration();
  return *ctx_.sla_configurations.parsed(*stored);
}

sla::SlaTimeline SlaClocks::timeline(store::Connection& c, const sla::SlaConfiguration& config,
                                     const std::vector<TicketEvent>& events, Instant now,
                                     bool explain, KnownRows known) const {
  sla::ClockContext clock;
  clock.config = &config;
  clock.service = [&c, known](std::int64_t service_id) {
    if (known.service && known.service->id == service_id) {
      return std::pair{known.service->code, known.service->sla_policy};
    }
    auto s = store::load_service(c, service_id);
    return s ? std::pair{s->code, s->sla_policy} : std::pair<std::string, std::string>{};
  };
  clock.desk_calendar = ctx_.config.calendar;
  if (!events.empty() && events.front().kind == EventKind::created) {
    const auto& d = events.front().data;
    if (d.contains("organization_id") && !d["organization_id"].is_null()) {
      const auto id = d["organization_id"].get<std::int64_t>();
      const bool is_known =
          known.organization && *known.organization && (*known.organization)->id == id;
      auto o = is_known ? *known.organization : store::load_organization(c, id);
      if (o) clock.organization_calendar = o->calendar;
    }
  }
  clock.calendar = [this](const std::string& name) { return ctx_.calendars.find(name); };
  clock.now = now;
  clock.explain = explain;
  return sla::compute_timeline(events, clock);
}

sla::SlaTimeline SlaClocks::timeline_of(store::Connection& c, std::int64_t ticket_id, Instant now,
                                        bool explain) const {
  return timeline(c, configuration(c), store::load_events(c, ticket_id), now, explain);
}

std::vector<store::TicketSlaRow> SlaClocks::cache_rows(const sla::SlaTimeline& timeline,
                                                       const std::vector<TicketEvent>& events) {
  const FiredWarnings fired = fired_warnings(events);
  std::vector<store::TicketSlaRow> rows;
  for (const auto& clock : timeline.targets) {
    store::TicketSlaRow row;
    row.target = sla::target_code(clock.target);
    row.policy = timeline.policy;
    row.state = sla::clock_state_code(clock.state);
    row.deadline = clock.deadline;
    row.breached = clock.breached;
    row.calendar = timeline.calendar;
    row.unit = sla::unit_code(clock.duration.unit);
    if (!fired.contains({row.target, "warning"})) row.next_check_at = clock.warning_at;
    if (!fired.contains({row.target, "breach"})) {
      row.next_check_at = earliest(row.next_check_at, clock.breach_at);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace guiche::app
