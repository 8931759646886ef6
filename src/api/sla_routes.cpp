// SLA: a ticket's explained clock, the SLA configuration and the progress of
// the clocks' recompute that a change of it starts.
#include "api/caller.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "api/sla_json.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/tickets/ticket_reads.hpp"

namespace guiche::api {

void add_sla_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  auto route = [&](const char* method, const char* path,
                   std::function<http::Response(const http::Request&)> handler) {
    routes.push_back({method, path, [handler](const http::Request& r) {
                        return guarded([&] { return handler(r); });
                      }});
  };
  route("GET", "/api/v1/tickets/:id/sla", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    const auto id = path_id(r.params.at("id"));
    return json_response(200, sla_timeline_json(id, ctx.desk.tickets().ticket_sla(actor, id)));
  });
  route("GET", "/api/v1/sla/configuration", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    return json_response(200, sla::to_json(ctx.desk.sla().sla_configuration(actor)));
  });
  route("PUT", "/api/v1/sla/configuration", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = json_body(r, ctx.max_json_bytes);
    return json_response(200, sla::to_json(ctx.desk.sla().update_sla_configuration(actor, body)));
  });
  route("GET", "/api/v1/sla/recompute", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    return json_response(200, sla_recompute_json(ctx.desk.sla_recompute().job(actor)));
  });
}

}  // namespace guiche::api
