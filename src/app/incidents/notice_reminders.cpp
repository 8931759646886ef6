#include "app/incidents/notice_reminders.hpp"
#include "observability/log.hpp"

#include "app/incidents/notice_delivery.hpp"
#include "app/incidents/notice_messages.hpp"
#include "domain/error.hpp"
#include "domain/incidents/notice_reminder.hpp"
#include "domain/role.hpp"
#include "store/notice_event_rows.hpp"
#include "store/notice_reminder_rows.hpp"
#include "store/person_rows.hpp"
#include "store/status_component_rows.hpp"
#include "store/status_notice_rows.hpp"

namespace guiche::app {
namespace {

// More due at once than any desk has open: the rest wait for the next round.
constexpr int kBatch = 500;

ReminderSettings settings_of(const DeskConfig& config) {
  ReminderSettings s;
  s.maintenance_before = config.maintenance_reminder_before;
  s.incident_quiet = config.incident_update_reminder;
  return s;
}

std::vector<StatusComponent> components_of(store::Connection& c, const StatusNotice& n) {
  std::vector<StatusComponent> out;
  for (auto id : n.component_ids) {
    if (auto component = store::load_status_component(c, id)) out.push_back(std::move(*component));
  }
  return out;
}

std::optional<ReminderDue> due_in(store::Connection& c, std::int64_t notice_id, Instant now,
                                  const ReminderSettings& settings, bool lock) {
  auto n = store::load_notice(c, notice_id, lock);
  if (!n) return std::nullopt;
  return reminder_due(*n, store::load_notice_events(c, notice_id), now, settings);
}

}  // namespace

ReminderRound NoticeReminders::send_due(Instant now) {
  ReminderRound round;
  const auto settings = settings_of(ctx_.config);
  const bool maintenance = settings.maintenance_before > std::chrono::milliseconds::zero();
  const bool incidents = settings.incident_quiet > std::chrono::milliseconds::zero();
  if (!maintenance && !incidents) return round;
  // Read first: most rounds find nothing due and take no write lock.
  std::vector<std::pair<std::int64_t, ReminderKind>> due;
  ctx_.db.read([&](store::Connection& c) {
    std::vector<std::int64_t> ids;
    if (maintenance) {
      ids = store::maintenance_starting_by(c, now, now + settings.maintenance_before, kBatch);
    }
    if (incidents) {
      for (auto id : store::confirmed_incidents(c, kBatch)) ids.push_back(id);
    }
    for (auto id : ids) {
      if (auto d = due_in(c, id, now, settings, false)) due.emplace_back(id, d->kind);
    }
  });
  for (const auto& [id, kind] : due) {
    try {
      if (!send(id, now)) continue;
      ++(kind == ReminderKind::maintenance_start ? round.maintenance : round.incident);
    } catch (const DomainError& e) {
      // An admin's template with a hole refuses the message; the others still go.
      observability::log_error("comunicados", "lembrete do comunicado " + std::to_string(id) +
                                                  " não enviado: " + e.what());
    }
  }
  return round;
}

bool NoticeReminders::send(std::int64_t notice_id, Instant now) {
  bool sent = false;
  const auto settings = settings_of(ctx_.config);
  ctx_.db.write([&](store::Connection& c) {
    sent = false;
    // Decided again under the notice's lock: a step taken meanwhile (a
    // reschedule, a cancellation, a publication) wins.
    const auto due = due_in(c, notice_id, now, settings, true);
    if (!due) return;
    if (!store::claim_notice_reminder(c, notice_id, std::string(reminder_kind_code(due->kind)),
                                      due->anchor, now)) {
      return;  // another node sent it
    }
    const auto n = store::load_notice(c, notice_id).value();
    const auto components = components_of(c, n);
    MessageFacts facts;
    facts.component_names = component_names(components);
    NoticeEvent e;
    e.notice_id = n.id;
    e.action = NoticeAction::remind;
    e.state_after = n.state;
    e.at = now;
    e.data["reminder"] = std::string(reminder_kind_code(due->kind));
    if (due->kind == ReminderKind::maintenance_start) {
      facts.now = now;
      e.message = render_notice_message(c, ctx_.config, "maintenance_reminder", n, facts);
      e.published_at = now;
      e.id = store::insert_notice_event(c, e);
      deliver_published(c, notices_, n, components, {e}, now);
    } else {
      facts.now = due->since;  // "sem mensagem publicada desde ..."
      const auto m = render_notice_message(c, ctx_.config, "incident_update_reminder", n, facts);
      e.data["quiet_since"] = to_millis(due->since);
      store::insert_notice_event(c, e);  // no message: nothing of it is ever public
      for (auto person_id :
           store::people_with_role(c, std::string(role_code(Role::communications)))) {
        auto person = store::load_person(c, person_id);
        if (!person || !person->active) continue;
        notices_.enqueue_written(c, m.key, *person, m.title, m.text, message_html(m), now);
      }
    }
    sent = true;
  });
  return sent;
}

}  // namespace guiche::app
