// GET /api/v1/reports/satisfaction and /api/v1/reports/charter: the
// satisfaction report and the charter panel of /relatorios as JSON
// (app/reports/satisfaction_report.hpp, app/reports/charter_panel.hpp), with
// the other reports' period, filters and authorization
// (app/reports/report_query.hpp). The comments are paged by the keyset
// `after` (the previous page's next_after).
#include "api/access_reads.hpp"
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/reports/charter_panel.hpp"
#include "app/reports/report_query.hpp"
#include "app/reports/satisfaction_report.hpp"
#include "domain/error.hpp"
#include "domain/report_day.hpp"

namespace guiche::api {
namespace {

template <typename T>
nlohmann::json rating_or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json rating_query_json(const app::ReportQuery& q) {
  return {{"from", report_day_iso(q.first_day)},
          {"to", report_day_iso(q.last_day)},
          {"unit", rating_or_null(q.unit_id)},
          {"organization", rating_or_null(q.organization_id)},
          {"service", rating_or_null(q.service_id)},
          {"severity", rating_or_null(q.severity)},
          {"channel", rating_or_null(q.channel)},
          {"category", rating_or_null(q.category)}};
}

nlohmann::json rating_line_json(const app::RatingLine& l) {
  return {{"key", l.key},
          {"label", l.label},
          {"asked", l.counts.asked},
          {"rated", l.counts.rated()},
          {"stars", l.counts.stars},
          {"commented", l.counts.commented},
          {"response_percent", rating_or_null(l.response_percent)},
          {"average", rating_or_null(l.average)}};
}

nlohmann::json satisfaction_json(const app::SatisfactionReport& r) {
  auto lines = [](const std::vector<app::RatingLine>& ls) {
    auto out = nlohmann::json::array();
    for (const auto& l : ls) out.push_back(rating_line_json(l));
    return out;
  };
  auto comments = nlohmann::json::array();
  for (const auto& c : r.comments) {
    comments.push_back({{"ticket_id", c.row.ticket_id},
                        {"protocol", c.row.protocol},
                        {"service", c.service},
                        {"unit", c.unit},
                        {"rating", c.row.rating},
                        {"comment", c.row.comment},
                        {"resolved_at", format_utc(c.row.resolved_at)}});
  }
  return {{"query", rating_query_json(r.query)},
          {"counting_percent", rating_or_null(r.counting_percent)},
          {"total", rating_line_json(r.total)},
          {"by_service", lines(r.by_service)},
          {"by_unit", lines(r.by_unit)},
          {"comments", comments},
          {"next_after",
           r.next ? nlohmann::json(app::rating_cursor_text(*r.next)) : nlohmann::json(nullptr)}};
}

nlohmann::json charter_panel_json(const app::CharterPanel& p) {
  auto services = nlohmann::json::array();
  for (const auto& s : p.services) {
    const auto& f = s.figures;
    services.push_back(
        {{"service_id", s.service_id},
         {"code", s.code},
         {"name", s.name},
         {"unit", s.unit},
         {"deadline", s.deadline},
         {"registered", f.registered},
         {"resolved", f.resolved},
         {"median_resolution_ms",
          f.median_resolution ? nlohmann::json(f.median_resolution->count()) : nullptr},
         {"in_time_percent", f.in_time_share ? nlohmann::json(*f.in_time_share * 100.0) : nullptr},
         {"ratings", f.ratings},
         {"mean_rating", rating_or_null(f.mean_rating)}});
  }
  auto month = [](int m) {
    return std::to_string(m / 100) + "-" + (m % 100 < 10 ? "0" : "") + std::to_string(m % 100);
  };
  return {{"query", rating_query_json(p.query)},
          {"first_month", month(p.first_month)},
          {"last_month", month(p.last_month)},
          {"services", services}};
}

app::ReportQuery rating_request_query(ApiContext& ctx, const http::Request& r) {
  return app::parse_report_query([&r](const char* name) { return r.query_value(name); },
                                 ctx.desk.reports().today());
}

http::Response satisfaction_report(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  const auto q = rating_request_query(ctx, r);
  std::optional<store::RatingCursor> after;
  if (auto text = r.query_value("after"); text && !text->empty()) {
    after = app::parse_rating_cursor(*text);
    if (!after) throw invalid_field("after", "after deve ser o next_after da página anterior.");
  }
  const int limit = query_limit(r.query_value("limit"));
  const auto report = ctx.desk.satisfaction_reports().satisfaction(actor, q, after, limit);
  // A comment is its requester's words (LGPD art. 37: each read is logged).
  for (const auto& c : report.comments) {
    note_api_read(ctx, actor, r, c.row.requester_id, "rating_comment", c.row.ticket_id);
  }
  return json_response(200, satisfaction_json(report));
}

http::Response charter_panel_report(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  return json_response(200, charter_panel_json(ctx.desk.charter_panels().panel(
                                actor, rating_request_query(ctx, r))));
}

}  // namespace

void add_satisfaction_report_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  add_guarded_route(routes, "GET", "/api/v1/reports/satisfaction",
                    [&ctx](const http::Request& r) { return satisfaction_report(ctx, r); });
  add_guarded_route(routes, "GET", "/api/v1/reports/charter",
                    [&ctx](const http::Request& r) { return charter_panel_report(ctx, r); });
}

}  // namespace guiche::api
