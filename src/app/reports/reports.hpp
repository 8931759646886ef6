#pragma once
// Reports and indicators (issue 15): SLA compliance and volume and backlog,
// read from the roll-ups the ticket ledger keeps (store/report_rollup_rows.hpp;
// how each figure is counted: app/ledger/report_share.hpp), never from the
// tickets, so a year of a desk with a million tickets answers in well under a
// second (bench/report_scale.py).
//
// Who sees what: admins and the leadership (diretoria) every unit; a unit
// manager the units they manage and those below them (app/access_policy.hpp's
// reading of the unit tree); an organization's manager (gestor do órgão) the
// tickets of their own organization, in every unit, and nothing of another;
// nobody else any report.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/logged_time.hpp"
#include "domain/organization.hpp"
#include "store/report_rollup_rows.hpp"

namespace guiche::app {

// The compliance target the reports compare "% met" against, unless the
// request names another.
inline constexpr int kDefaultComplianceTargetPercent = 90;

struct ReportQuery {
  int first_day = 0;  // yyyymmdd, hora de Brasília
  int last_day = 0;
  std::optional<std::int64_t> unit_id;          // with its sub-units
  std::optional<std::int64_t> organization_id;  // the requesters' organization
  std::optional<std::int64_t> service_id;
  std::optional<std::string> severity;
  std::optional<std::string> channel;
  std::optional<std::string> category;
  int target_percent = kDefaultComplianceTargetPercent;
};

// One line of a table: a severity, a service, or the total.
struct ComplianceLine {
  std::string key;
  std::string label;
  store::ReportCounts counts;
  std::optional<double> met_percent;     // met / (met + breached)
  std::optional<double> reopen_percent;  // reopened / resolved
  std::optional<std::int64_t> first_response_p50_ms;
  std::optional<std::int64_t> first_response_p90_ms;
  std::optional<std::int64_t> resolution_p50_ms;
  std::optional<std::int64_t> resolution_p90_ms;
};

struct BreachedTicket {
  store::BreachedTicketRow row;
  std::string service;
  std::string unit;
};

struct SlaComplianceReport {
  ReportQuery query;  // the organization the scope imposes included
  // Set while the roll-ups are still being counted (app/reports/report_recount.hpp):
  // how far, 0..99 %; the figures are incomplete.
  std::optional<int> counting_percent;
  ComplianceLine total;
  std::vector<ComplianceLine> by_severity;
  std::vector<ComplianceLine> by_service;
  std::vector<BreachedTicket> breached;
  std::optional<store::BreachCursor> next;  // the next page of breached tickets
};

struct VolumeDay {
  int day = 0;
  std::map<std::string, std::int64_t> registered_by_channel;
  std::int64_t registered = 0;
  std::int64_t ended = 0;
  std::optional<std::int64_t> backlog;  // at the day's end; none after today
};

struct VolumeWeek {
  int first_day = 0;  // the Monday (or the period's first day)
  std::int64_t registered = 0;
  std::map<std::string, std::int64_t> registered_by_channel;
};

struct CountLine {
  std::string key;
  std::string label;
  std::int64_t count = 0;
};

// The time logged on one unit's tickets of one service (app/ledger/time_share.hpp).
struct TimeLine {
  std::int64_t unit_id = 0;  // 0: not routed to a unit
  std::string unit;
  std::int64_t service_id = 0;
  std::string service;
  LoggedDay logged;
};

struct VolumeReport {
  ReportQuery query;
  std::optional<int> counting_percent;  // as SlaComplianceReport's
  std::int64_t registered = 0;
  std::int64_t ended = 0;
  std::int64_t open_now = 0;
  std::vector<VolumeDay> days;
  std::vector<VolumeWeek> weeks;
  std::vector<CountLine> by_channel;
  std::vector<CountLine> by_service;
  std::vector<CountLine> by_category;
  std::vector<CountLine> by_unit;
  std::vector<CountLine> aging;  // open tickets now, by age
  // The time logged in the period, by unit (in the units' order) and service
  // (in the services' order), and its total.
  std::vector<TimeLine> time_logged;
  LoggedDay time_total;
};

// The units a report may read for `p`: all, or these.
struct ReportScope {
  bool all = false;
  std::vector<std::int64_t> unit_ids;
  std::optional<std::int64_t> organization_id;  // set: that organization's tickets alone
};
bool may_see_reports(const Person& p);
ReportScope report_scope(const Person& p, const std::vector<Unit>& units);

// The channel's label in pt-BR ("Portal", "E-mail", ...).
std::string report_channel_label(const std::string& code);

class Reports {
 public:
  explicit Reports(DeskContext& context) : ctx_(context) {}

  // The units `a` may filter by (names, in the unit tree's order).
  std::vector<Unit> units_for(const Actor& a);
  // The organizations `a` may filter by: every one, or an organization's
  // manager their own.
  std::vector<Organization> organizations_for(const Actor& a);
  SlaComplianceReport sla_compliance(const Actor& a, const ReportQuery& q,
                                     const std::optional<store::BreachCursor>& after = {},
                                     int page_size = 50);
  VolumeReport volume(const Actor& a, const ReportQuery& q);
  // The severities' names in the SLA configuration's order (the filter's options).
  std::vector<std::string> severities();
  // Today in hora de Brasília (the default period is its month).
  int today() const;

  // Validates the query and turns it, with `a`'s scope, into the rows to read
  // (the other reports' classes read theirs with it too).
  store::ReportRowFilter filter_for(const Actor& a, const ReportQuery& q,
                                    const std::vector<Unit>& units);

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
