#pragma once
// When the desk reminds by itself (docs/domain.md, "Reminders"): a planned
// maintenance's audience a configurable time before it starts, once per
// published schedule (a reschedule starts a new one); ASCOM when a confirmed
// incident has had no published message for a configurable time, once per
// quiet period (a new publication starts a new one). A pure function of the
// notice, its timeline and the instant, specified by the cases of
// tests/domain/data/notice_reminders.cases; app/incidents/notice_reminders.hpp
// sends what it says is due.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/incidents/notice_event.hpp"
#include "domain/incidents/status_notice.hpp"

namespace guiche {

enum class ReminderKind {
  maintenance_start,  // to the maintenance's audience, before it starts
  incident_update,    // to ASCOM: publish an update
};
std::string_view reminder_kind_code(ReminderKind k);

struct ReminderSettings {
  // 0 turns each reminder off.
  std::chrono::milliseconds maintenance_before{0};
  std::chrono::milliseconds incident_quiet{0};
};

struct ReminderDue {
  ReminderKind kind = ReminderKind::maintenance_start;
  // Names the schedule (the id of its published schedule or reschedule
  // event) or the quiet period (when it began, in milliseconds): one reminder
  // each.
  std::int64_t anchor = 0;
  Instant since{};  // an incident's last publication (or its confirmation)
};

// `events` oldest first.
std::optional<ReminderDue> reminder_due(const StatusNotice& notice,
                                        const std::vector<NoticeEvent>& events, Instant now,
                                        const ReminderSettings& settings);

}  // namespace guiche
