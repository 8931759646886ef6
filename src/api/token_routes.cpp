// Personal API tokens: an integration sends one as "Authorization: Bearer …".
// The secret is shown once, in the creation's response; the desk keeps only
// its hash and decides who may create, list or revoke (the owner or an admin).
#include "api/caller.hpp"
#include "api/directory_json.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/accounts/accounts.hpp"

namespace guiche::api {

void add_token_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(
      routes, "GET", "/api/v1/people/:id/tokens", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        auto items = nlohmann::json::array();
        for (const auto& t : desk.accounts().api_tokens(actor, path_id(r.params.at("id")))) {
          items.push_back(token_json(t));
        }
        return items_response(items);
      });
  add_guarded_route(
      routes, "POST", "/api/v1/people/:id/tokens", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto person_id = path_id(r.params.at("id"));
        auto body = strict_body(ctx, r, {"name"});
        auto token =
            desk.accounts().create_api_token(actor, person_id, required_string(body, "name"));
        auto response =
            created(token_json(token), "/api/v1/people/" + std::to_string(person_id) + "/tokens");
        // The only response that carries the secret must not linger in caches.
        response.headers.emplace_back("Cache-Control", "no-store");
        return response;
      });
  add_guarded_route(routes, "DELETE", "/api/v1/tokens/:id", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    desk.accounts().revoke_api_token(actor, path_id(r.params.at("id")));
    return no_content();
  });
}

}  // namespace guiche::api
