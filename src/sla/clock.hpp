#pragma once
// The SLA clock of a ticket (docs/domain.md, "SLA clocks"): a pure
// function of the ticket's events, the configuration, the calendars and "now".
// Nothing about it is stored as truth: it is recomputed from history whenever
// anything relevant changes, so a pause is never lost when the policy, the
// priority or the calendar changes mid-way.
//
// Model. Each target (first response, resolution) has a budget of "clock
// time": working time for business units, elapsed time for calendar hours.
// A business-days target of N days becomes the working time from the start to
// deadline(start, N days) — so without pauses the deadline is exactly the Lei
// 9.784 one, and each pause moves it by the working time spent paused. The
// clock consumes its budget only while it runs; the deadline is the instant
// the budget runs out. The policy in force now (the ticket's current service,
// category and priority) sets the budget; the elapsed time comes from history
// alone, so a change of priority or service recomputes the targets, never the
// elapsed time.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket_event.hpp"
#include "sla/durations.hpp"
#include "sla/policy.hpp"

namespace guiche::sla {

enum class ClockState {
  running,
  paused,   // pending_requester, or pending_third_party where the policy says so
  stopped,  // resolved awaiting a possible reopen, or ended without the target's event
  met,      // the target's event happened by the deadline
  breached  // the target's event happened after the deadline
};
std::string clock_state_code(ClockState s);

struct Span {
  Instant from;
  Instant until;
};

struct ClockPause {
  Instant from;
  std::optional<Instant> until;  // none while still paused
  std::string reason;            // pt-BR: "Pausado: pendente com o solicitante"
};

struct TargetClock {
  Target target = Target::resolution;
  Duration duration;
  Instant started{};
  std::chrono::milliseconds budget{0};     // the target as clock time
  std::chrono::milliseconds elapsed{0};    // consumed up to the stop, or up to now
  std::chrono::milliseconds remaining{0};  // budget − elapsed; negative once overdue
  ClockState state = ClockState::running;
  // The budget is used up: an open clock at or past its deadline, a stopped
  // one that stopped after it.
  bool breached = false;
  // When the budget runs out. While paused: if the clock resumed now. After
  // a stop: the deadline that was in force then.
  Instant deadline{};
  std::optional<Instant> stopped_at;  // the first response, the resolution, a cancel...
  std::vector<ClockPause> pauses;
  std::vector<Span> running;  // the spans the clock ran, up to the stop or now
  // While running: when the warning fraction and the budget are reached.
  std::optional<Instant> warning_at;
  std::optional<Instant> breach_at;
  // Explained timelines only: working intervals counted, closed days skipped.
  std::vector<CountedInterval> counted;
  std::vector<ClosedDay> closed_days;
};

struct SlaTimeline {
  bool applies = false;     // false for projects (agreed deadline instead)
  std::string not_applied;  // pt-BR, why there is no clock
  std::string policy;       // code
  std::string policy_label;
  std::string severity;
  int priority = 9;
  std::string reason;    // pt-BR, why this policy
  std::string calendar;  // the calendar's name
  double warning_fraction = 0.75;
  std::vector<TargetClock> targets;  // first response, resolution
};

// What the clock needs beyond the events, supplied by the caller.
struct ClockContext {
  const SlaConfiguration* config = nullptr;
  // The code and the policy code (may be "") of a service, by id.
  std::function<std::pair<std::string, std::string>(std::int64_t service_id)> service;
  std::string desk_calendar = "br";
  std::string organization_calendar;  // "" when the requester has no organization
  // A resolved calendar by name, or nullptr.
  std::function<std::shared_ptr<const BusinessCalendar>(const std::string&)> calendar;
  Instant now{};
  bool explain = false;  // fill counted intervals and closed days (costlier)
};

// Whether an event of this kind can change a clock (status, classification,
// first response); the others leave it alone and need no recomputation.
bool affects_sla_clock(EventKind kind);

// Throws DomainError when a calendar cannot be found or the count leaves the
// calendar's supported years.
SlaTimeline compute_timeline(const std::vector<TicketEvent>& events, const ClockContext& context);

}  // namespace guiche::sla
