#pragma once
// The reports' roll-ups (migrations v031 and v035): counts per day in hora de Brasília
// (domain/report_day.hpp) × unit × service × severity × channel × category,
// and histograms of first-response and resolution times in business time
// (domain/duration_histogram.hpp). The ticket ledger keeps them in the
// transaction of each change by moving the ticket's share (what it adds) from
// what it was to what it is (app/ledger/report_share.hpp); the reports read
// only these rows, and the breached tickets of a period through the partial
// index on the shares. A ticket of an organization counts twice: in the
// desk's roll-ups and in its organization's, which a report filtered by that
// organization reads instead.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

// What one ticket adds to the roll-ups. Days are yyyymmdd.
struct TicketReportShare {
  std::int64_t organization_id = 0;  // the requester's organization; 0: none
  std::int64_t unit_id = 0;          // 0: not routed to a unit
  std::int64_t service_id = 0;
  std::string severity;  // the SLA severity's name, "" without a clock
  std::string channel;
  std::string category;
  int registered_day = 0;
  bool open = true;                 // not resolved, closed or cancelled
  std::optional<int> ended_day;     // left the backlog (resolved, closed or cancelled)
  bool resolved = false;            // ended by a resolution (its day is ended_day)
  bool reopened = false;            // resolved after at least one reopen
  std::optional<int> due_day;       // the resolution target fell due (see app/reports/)
  bool met = false;                 // ... and was met
  bool breached = false;            // ... and was breached
  std::optional<Instant> deadline;  // the resolution deadline, when breached
  std::optional<int> first_response_day;
  std::optional<std::int64_t> first_response_ms;  // business time, with its day
  std::optional<std::int64_t> resolution_ms;      // business time, on ended_day
  bool operator==(const TicketReportShare&) const = default;
};

std::optional<TicketReportShare> load_ticket_report_share(Connection& c, std::int64_t ticket_id);
// Takes `before` out of the roll-ups, puts `after` in and stores `after` as
// the ticket's share (none: forgets it). Nothing when they are equal.
void move_ticket_report_share(Connection& c, std::int64_t ticket_id,
                              const std::optional<TicketReportShare>& before,
                              const std::optional<TicketReportShare>& after);
// Empties the roll-ups and the shares (`admin rebuild-tickets` counts them
// again ticket by ticket).
void clear_report_rollups(Connection& c);

// Which rows a report reads: the days from `first_day` to `last_day` (both
// included) and, when set, the units (the caller's scope and filter: empty
// means every unit), service, severity, channel and category.
struct ReportRowFilter {
  int first_day = 0;
  int last_day = 0;
  bool all_units = true;
  std::vector<std::int64_t> unit_ids;  // when !all_units; may be empty (nothing)
  std::optional<std::int64_t> service_id;
  std::optional<std::string> severity;
  std::optional<std::string> channel;
  std::optional<std::string> category;
  // Set: the organization's own roll-ups (migration v035), only its tickets.
  std::optional<std::int64_t> organization_id;
};

struct ReportCounts {
  std::int64_t registered = 0;
  std::int64_t open_now = 0;
  std::int64_t ended = 0;
  std::int64_t resolved = 0;
  std::int64_t reopened = 0;
  std::int64_t due = 0;
  std::int64_t met = 0;
  std::int64_t breached = 0;
  std::int64_t first_responses = 0;
  ReportCounts& operator+=(const ReportCounts& o);
  bool operator==(const ReportCounts&) const = default;
};

// The dimensions a report groups by.
// day_channel: "20261206|email"; severity_service: "Alta|17".
enum class ReportGroup {
  none,
  day,
  unit,
  service,
  severity,
  channel,
  category,
  day_channel,
  severity_service
};

// The counts of the filter's rows, summed per value of `group` (its text:
// "20261206", "17", "Crítica", "email", ...).
std::map<std::string, ReportCounts> sum_report_figures(Connection& c, const ReportRowFilter& f,
                                                       ReportGroup group);
// The same summed per unit, service, severity, channel and category at once
// (one reading of the period's rows, however many groupings a report shows).
struct DimensionCounts {
  std::int64_t unit_id = 0;
  std::int64_t service_id = 0;
  std::string severity;
  std::string channel;
  std::string category;
  ReportCounts counts;
};
std::vector<DimensionCounts> sum_report_figures_by_dimensions(Connection& c,
                                                              const ReportRowFilter& f);
// The open tickets per day of registration (every day, the filter's dates
// ignored): the backlog's aging.
std::map<int, std::int64_t> open_tickets_by_day(Connection& c, const ReportRowFilter& f);
// Histograms (bucket -> tickets) of `target` (0 first response, 1
// resolution) per value of `group`.
std::map<std::string, std::map<int, std::int64_t>> sum_report_durations(Connection& c,
                                                                        const ReportRowFilter& f,
                                                                        ReportGroup group,
                                                                        int target);

// One breached ticket of a period (keyset pages by deadline, then id).
struct BreachedTicketRow {
  std::int64_t ticket_id = 0;
  std::string protocol;
  std::string subject;
  std::int64_t service_id = 0;
  std::int64_t unit_id = 0;
  std::string severity;
  std::string status;
  Instant deadline{};
  std::optional<std::int64_t> resolution_ms;
};
struct BreachCursor {
  Instant deadline{};
  std::int64_t ticket_id = 0;
};
// The tickets whose resolution deadline, breached, fell in the filter's
// days, after `after`, at most `limit`.
std::vector<BreachedTicketRow> breached_tickets(Connection& c, const ReportRowFilter& f,
                                                const std::optional<BreachCursor>& after,
                                                int limit);

// What the other roll-ups read with the same filter share with these
// (store/rating_rollup_rows.cpp): the filter's conditions but the days, on
// columns of `prefix` ("s."), their parameters in the same order, and a
// period as its whole months and the days outside them.
std::string report_filter_conditions(const ReportRowFilter& f, const std::string& prefix);
void add_report_filter_params(const ReportRowFilter& f, std::vector<Value>& params);
struct ReportPeriodSpan {
  int first_month = 0;  // yyyymm; none when first_month > last_month
  int last_month = -1;
  std::vector<std::pair<int, int>> days;  // inclusive ranges of yyyymmdd
};
ReportPeriodSpan report_period_span(int first_day, int last_day);

// The statements, for the plan tests (the filter's shape decides them).
std::string report_figures_sql(const ReportRowFilter& f, ReportGroup group);
std::string breached_tickets_sql(const ReportRowFilter& f, bool with_cursor);

}  // namespace guiche::store
