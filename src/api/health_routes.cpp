// Health for load balancers and service managers. /api/v1/health/live says
// the process answers (it touches nothing); /api/v1/health/ready says this
// node can do its work: the database answers, its schema is the one this
// binary expects, and the background workers are turning. /api/v1/health is
// the first check load balancers were given and stays as it was.
#include <memory>

#include "api/health_probe.hpp"
#include "api/openapi.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "observability/heartbeats.hpp"
#include "store/migrations/migrations.hpp"

namespace guiche::api {
namespace {

std::string engine_name(store::Database& db) {
  return db.dialect() == store::Dialect::sqlite ? "sqlite" : "postgresql";
}

http::Response readiness(store::Database& db, HealthProbe& probe, int expected) {
  nlohmann::ordered_json body = {{"status", "ready"}, {"database", engine_name(db)}};
  std::vector<std::string> problems;
  try {
    const int version = probe.schema_version(db);
    body["schema_version"] = version;
    if (version != expected)
      problems.push_back("o esquema do banco está na versão " + std::to_string(version) +
                         " e este binário espera a " + std::to_string(expected));
  } catch (const std::exception&) {
    problems.push_back("o banco de dados não responde");
  }
  body["workers"] = nlohmann::ordered_json::array();
  for (const auto& w : observability::heartbeats().roll()) {
    const bool stalled = w.since_beat > w.limit;
    body["workers"].push_back({{"name", w.worker},
                               {"seconds_since_beat", w.since_beat.count() / 1000.0},
                               {"stalled", stalled}});
    if (stalled) problems.push_back("o processo de fundo " + w.worker + " parou de responder");
  }
  if (problems.empty()) return http::Response{200, "application/json", body.dump(), {}};
  std::string detail;
  for (const auto& p : problems) detail += (detail.empty() ? "" : "; ") + p;
  auto refusal = problem(503, "Nó não está pronto", detail + ".");
  auto problem_body = nlohmann::ordered_json::parse(refusal.body);
  problem_body["checks"] = body;
  refusal.body = problem_body.dump();
  return refusal;
}

}  // namespace

void add_health_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  auto probe = std::make_shared<HealthProbe>(std::chrono::seconds(1));
  routes.push_back({"GET", "/api/v1/health", [&ctx, probe](const http::Request&) {
                      return guarded([&] {
                        nlohmann::ordered_json body = {
                            {"status", "ok"},
                            {"database", engine_name(ctx.desk.database())},
                            {"schema_version", probe->schema_version(ctx.desk.database())}};
                        return http::Response{200, "application/json", body.dump(), {}};
                      });
                    }});
  routes.push_back({"GET", "/api/v1/health/live", [](const http::Request&) {
                      return http::Response{200, "application/json", R"({"status":"alive"})", {}};
                    }});
  // The schema this binary was built for: a node started before an upgrade
  // finished migrating, or after a newer node migrated past it, is not ready.
  const int expected = store::migrations_for(ctx.desk.database().dialect()).back().version;
  routes.push_back({"GET", "/api/v1/health/ready", [&ctx, probe, expected](const http::Request&) {
                      return readiness(ctx.desk.database(), *probe, expected);
                    }});
  routes.push_back({"GET", "/api/v1/openapi.json", [](const http::Request&) {
                      return http::Response{200, "application/json", openapi_document().dump(), {}};
                    }});
}

}  // namespace guiche::api
