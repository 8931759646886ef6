#include "app/housekeeping.hpp"

#include "app/incidents/notice_reminders.hpp"
#include "app/incidents/status_subscriptions.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/personal_data/personal_data.hpp"
#include "app/privacy/access_log.hpp"
#include "app/reports/report_recount.hpp"
#include "app/reports/report_subscriptions.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/tickets/ticket_work.hpp"

namespace guiche::app {

namespace {

// The LGPD retention rule (app/personal_data/personal_data.hpp): at most this
// many anonymizations a round.
constexpr int kRetentionBatch = 50;

}  // namespace

Housekeeping::Housekeeping(Desk& desk, std::chrono::milliseconds period)
    : loop_("housekeeping", period,
            [&desk] {
              desk.work().close_expired_resolutions();
              desk.sla().record_sla_warnings();
              desk.status_subscriptions().forget_stale();
              desk.notice_reminders().send_due();
              desk.manifestations().warn_deadlines();
              // Scheduled reports whose period has ended, by e-mail.
              desk.report_subscriptions().send_due();
              // LGPD retention: the next window of people each round (bounded reading).
              const int years = desk.config().anonymize_requesters_after_years;
              if (years > 0) desk.personal_data().anonymize_retained(years, kRetentionBatch);
              // LGPD: access-log entries past the retention period, in bounded batches.
              desk.access_log().delete_expired(desk.config().access_log_retention);
            }),
      // A pending job is noticed within a second, then runs without pause: the
      // SLA recompute, and the reports' recount (app/reports/report_recount.hpp).
      recompute_("sla-recompute", std::chrono::seconds(1), std::function<bool()>([&desk] {
                   const bool clocks_pending = desk.sla_recompute().run_batch();
                   const bool reports_pending = desk.report_recount().run_batch();
                   return clocks_pending || reports_pending;
                 })) {}

}  // namespace guiche::app
