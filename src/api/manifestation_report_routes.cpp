// GET /api/v1/reports/manifestations: the manifestações report of
// /relatorios/manifestacoes as JSON (app/reports/manifestation_report.hpp),
// for the ouvidoria, the leadership and admins, with the same period and
// filters (from, to, service, kind). Counts only: no identity nor text.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/reports/manifestation_report.hpp"
#include "domain/report_day.hpp"

namespace guiche::api {
namespace {

nlohmann::json manifestation_counts_json(const app::ManifestationCounts& c) {
  auto optional_number = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"received", c.received},
          {"open", c.open},
          {"awaiting_complement", c.awaiting_complement},
          {"answered", c.answered},
          {"archived", c.archived},
          {"answered_on_time", c.answered_on_time},
          {"answered_within_30_days", c.answered_within_30},
          {"answered_in_extended_term", c.answered_extended_on_time},
          {"answered_late", c.answered_late},
          {"extended", c.extended},
          {"overdue", c.overdue},
          {"complement_requested", c.complement_requested},
          {"with_linked_tickets", c.with_tickets},
          {"linked_tickets", c.linked_tickets},
          {"by_kind", c.by_kind},
          {"answer_days_mean", optional_number(c.answer_days_mean)},
          {"answer_days_median", optional_number(c.answer_days_median)}};
}

nlohmann::json manifestation_lines_json(const std::vector<app::ManifestationLine>& lines) {
  auto out = nlohmann::json::array();
  for (const auto& l : lines) {
    auto j = manifestation_counts_json(l.counts);
    j["key"] = l.key;
    j["label"] = l.label;
    out.push_back(std::move(j));
  }
  return out;
}

http::Response manifestations(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  const auto q = app::parse_manifestation_report_query(
      [&r](const char* name) { return r.query_value(name); }, ctx.desk.reports().today());
  const auto report = ctx.desk.manifestation_reports().report(actor, q);
  nlohmann::json months = manifestation_lines_json(report.months);
  for (auto& m : months) {
    const std::string k = m["key"];
    m["key"] = k.substr(0, 4) + "-" + k.substr(4);
    m["label"] = m["key"];
  }
  return json_response(
      200, {{"query",
             {{"from", report_day_iso(q.first_day)},
              {"to", report_day_iso(q.last_day)},
              {"service", q.service_id ? nlohmann::json(*q.service_id) : nlohmann::json(nullptr)},
              {"kind", q.kind ? nlohmann::json(*q.kind) : nlohmann::json(nullptr)}}},
            {"today", format_date(report.today)},
            {"total", manifestation_counts_json(report.total)},
            {"by_kind", manifestation_lines_json(report.by_kind)},
            {"by_service", manifestation_lines_json(report.by_service)},
            {"months", months}});
}

}  // namespace

void add_manifestation_report_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  add_guarded_route(routes, "GET", "/api/v1/reports/manifestations",
                    [&ctx](const http::Request& r) { return manifestations(ctx, r); });
}

}  // namespace guiche::api
