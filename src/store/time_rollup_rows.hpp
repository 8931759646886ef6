#pragma once
// The volume report's time roll-ups (migration v037): the minutes agents
// logged, per day in hora de Brasília (domain/report_day.hpp) × unit ×
// service × severity × channel × category — the dimensions of the other
// reports' roll-ups (store/report_rollup_rows.hpp), so the same filters
// apply — and the same per month. As the ratings' (store/rating_rollup_rows.hpp),
// every row is keyed by an organization first: 0 for the whole desk, and the
// requester's organization, where its tickets count a second time. The ticket
// ledger keeps them in the transaction of each change by moving the ticket's
// share from what it was to what it is (app/ledger/time_share.hpp); the report
// reads only these rows.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/logged_time.hpp"
#include "store/database.hpp"
#include "store/report_rollup_rows.hpp"

namespace guiche::store {

// What one ticket's logged time adds: its days, under its dimensions.
struct TicketTimeShare {
  std::int64_t organization_id = 0;  // the requester's organization; 0: none
  std::int64_t unit_id = 0;          // 0: not routed to a unit
  std::int64_t service_id = 0;
  std::string severity;  // "" without a clock
  std::string channel;
  std::string category;
  std::map<int, LoggedDay> days;  // yyyymmdd -> what was logged that day
  bool operator==(const TicketTimeShare&) const = default;
};

std::optional<TicketTimeShare> load_ticket_time_share(Connection& c, std::int64_t ticket_id);
// Takes `before` out of the roll-ups, puts `after` in and stores `after` as
// the ticket's share (none, or no days: forgets it). Nothing when they are equal.
void move_ticket_time_share(Connection& c, std::int64_t ticket_id,
                            const std::optional<TicketTimeShare>& before,
                            const std::optional<TicketTimeShare>& after);
// Empties the roll-ups and the shares (`admin rebuild-tickets` counts them
// again ticket by ticket).
void clear_time_rollups(Connection& c);

struct LoggedTimeLine {
  std::int64_t unit_id = 0;
  std::int64_t service_id = 0;
  LoggedDay logged;
};
// The time logged in the filter's days, summed per unit and service: whole
// months from the month rows, the other days from the day rows.
std::vector<LoggedTimeLine> sum_logged_time(Connection& c, const ReportRowFilter& f);

// The statement, for the plan tests. Its parameters: the organization (0: the
// whole desk), the first and last day or month, then the filter's but its
// organization.
std::string logged_time_sql(const ReportRowFilter& f, const std::string& table);

}  // namespace guiche::store
