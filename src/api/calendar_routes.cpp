// Business calendars: the built-in and stored ones (staff read, admins
// define), the pontos facultativos admins load each year, and a year's
// holidays, which are public. The desk decides who may do what.
#include "api/calendar_json.hpp"
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/calendars/calendars.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

// "2026" -> 2026; anything else is a 422 naming `year`.
int year_from(const std::optional<std::string>& text) {
  if (!text || text->size() != 4 || text->find_first_not_of("0123456789") != std::string::npos)
    throw invalid_field("year", "Informe o ano com quatro dígitos (ex.: 2026).");
  return std::stoi(*text);
}

}  // namespace

void add_calendar_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/api/v1/calendars", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    for (const auto& c : desk.calendars().calendars(actor)) items.push_back(calendar_json(c));
    return items_response(items);
  });
  add_guarded_route(
      routes, "GET", "/api/v1/calendars/:name", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto name = decoded_segment(r.params.at("name"));
        return json_response(200, calendar_json(desk.calendars().calendar(actor, name)));
      });
  add_guarded_route(
      routes, "PUT", "/api/v1/calendars/:name", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto name = decoded_segment(r.params.at("name"));
        auto body = strict_body(ctx, r, {"parent", "time_zone", "working_hours", "holidays"});
        return json_response(200, calendar_json(desk.calendars().save_calendar(
                                      actor, calendar_spec_from(name, body))));
      });
  // Holidays are public (they are published by law and decree): no caller needed.
  add_guarded_route(
      routes, "GET", "/api/v1/calendars/:name/holidays", [&desk](const http::Request& r) {
        const auto name = decoded_segment(r.params.at("name"));
        auto items = nlohmann::json::array();
        for (const auto& d :
             desk.calendars().calendar_holidays(name, year_from(r.query_value("year"))))
          items.push_back(closed_day_json(d));
        return items_response(items);
      });
  add_guarded_route(routes, "PUT", "/api/v1/calendars/:name/optional-days/:year",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto name = decoded_segment(r.params.at("name"));
                      const int year = year_from(r.params.at("year"));
                      auto body = strict_body(ctx, r, {"items"});
                      auto items = nlohmann::json::array();
                      for (const auto& d : desk.calendars().load_optional_days(
                               actor, name, year, dated_closures_from(body)))
                        items.push_back(dated_closure_json(d));
                      return items_response(items);
                    });
}

}  // namespace guiche::api
