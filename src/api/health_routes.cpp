#include <memory>

#include "api/health_probe.hpp"
#include "api/openapi.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"

namespace guiche::api {

void add_health_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  auto probe = std::make_shared<HealthProbe>(std::chrono::seconds(1));
  routes.push_back({"GET", "/api/v1/health", [&ctx, probe](const http::Request&) {
                      return guarded([&] {
                        nlohmann::ordered_json body = {
                            {"status", "ok"},
                            {"database", ctx.desk.database().dialect() == store::Dialect::sqlite
                                             ? "sqlite"
                                             : "postgresql"},
                            {"schema_version", probe->schema_version(ctx.desk.database())}};
                        return http::Response{200, "application/json", body.dump(), {}};
                      });
                    }});
  routes.push_back({"GET", "/api/v1/openapi.json", [](const http::Request&) {
                      return http::Response{200, "application/json", openapi_document().dump(), {}};
                    }});
}

}  // namespace guiche::api
