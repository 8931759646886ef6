// GET /api/v1/reports/sla-compliance and /api/v1/reports/volume: the
// reports of /relatorios as JSON (app/reports/reports.hpp), for admins, the
// leadership and unit managers (their units and those below), with the same
// period and filters (app/reports/report_query.hpp). The breached tickets
// are paged by the keyset `after` (the previous page's next_after).
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/report_json.hpp"
#include "api/route_groups.hpp"
#include "app/reports/report_query.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

app::ReportQuery report_request_query(ApiContext& ctx, const http::Request& r) {
  return app::parse_report_query([&r](const char* name) { return r.query_value(name); },
                                 ctx.desk.reports().today());
}

http::Response sla_compliance(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  const auto q = report_request_query(ctx, r);
  std::optional<store::BreachCursor> after;
  if (auto text = r.query_value("after"); text && !text->empty()) {
    after = app::parse_report_cursor(*text);
    if (!after) throw invalid_field("after", "after deve ser o next_after da página anterior.");
  }
  const int limit = query_limit(r.query_value("limit"));
  return json_response(
      200, sla_compliance_json(ctx.desk.reports().sla_compliance(actor, q, after, limit)));
}

http::Response volume(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  return json_response(200,
                       volume_json(ctx.desk.reports().volume(actor, report_request_query(ctx, r))));
}

}  // namespace

void add_report_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  add_guarded_route(routes, "GET", "/api/v1/reports/sla-compliance",
                    [&ctx](const http::Request& r) { return sla_compliance(ctx, r); });
  add_guarded_route(routes, "GET", "/api/v1/reports/volume",
                    [&ctx](const http::Request& r) { return volume(ctx, r); });
}

}  // namespace guiche::api
