#pragma once
// The reminders the desk sends of its own (docs/domain.md, "Reminders"; when
// one is due, domain/incidents/notice_reminder.hpp says): a planned
// maintenance's reminder (DeskConfig::maintenance_reminder_before before it
// starts) reaches the same people as the maintenance notice itself (norm
// NPI-007, 6.5: every client organization's contacts) and is recorded on the
// notice's timeline as a published message; a confirmed incident without a
// published message for DeskConfig::incident_update_reminder reminds ASCOM
// (role communications), by each one's notice channel, to publish an update,
// recorded on the timeline without a message (never public).
//
// Housekeeping (app/housekeeping.hpp) runs it every minute on every node:
// each reminder is decided under the notice's row lock and recorded in
// status_notice_reminders in the transaction that sends it, so it goes out
// once however many nodes try.
#include "app/desk_context.hpp"
#include "app/notices/notices.hpp"

namespace guiche::app {

struct ReminderRound {
  int maintenance = 0;  // maintenance reminders sent
  int incident = 0;     // incident reminders sent to ASCOM
};

class NoticeReminders {
 public:
  NoticeReminders(DeskContext& context, Notices& notices) : ctx_(context), notices_(notices) {}

  // Sends what is due at `now` (tests pass their clock's instant).
  ReminderRound send_due(Instant now);
  ReminderRound send_due() { return send_due(ctx_.now()); }

 private:
  // True when this call sent the notice's reminder.
  bool send(std::int64_t notice_id, Instant now);

  DeskContext& ctx_;
  Notices& notices_;
};

}  // namespace guiche::app
