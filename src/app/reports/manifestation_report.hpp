#pragma once
// The manifestações report (issue 15; Lei 13.460/2017 art. 14–15, seed 003):
// the manifestações registered in a period by type, service and state, how
// their deadlines went, and the items of the ouvidoria's yearly management
// report. How each figure is counted (Decreto 9.492/2018; the deadline is
// domain/manifestations/manifestation_rules.hpp's, kept on each one as due_on):
//
// - received: registered in the period (the registration date at the desk);
//   every other figure is of these, as they stand today;
// - answered on time: answered on or before its due date — 30 calendar days,
//   plus the days it waited for a complement, plus the extension if granted;
//   "within 30 days" are those answered on time without an extension,
//   "in the extended term" those with one;
// - answered late: answered after its due date;
// - extended: granted the one extension of 30 days, whatever came after;
// - overdue: still open (not waiting for a complement) and past its due date
//   today;
// - archived: closed without an answer (the complement asked for never came);
// - answer time: calendar days from registration to answer.
//
// Who sees it: the ouvidoria, the leadership and admins
// (app/reports/report_access.hpp). Only counts: no identity, text or subject.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/reports/report_query.hpp"
#include "domain/service.hpp"
#include "domain/time.hpp"
#include "store/manifestation_report_rows.hpp"

namespace guiche::app {

struct ManifestationReportQuery {
  int first_day = 0;  // yyyymmdd
  int last_day = 0;
  std::optional<std::int64_t> service_id;
  std::optional<std::string> kind;  // manifestation_kind_code
};

struct ManifestationCounts {
  std::int64_t received = 0;
  std::int64_t open = 0;  // running, not waiting for a complement
  std::int64_t awaiting_complement = 0;
  std::int64_t answered = 0;
  std::int64_t archived = 0;
  std::int64_t answered_on_time = 0;
  std::int64_t answered_within_30 = 0;  // on time, not extended
  std::int64_t answered_extended_on_time = 0;
  std::int64_t answered_late = 0;
  std::int64_t extended = 0;
  std::int64_t overdue = 0;
  std::int64_t complement_requested = 0;
  std::int64_t with_tickets = 0;                // with at least one linked ticket
  std::int64_t linked_tickets = 0;              // the links
  std::map<std::string, std::int64_t> by_kind;  // received per manifestation_kind_code
  std::optional<double> answer_days_mean;
  std::optional<double> answer_days_median;
};

struct ManifestationLine {
  std::string key;
  std::string label;
  ManifestationCounts counts;
};

struct ManifestationReport {
  ManifestationReportQuery query;
  Date today{};
  ManifestationCounts total;
  std::vector<ManifestationLine> by_kind;     // the five types, in the law's order
  std::vector<ManifestationLine> by_service;  // most received first
  std::vector<ManifestationLine> months;      // key yyyymm, every month of the period
};

// The period and filters from a query string (from, to, service, kind), as
// app/reports/report_query.hpp reads the others'. Throws DomainError.
ManifestationReportQuery parse_manifestation_report_query(const QueryLookup& value, int today);

// The counts of `rows` as of `today`; `answered_on` gives an answer's date
// at the desk, `tickets` the linked tickets per manifestação (pure).
ManifestationCounts manifestation_counts(
    const std::vector<const store::ManifestationReportRow*>& rows, Date today,
    const std::function<Date(Instant)>& answered_on,
    const std::map<std::int64_t, std::int64_t>& tickets);

class ManifestationReports {
 public:
  explicit ManifestationReports(DeskContext& context) : ctx_(context) {}

  ManifestationReport report(const Actor& a, const ManifestationReportQuery& q);
  // The services a manifestação may be about (the filter's options).
  std::vector<Service> services();

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
