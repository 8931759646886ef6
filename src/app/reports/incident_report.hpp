#pragma once
// The incidents report (issue 15; norm NPI-007, seed 001): the incident
// notices reported in a period, how long each took to be confirmed and to be
// restored, the organizations they affected and the tickets (SAs) linked to
// them, per month and one by one. Every figure is read from the notice's own
// timeline (domain/incidents/notice_event.hpp):
//
// - reported: the notice's first event (action `report`), by a client, the
//   staff or monitoring; it places the notice in the period and the month
//   (days in hora de Brasília);
// - confirmed: its first `confirm_organization` (6.6) or `confirm_general`
//   (6.3); widening a confirmation to everyone does not confirm it again;
// - restored: its `restore` (6.4);
// - time to confirmation = confirmed − reported; time to restoration =
//   restored − confirmed; duration = restored − reported (clock time, not
//   business time: a service is down at night too); only notices that reached
//   the step count in each;
// - affected organizations: of a confirmed incident only — the one
//   organization it was confirmed for, or, confirmed in general, those that
//   use its components (every client organization when none is listed: the
//   same people app/incidents/notice_delivery.cpp tells);
// - linked tickets: the SAs linked to the notice now.
//
// Who sees it: admins, the leadership and ASCOM every notice; a unit manager
// the notices of components their units (and those below) are responsible
// for (app/reports/report_access.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/reports/report_query.hpp"
#include "app/reports/reports.hpp"
#include "domain/organization.hpp"

namespace guiche::app {

struct IncidentReportQuery {
  int first_day = 0;  // yyyymmdd, hora de Brasília
  int last_day = 0;
  std::optional<std::int64_t> unit_id;          // responsible for a component, with its sub-units
  std::optional<std::int64_t> organization_id;  // the incidents that concern it
};

// Where a notice stands now, for the report's counts.
enum class IncidentOutcome { in_analysis, not_confirmed, confirmed, restored };
std::string incident_outcome_label(IncidentOutcome o);

struct IncidentLine {
  std::int64_t id = 0;
  std::string title;
  IncidentOutcome outcome = IncidentOutcome::in_analysis;
  std::vector<std::string> components;
  std::string scope;  // "Geral" or the organization's name
  Instant reported_at{};
  std::optional<Instant> confirmed_at;
  std::optional<Instant> restored_at;
  std::optional<Instant> first_published_at;
  std::optional<std::int64_t> to_confirmation_ms;
  std::optional<std::int64_t> to_restoration_ms;
  std::optional<std::int64_t> duration_ms;
  std::vector<std::int64_t> affected_organizations;  // none unless confirmed
  std::int64_t linked_tickets = 0;
};

// Counts and times of a set of incidents (the period, or one month).
struct IncidentFigures {
  std::int64_t reported = 0;
  std::int64_t in_analysis = 0;
  std::int64_t not_confirmed = 0;
  std::int64_t confirmed = 0;  // ever confirmed: still open or restored
  std::int64_t restored = 0;
  std::int64_t organizations_affected = 0;  // distinct
  std::int64_t linked_tickets = 0;
  std::optional<std::int64_t> to_confirmation_median_ms;
  std::optional<std::int64_t> to_confirmation_mean_ms;
  std::optional<std::int64_t> to_restoration_median_ms;
  std::optional<std::int64_t> to_restoration_mean_ms;
  std::optional<std::int64_t> duration_median_ms;
  std::int64_t duration_total_ms = 0;
};

struct IncidentMonth {
  int month = 0;  // yyyymm
  IncidentFigures figures;
};

struct IncidentReport {
  IncidentReportQuery query;
  IncidentFigures total;
  std::vector<IncidentMonth> months;       // every month of the period, empty ones too
  std::vector<IncidentLine> incidents;     // by report, oldest first
  std::vector<CountLine> by_organization;  // affected organizations: incidents each
  std::vector<CountLine> by_component;     // incidents reported per component
};

// The period and filters from a query string (from, to, unit, organization),
// as app/reports/report_query.hpp reads the others'. Throws DomainError.
IncidentReportQuery parse_incident_report_query(const QueryLookup& value, int today);

// The figures of `lines` (pure; what the report and each month count).
IncidentFigures incident_figures(const std::vector<IncidentLine>& lines);

class IncidentReports {
 public:
  explicit IncidentReports(DeskContext& context) : ctx_(context) {}

  IncidentReport report(const Actor& a, const IncidentReportQuery& q);
  // The units and organizations `a` may filter by.
  std::vector<Unit> units_for(const Actor& a);
  std::vector<Organization> organizations();

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
