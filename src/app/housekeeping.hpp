#pragma once
// Background work of a running server that comes from durable state:
// closing resolved tickets whose reopen window has ended, recording the SLA
// warnings and breaches that are due, sending the status notices' reminders
// that are due (app/incidents/notice_reminders.hpp), warning the ouvidoria of
// manifestações' deadlines, sending the scheduled reports whose period has
// ended (app/reports/report_subscriptions.hpp), deleting personal-data access-log entries past
// their retention (app/privacy/access_log.hpp), forgetting
// unconfirmed status page subscriptions once their link expired, and the
// LGPD retention rule when configured (requesters anonymized N years after
// their last ticket closed, app/personal_data/personal_data.hpp); and, on a
// loop of its own, the recompute of the cached SLA clocks after a change of
// configuration or calendar (app/sla/sla_recompute.hpp) and the recount of
// the reports' roll-ups (app/reports/report_recount.hpp), batch after batch
// while one is pending. Safe to run on several nodes at once (each decision
// re-checks the ticket's events under its lock; each batch locks the job).
#include <chrono>

#include "app/desk.hpp"
#include "app/periodic.hpp"

namespace guiche::app {

class Housekeeping {
 public:
  Housekeeping(Desk& desk, std::chrono::milliseconds period);

 private:
  Periodic loop_;
  Periodic recompute_;
};

}  // namespace guiche::app
