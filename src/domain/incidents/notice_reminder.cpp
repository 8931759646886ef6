#include "domain/incidents/notice_reminder.hpp"

namespace guiche {
namespace {

std::optional<ReminderDue> maintenance_due(const StatusNotice& n,
                                           const std::vector<NoticeEvent>& events, Instant now,
                                           std::chrono::milliseconds before) {
  if (n.state != NoticeState::scheduled || !n.starts_at || now >= *n.starts_at) return {};
  const Instant window_opens = *n.starts_at - before;
  if (now < window_opens) return {};
  // The schedule in force is the last schedule or reschedule. While it is a
  // draft, the audience knows another time (or none): nothing to remind of.
  const NoticeEvent* schedule = nullptr;
  for (const auto& e : events) {
    if (e.action == NoticeAction::schedule || e.action == NoticeAction::reschedule) schedule = &e;
  }
  if (!schedule || !schedule->published_at) return {};
  // Announced inside the window: the announcement is its own reminder.
  if (*schedule->published_at >= window_opens) return {};
  return ReminderDue{ReminderKind::maintenance_start, schedule->id, *schedule->published_at};
}

bool confirmed(NoticeState s) {
  return s == NoticeState::confirmed_organization || s == NoticeState::confirmed_general;
}

std::optional<ReminderDue> incident_due(const StatusNotice& n,
                                        const std::vector<NoticeEvent>& events, Instant now,
                                        std::chrono::milliseconds quiet) {
  if (!confirmed(n.state)) return {};
  // Quiet since the last published message; before the first one, since the
  // confirmation (its message still a draft waiting for ASCOM).
  std::optional<Instant> since;
  for (const auto& e : events) {
    if (e.published_at && (!since || *e.published_at > *since)) since = e.published_at;
  }
  if (!since) {
    for (const auto& e : events) {
      if (confirmed(e.state_after)) {
        since = e.at;
        break;
      }
    }
  }
  if (!since) since = n.created_at;
  if (now - *since < quiet) return {};
  return ReminderDue{ReminderKind::incident_update, to_millis(*since), *since};
}

}  // namespace

std::string_view reminder_kind_code(ReminderKind k) {
  return k == ReminderKind::maintenance_start ? "maintenance_start" : "incident_update";
}

std::optional<ReminderDue> reminder_due(const StatusNotice& notice,
                                        const std::vector<NoticeEvent>& events, Instant now,
                                        const ReminderSettings& settings) {
  if (notice.kind == NoticeKind::maintenance) {
    if (settings.maintenance_before <= std::chrono::milliseconds::zero()) return {};
    return maintenance_due(notice, events, now, settings.maintenance_before);
  }
  if (settings.incident_quiet <= std::chrono::milliseconds::zero()) return {};
  return incident_due(notice, events, now, settings.incident_quiet);
}

}  // namespace guiche
