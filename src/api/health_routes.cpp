#include "api/openapi.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "store/migrations/migrations.hpp"

namespace guiche::api {

void add_health_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/api/v1/health", [&ctx](const http::Request&) {
                      return guarded([&] {
                        nlohmann::ordered_json body = {
                            {"status", "ok"},
                            {"database", ctx.desk.database().dialect() == store::Dialect::sqlite
                                             ? "sqlite"
                                             : "postgresql"},
                            {"schema_version", store::schema_version(ctx.desk.database())}};
                        return http::Response{200, "application/json", body.dump(), {}};
                      });
                    }});
  routes.push_back({"GET", "/api/v1/openapi.json", [](const http::Request&) {
                      return http::Response{200, "application/json", openapi_document().dump(), {}};
                    }});
}

}  // namespace guiche::api
