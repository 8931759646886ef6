#include "sla/clock.hpp"

#include <algorithm>

#include "domain/error.hpp"
#include "domain/ticket_projection.hpp"
#include "sla/clock_time.hpp"

namespace guiche::sla {
namespace {

using std::chrono::milliseconds;

const std::optional<Instant> kNever;

// What happened to the ticket, read once from its events.
struct History {
  Ticket ticket;                                     // the fold: current classification and status
  std::vector<std::pair<Instant, Status>> statuses;  // each change, the first at creation
  std::optional<Instant> first_response;
  std::optional<Instant> last_resolution;  // of the last resolved → (closed) stretch
};

// First response: the first public reply or request for information by an
// agent (automatic acknowledgements and the requester's messages do not
// count). A resolution also answers the requester, so a ticket solved without
// any earlier reply has its first response at the resolution.
bool is_first_response(const TicketEvent& e) {
  if (e.kind == EventKind::resolved) return true;
  return e.kind == EventKind::public_reply && e.is_public && e.data.value("from_agent", false) &&
         !e.data.value("automatic", false);
}

History read_history(const std::vector<TicketEvent>& events) {
  History h;
  for (const auto& e : events) {
    apply_event(h.ticket, e);
    if (!h.first_response && is_first_response(e)) h.first_response = e.at;
    if (e.kind == EventKind::resolved) h.last_resolution = e.at;
    if (e.kind == EventKind::reopened) h.last_resolution.reset();
    if (h.statuses.empty() || h.statuses.back().second != h.ticket.status) {
      h.statuses.emplace_back(e.at, h.ticket.status);
    }
  }
  return h;
}

enum class Motion { run, pause, halt, end };

struct Segment {
  Instant from, until;
  Motion motion;
  std::string reason;
};

// How a status moves one target's clock under a policy.
Motion motion_of(Status s, const Policy& policy, Target target, std::string& reason) {
  switch (s) {
    case Status::pending_requester:
      reason = "Pausado: pendente com o solicitante";
      return Motion::pause;
    case Status::pending_third_party:
      if (!policy.pause_on_third_party) return Motion::run;
      reason = "Pausado: aguardando terceiro";
      return Motion::pause;
    case Status::resolved:
      // First response: the resolution answered already (is_first_response).
      reason = "Parado: resolvido até a reabertura";
      return target == Target::resolution ? Motion::halt : Motion::end;
    case Status::closed:
    case Status::cancelled:
      return Motion::end;
    default:
      return Motion::run;
  }
}

class Measure {
 public:
  Measure(const BusinessCalendar& calendar, DurationUnit unit)
      : calendar_(calendar), unit_(unit), elapsed_(unit == DurationUnit::calendar_hours) {}
  milliseconds between(Instant from, Instant until) const {
    return clock_time_between(calendar_, unit_, from, until);
  }
  Instant advance(Instant from, milliseconds amount) const {
    if (amount <= milliseconds{0}) return from;
    return elapsed_ ? from + amount : add_working_time(calendar_, from, amount);
  }
  bool elapsed() const { return elapsed_; }

 private:
  const BusinessCalendar& calendar_;
  DurationUnit unit_;
  bool elapsed_;
};

milliseconds budget_of(const BusinessCalendar& calendar, Instant start, Duration d) {
  switch (d.unit) {
    case DurationUnit::business_hours:
      return std::chrono::hours{d.amount};
    case DurationUnit::calendar_hours:
      return std::chrono::hours{d.amount};
    case DurationUnit::business_days:
      return working_time_between(calendar, start, deadline(calendar, start, d));
  }
  return milliseconds{0};
}

// The instant at which `amount` of clock time has run over `spans`, the last
// of which may continue past its end when `open` (the clock still runs).
std::optional<Instant> when_consumed(const Measure& m, const std::vector<Span>& spans,
                                     const std::vector<milliseconds>& lengths, milliseconds amount,
                                     bool open) {
  milliseconds consumed{0};
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (consumed + lengths[i] >= amount) return m.advance(spans[i].from, amount - consumed);
    consumed += lengths[i];
  }
  if (open && !spans.empty()) return m.advance(spans.back().until, amount - consumed);
  return std::nullopt;
}

void explain(TargetClock& clock, const BusinessCalendar& calendar, const Measure& m,
             Instant reference) {
  if (m.elapsed()) return;  // calendar hours: plain elapsed time, nothing skipped
  for (const auto& s : clock.running) {
    auto e = explain_working_time_between(calendar, s.from, s.until);
    clock.counted.insert(clock.counted.end(), e.counted.begin(), e.counted.end());
  }
  // Closed days over the whole life of the clock, pauses and the stretch
  // still ahead of a running clock included: each one moved its deadline or
  // would have.
  clock.closed_days =
      explain_working_time_between(calendar, clock.started, std::max(reference, clock.deadline))
          .closed_days;
}

TargetClock run_target(Target target, const History& h, const Policy& policy,
                       const BusinessCalendar& calendar, const ClockContext& ctx) {
  TargetClock clock;
  clock.target = target;
  clock.duration = target == Target::first_response ? policy.first_response : policy.resolution;
  clock.started = h.ticket.created_at;
  clock.budget = budget_of(calendar, clock.started, clock.duration);
  const Measure m(calendar, clock.duration.unit);

  // The target's own event ends the clock: the first response, or the
  // resolution (which a reopen undoes).
  const bool resolved = h.ticket.status == Status::resolved || h.ticket.status == Status::closed;
  const std::optional<Instant>& done = target == Target::first_response ? h.first_response
                                       : resolved                       ? h.last_resolution
                                                                        : kNever;
  const Instant horizon = done ? std::min(*done, ctx.now) : ctx.now;
  std::optional<Instant> ended;  // closed or cancelled without the target's event
  Motion current = Motion::run;
  for (std::size_t i = 0; i < h.statuses.size() && !ended; ++i) {
    const Instant from = h.statuses[i].first;
    // A status taken exactly now still decides whether the clock runs; after
    // the target's own event nothing does.
    if (i > 0 && (from > horizon || (done && from >= *done))) break;
    const Instant until =
        i + 1 < h.statuses.size() ? std::min(h.statuses[i + 1].first, horizon) : horizon;
    std::string reason;
    current = motion_of(h.statuses[i].second, policy, target, reason);
    // Only a merge is ever undone out of a final status (app/tickets/ticket_merge.hpp):
    // the clock then stood still while the ticket was merged away.
    if (current == Motion::end && i + 1 < h.statuses.size()) {
      current = Motion::halt;
      reason = "Parado: unido a outro chamado até a união ser desfeita";
    }
    if (current == Motion::end) {
      ended = from;
      break;
    }
    if (current == Motion::run) {
      if (!clock.running.empty() && clock.running.back().until == from) {
        clock.running.back().until = std::max(from, until);
      } else {
        clock.running.push_back({from, std::max(from, until)});
      }
    } else if (current == Motion::pause || i + 1 < h.statuses.size()) {
      // A halt is listed once a reopen ends it; the final one is the stop.
      bool still = i + 1 >= h.statuses.size();
      clock.pauses.push_back(
          {from, still ? std::nullopt : std::optional<Instant>(until), std::move(reason)});
    }
  }

  std::vector<milliseconds> lengths;
  lengths.reserve(clock.running.size());
  for (const auto& s : clock.running) {
    lengths.push_back(m.between(s.from, s.until));
    clock.elapsed += lengths.back();
  }
  clock.remaining = clock.budget - clock.elapsed;
  const bool open = !done && !ended && current == Motion::run;
  if (done) {
    clock.stopped_at = *done;
  } else if (ended) {
    clock.stopped_at = *ended;
  }
  const Instant reference = clock.stopped_at.value_or(ctx.now);
  auto at_budget = when_consumed(m, clock.running, lengths, clock.budget, open);
  clock.deadline = at_budget ? *at_budget : m.advance(reference, clock.remaining);
  if (clock.budget == milliseconds{0}) clock.deadline = clock.started;
  // An open clock is breached once its budget is used up (the breach event
  // fires then); a stopped one if it stopped after the deadline.
  clock.breached = clock.stopped_at ? reference > clock.deadline : reference >= clock.deadline;

  if (done) {
    clock.state = clock.breached ? ClockState::breached : ClockState::met;
  } else if (ended) {
    clock.state = ClockState::stopped;
  } else if (current == Motion::run) {
    clock.state = ClockState::running;
  } else {
    clock.state = current == Motion::halt ? ClockState::stopped : ClockState::paused;
  }
  // Warnings fire only for a target still open: a running clock's instants,
  // and those a paused one reached before it paused.
  if (clock.state == ClockState::running || clock.state == ClockState::paused) {
    const auto threshold = milliseconds{static_cast<std::int64_t>(
        static_cast<double>(clock.budget.count()) * ctx.config->warning_fraction)};
    clock.warning_at = when_consumed(m, clock.running, lengths, threshold, open);
    clock.breach_at = at_budget;
  }
  if (ctx.explain) explain(clock, calendar, m, reference);
  return clock;
}

}  // namespace

std::string clock_state_code(ClockState s) {
  switch (s) {
    case ClockState::running:
      return "running";
    case ClockState::paused:
      return "paused";
    case ClockState::stopped:
      return "stopped";
    case ClockState::met:
      return "met";
    case ClockState::breached:
      return "breached";
  }
  return "running";
}

bool affects_sla_clock(EventKind kind) {
  switch (kind) {
    case EventKind::internal_note:
    case EventKind::attachment_added:
    case EventKind::attachment_held:
    case EventKind::attachment_released:
    case EventKind::time_logged:
    case EventKind::evaluated:
    case EventKind::linked:
    case EventKind::sla_warning:
    case EventKind::notice_linked:
    case EventKind::notice_unlinked:
    case EventKind::equipment_entered:
    case EventKind::equipment_maintained:
    case EventKind::equipment_returned:
    case EventKind::merge_received:
    case EventKind::macro_applied:  // its steps are events of their own
      return false;
    default:
      return true;
  }
}

SlaTimeline compute_timeline(const std::vector<TicketEvent>& events, const ClockContext& ctx) {
  SlaTimeline t;
  t.warning_fraction = ctx.config->warning_fraction;
  if (events.empty()) return t;
  const History h = read_history(events);
  if (category_is_project(h.ticket.category)) {
    t.not_applied = "Projeto: sem relógio de ANS; vale o prazo acordado";
    t.not_applied += h.ticket.agreed_deadline ? "." : " (a combinar).";
    return t;
  }
  const auto [service_code, service_policy] = ctx.service(h.ticket.service_id);
  const Selection s = select_policy(*ctx.config, service_code, service_policy, h.ticket.category,
                                    h.ticket.impact, h.ticket.urgency);
  if (!s.policy) {
    t.not_applied = "Nenhuma política de ANS se aplica a este chamado.";
    return t;
  }
  t.applies = true;
  t.policy = s.policy->code;
  t.policy_label = s.policy->label;
  t.severity = s.severity;
  t.priority = s.priority;
  t.reason = s.reason;
  t.calendar =
      s.policy->calendar == CalendarChoice::organization && !ctx.organization_calendar.empty()
          ? ctx.organization_calendar
          : ctx.desk_calendar;
  if (s.policy->calendar == CalendarChoice::organization) {
    t.reason += ctx.organization_calendar.empty()
                    ? " Calendário da central (solicitante sem órgão)."
                    : " Calendário do órgão solicitante.";
  }
  auto calendar = ctx.calendar(t.calendar);
  if (!calendar) throw invalid_field("calendar", "Calendário desconhecido: " + t.calendar + ".");
  for (Target target : {Target::first_response, Target::resolution}) {
    t.targets.push_back(run_target(target, h, *s.policy, *calendar, ctx));
  }
  return t;
}

}  // namespace guiche::sla
