// GET /api/v1/reports/incidents: the incidents report of
// /relatorios/incidentes as JSON (app/reports/incident_report.hpp), for
// admins, the leadership, ASCOM and unit managers (the notices of their
// units' components), with the same period and filters (from, to, unit,
// organization). Times in milliseconds of clock time.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/reports/incident_report.hpp"
#include "domain/report_day.hpp"

namespace guiche::api {
namespace {

template <typename T>
nlohmann::json incident_optional(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json incident_outcome_code(app::IncidentOutcome o) {
  switch (o) {
    case app::IncidentOutcome::in_analysis:
      return "in_analysis";
    case app::IncidentOutcome::not_confirmed:
      return "not_confirmed";
    case app::IncidentOutcome::confirmed:
      return "confirmed";
    case app::IncidentOutcome::restored:
      return "restored";
  }
  return nullptr;
}

nlohmann::json incident_figures_json(const app::IncidentFigures& f) {
  return {{"reported", f.reported},
          {"in_analysis", f.in_analysis},
          {"not_confirmed", f.not_confirmed},
          {"confirmed", f.confirmed},
          {"restored", f.restored},
          {"organizations_affected", f.organizations_affected},
          {"linked_tickets", f.linked_tickets},
          {"to_confirmation_median_ms", incident_optional(f.to_confirmation_median_ms)},
          {"to_confirmation_mean_ms", incident_optional(f.to_confirmation_mean_ms)},
          {"to_restoration_median_ms", incident_optional(f.to_restoration_median_ms)},
          {"to_restoration_mean_ms", incident_optional(f.to_restoration_mean_ms)},
          {"duration_median_ms", incident_optional(f.duration_median_ms)},
          {"duration_total_ms", f.duration_total_ms}};
}

nlohmann::json incident_report_json(const app::IncidentReport& r) {
  auto months = nlohmann::json::array();
  for (const auto& m : r.months) {
    auto j = incident_figures_json(m.figures);
    j["month"] = std::to_string(m.month / 100) + "-" + (m.month % 100 < 10 ? "0" : "") +
                 std::to_string(m.month % 100);
    months.push_back(std::move(j));
  }
  auto incidents = nlohmann::json::array();
  for (const auto& l : r.incidents) {
    auto optional_instant = [](const std::optional<Instant>& t) {
      return t ? nlohmann::json(format_utc(*t)) : nlohmann::json(nullptr);
    };
    incidents.push_back({{"notice_id", l.id},
                         {"title", l.title},
                         {"outcome", incident_outcome_code(l.outcome)},
                         {"components", l.components},
                         {"scope", l.scope},
                         {"reported_at", format_utc(l.reported_at)},
                         {"confirmed_at", optional_instant(l.confirmed_at)},
                         {"restored_at", optional_instant(l.restored_at)},
                         {"first_published_at", optional_instant(l.first_published_at)},
                         {"to_confirmation_ms", incident_optional(l.to_confirmation_ms)},
                         {"to_restoration_ms", incident_optional(l.to_restoration_ms)},
                         {"duration_ms", incident_optional(l.duration_ms)},
                         {"affected_organization_ids", l.affected_organizations},
                         {"linked_tickets", l.linked_tickets}});
  }
  auto lines = [](const std::vector<app::CountLine>& v) {
    auto out = nlohmann::json::array();
    for (const auto& l : v) out.push_back({{"key", l.key}, {"label", l.label}, {"count", l.count}});
    return out;
  };
  return {{"query",
           {{"from", report_day_iso(r.query.first_day)},
            {"to", report_day_iso(r.query.last_day)},
            {"unit", incident_optional(r.query.unit_id)},
            {"organization", incident_optional(r.query.organization_id)}}},
          {"total", incident_figures_json(r.total)},
          {"months", months},
          {"incidents", incidents},
          {"by_organization", lines(r.by_organization)},
          {"by_component", lines(r.by_component)}};
}

http::Response incidents(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  const auto q = app::parse_incident_report_query(
      [&r](const char* name) { return r.query_value(name); }, ctx.desk.reports().today());
  return json_response(200, incident_report_json(ctx.desk.incident_reports().report(actor, q)));
}

}  // namespace

void add_incident_report_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  add_guarded_route(routes, "GET", "/api/v1/reports/incidents",
                    [&ctx](const http::Request& r) { return incidents(ctx, r); });
}

}  // namespace guiche::api
