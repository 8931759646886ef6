// Liveness and readiness for load balancers (api/health_routes.cpp): /live
// answers without the database; /ready refuses, naming why, while a worker is
// stalled or the schema is not the one this binary expects.
#include <gmock/gmock.h>

#include "observability/heartbeats.hpp"
#include "store/migrations/migrations.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class ReadinessApiTest : public ApiTest {};

TEST_P(ReadinessApiTest, LiveAnswersAndReadyListsTheWorkers) {
  auto beat = observability::heartbeats().enroll("outbox (teste)", std::chrono::minutes(5));
  auto live = raw("GET", "/api/v1/health/live");
  EXPECT_EQ(live.status, 200);
  EXPECT_EQ(live.json()["status"], "alive");
  auto ready = raw("GET", "/api/v1/health/ready");
  ASSERT_EQ(ready.status, 200) << ready.body;
  const auto body = ready.json();
  EXPECT_EQ(body["status"], "ready");
  EXPECT_EQ(body["schema_version"],
            store::migrations_for(desk->database().dialect()).back().version);
  bool listed = false;
  for (const auto& w : body["workers"]) listed = listed || w["name"] == "outbox (teste)";
  EXPECT_TRUE(listed) << ready.body;
}

TEST_P(ReadinessApiTest, AStalledWorkerMakesTheNodeNotReadyUntilItBeatsAgain) {
  auto beat = observability::heartbeats().enroll("outbox (parado)", std::chrono::milliseconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  auto refused = raw("GET", "/api/v1/health/ready");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.headers["content-type"], "application/problem+json");
  EXPECT_THAT(refused.json()["detail"].get<std::string>(), HasSubstr("outbox (parado)"));
  // Liveness does not care: restarting the process is not the cure.
  EXPECT_EQ(raw("GET", "/api/v1/health/live").status, 200);
  beat = {};  // the worker stopped and left the roll
  EXPECT_EQ(raw("GET", "/api/v1/health/ready").status, 200);
}

TEST_P(ReadinessApiTest, ASchemaAheadOfThisBinaryMakesTheNodeNotReady) {
  // What a newer node leaves when it migrates the shared database past this one.
  desk->database().write([](store::Connection& c) {
    c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'nova', 0)");
  });
  // The node looks at the schema at most once a second (api/health_probe.hpp);
  // the set-up's first request just looked.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto refused = raw("GET", "/api/v1/health/ready");
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_THAT(refused.json()["detail"].get<std::string>(), HasSubstr("9999"));
  EXPECT_EQ(raw("GET", "/api/v1/health/live").status, 200);
}

GUICHE_ON_BOTH_ENGINES(ReadinessApiTest);

}  // namespace
}  // namespace guiche::testing
