// Scheduled reports (app/reports/report_subscriptions.hpp): the caller's own
// subscriptions, to list, create and cancel. GET and POST
// /api/v1/reports/subscriptions, DELETE /api/v1/reports/subscriptions/:id.
// The filters are the reports' (unit, organization, service, severity,
// channel, category, target; kind for the manifestações), checked as the
// report reads them.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/reports/report_query.hpp"
#include "app/reports/report_subscriptions.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

nlohmann::json subscription_json(const store::ReportSubscription& s) {
  return {{"id", s.id},
          {"report", s.report},
          {"frequency", s.frequency},
          {"filters", nlohmann::json::parse(s.query, nullptr, false)},
          {"next_run_at", format_utc(s.next_run_at)},
          {"last_period", s.last_period ? nlohmann::json(*s.last_period) : nlohmann::json()},
          {"created_at", format_utc(s.created_at)}};
}

// The filters of the body by the reports' query parameters' names; each
// report's own are checked by the subscription (app/reports/report_subscriptions.hpp).
app::ReportFilters body_filters(const nlohmann::json& body) {
  app::ReportFilters out;
  if (!body.contains("filters")) return out;
  const auto& filters = body["filters"];
  if (!filters.is_object()) throw invalid_field("filters", "filters deve ser um objeto.");
  reject_unknown_fields(filters, {"unit", "organization", "service", "severity", "channel",
                                  "category", "target", "kind"});
  for (const auto& [name, v] : filters.items()) {
    if (v.is_null()) continue;
    if (!v.is_string() && !v.is_number_integer()) {
      throw invalid_field("filters", "O filtro " + name + " deve ser um texto ou um número.");
    }
    out[name] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

}  // namespace

void add_report_subscription_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/api/v1/reports/subscriptions",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      auto items = nlohmann::json::array();
                      for (const auto& s : desk.report_subscriptions().mine(actor)) {
                        items.push_back(subscription_json(s));
                      }
                      return items_response(items);
                    });
  add_guarded_route(
      routes, "POST", "/api/v1/reports/subscriptions", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        auto body = strict_body(ctx, r, {"report", "frequency", "filters"});
        const auto filters = body_filters(body);
        const auto s = desk.report_subscriptions().subscribe(
            actor, required_string(body, "report"), required_string(body, "frequency"), filters);
        return created(subscription_json(s),
                       "/api/v1/reports/subscriptions/" + std::to_string(s.id));
      });
  add_guarded_route(routes, "DELETE", "/api/v1/reports/subscriptions/:id",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      desk.report_subscriptions().cancel(actor, path_id(r.params.at("id")));
                      return no_content();
                    });
}

}  // namespace guiche::api
