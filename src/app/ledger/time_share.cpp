#include "app/ledger/time_share.hpp"

#include "domain/logged_time.hpp"
#include "store/time_rollup_rows.hpp"

namespace guiche::app {
namespace {

store::TicketTimeShare time_share_of(const store::TicketReportShare& r,
                                     std::map<int, LoggedDay> days) {
  return {r.organization_id, r.unit_id,  r.service_id,   r.severity,
          r.channel,         r.category, std::move(days)};
}

}  // namespace

void refresh_time_share(store::Connection& c, std::int64_t ticket_id,
                        const store::TicketReportShare& report,
                        const std::vector<TicketEvent>& events) {
  auto days = logged_time_by_day(events);
  // Time enters only through events: none logged, none stored (and no read
  // on the registration's path).
  if (days.empty()) return;
  store::move_ticket_time_share(c, ticket_id, store::load_ticket_time_share(c, ticket_id),
                                time_share_of(report, std::move(days)));
}

void add_to_time_share(store::Connection& c, std::int64_t ticket_id,
                       const store::TicketReportShare& report,
                       const std::vector<TicketEvent>& added) {
  const auto before = store::load_ticket_time_share(c, ticket_id);
  auto days = before ? before->days : std::map<int, LoggedDay>{};
  for (const auto& [day, logged] : logged_time_by_day(added)) days[day] += logged;
  store::move_ticket_time_share(c, ticket_id, before, time_share_of(report, std::move(days)));
}

}  // namespace guiche::app
