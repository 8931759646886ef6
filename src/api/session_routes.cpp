// POST /api/v1/session (sign in), DELETE /api/v1/session (sign out),
// GET /api/v1/session (who am I), POST /api/v1/session/password.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/accounts/accounts.hpp"
#include "app/text_rules.hpp"

namespace guiche::api {
namespace {

std::string string_field(const nlohmann::json& body, const char* name, const char* label) {
  if (!body.contains(name) || !body[name].is_string()) {
    throw invalid_field(name, app::required_message(label));
  }
  return body[name].get<std::string>();
}

nlohmann::json person_summary(const Person& p) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& g : p.roles) {
    roles.push_back({{"role", role_code(g.role)},
                     {"unit_id", g.unit_id ? nlohmann::json(*g.unit_id) : nullptr}});
  }
  return {{"id", p.id},
          {"name", p.name},
          {"login", p.login ? nlohmann::json(*p.login) : nullptr},
          {"organization_id", p.organization_id ? nlohmann::json(*p.organization_id) : nullptr},
          {"roles", roles},
          {"must_change_password", p.must_change_password}};
}

}  // namespace

void add_session_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back(
      {"POST", "/api/v1/session", [&ctx](const http::Request& r) {
         return guarded([&] {
           auto body = json_body(r, ctx.max_json_bytes);
           auto grant = ctx.desk.accounts().sign_in(string_field(body, "login", "O login"),
                                                    string_field(body, "password", "A senha"),
                                                    r.remote_address);
           auto response = json_response(201, {{"person", person_summary(grant.person)},
                                               {"csrf_token", grant.csrf_token},
                                               {"expires_at", format_utc(grant.expires_at)}});
           const long max_age =
               std::chrono::duration_cast<std::chrono::seconds>(ctx.desk.config().session_lifetime)
                   .count();
           response.headers.emplace_back(
               "Set-Cookie", session_cookie(ctx.secure_cookies, grant.session_id, max_age));
           return response;
         });
       }});
  routes.push_back({"GET", "/api/v1/session", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        return json_response(200, {{"person", person_summary(actor.person)}});
                      });
                    }});
  routes.push_back({"DELETE", "/api/v1/session", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        require_caller(ctx, r);
                        if (auto cookie = r.cookie(kSessionCookie))
                          ctx.desk.accounts().sign_out(*cookie);
                        http::Response response{204, "application/json", "", {}};
                        response.headers.emplace_back("Set-Cookie",
                                                      session_cookie(ctx.secure_cookies, "", 0));
                        return response;
                      });
                    }});
  routes.push_back({"POST", "/api/v1/session/password", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        auto actor = require_caller(ctx, r);
                        auto body = json_body(r, ctx.max_json_bytes);
                        const auto current =
                            string_field(body, "current_password", "A senha atual");
                        const auto next = string_field(body, "new_password", "A nova senha");
                        // The use case says "password" for the new one.
                        return with_api_fields({{"password", "new_password"}}, [&] {
                          ctx.desk.accounts().change_password(actor, current, next);
                          return http::Response{204, "application/json", "", {}};
                        });
                      });
                    }});
}

}  // namespace guiche::api
