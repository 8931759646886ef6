#include "app/ledger/report_share.hpp"

#include "domain/report_day.hpp"

namespace guiche::app {
namespace {

const sla::TargetClock* report_target(const sla::SlaTimeline& timeline, sla::Target target) {
  if (!timeline.applies) return nullptr;
  for (const auto& clock : timeline.targets) {
    if (clock.target == target) return &clock;
  }
  return nullptr;
}

bool clock_done(const sla::TargetClock& clock) {
  return clock.state == sla::ClockState::met || clock.state == sla::ClockState::breached;
}

}  // namespace

store::TicketReportShare with_ticket_fields(store::TicketReportShare s, const Ticket& t) {
  s.organization_id = t.organization_id.value_or(0);
  s.unit_id = t.unit_id.value_or(0);
  s.service_id = t.service_id;
  s.channel = std::string(channel_code(t.channel));
  s.category = std::string(category_code(t.category));
  s.registered_day = report_day(t.created_at);
  const bool resolved =
      t.resolved_at && (t.status == Status::resolved || t.status == Status::closed);
  const bool ended = t.status == Status::closed || t.status == Status::cancelled;
  s.open = !resolved && !ended;
  s.resolved = resolved;
  s.reopened = resolved && t.reopen_count > 0;
  s.ended_day.reset();
  if (resolved) {
    s.ended_day = report_day(*t.resolved_at);
  } else if (ended && t.closed_at) {
    s.ended_day = report_day(*t.closed_at);
  }
  if (!resolved) s.resolution_ms.reset();
  return s;
}

store::TicketReportShare report_share_of(const Ticket& t, const sla::SlaTimeline& timeline) {
  store::TicketReportShare s;
  s.severity = timeline.applies ? timeline.severity : "";
  if (const auto* r = report_target(timeline, sla::Target::resolution)) {
    if (r->state == sla::ClockState::met && r->stopped_at) {
      s.due_day = report_day(*r->stopped_at);
      s.met = true;
    } else if (r->breached && r->state != sla::ClockState::stopped) {
      // Resolved late, or open past its deadline (running, or paused after it).
      s.due_day = report_day(r->deadline);
      s.breached = true;
      s.deadline = r->deadline;
    } else if (r->state == sla::ClockState::running) {
      s.due_day = report_day(r->deadline);
    }
    if (clock_done(*r)) s.resolution_ms = r->elapsed.count();
  }
  if (const auto* f = report_target(timeline, sla::Target::first_response)) {
    if (clock_done(*f) && f->stopped_at) {
      s.first_response_day = report_day(*f->stopped_at);
      s.first_response_ms = f->elapsed.count();
    }
  }
  return with_ticket_fields(std::move(s), t);
}

}  // namespace guiche::app
