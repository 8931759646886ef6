// Prometheus Alertmanager's webhook (tests/api/data/alertmanager_firing.json,
// payload version 4) posted with a staff account's token: fired, re-sent and
// resolved, it makes one unpublished incident draft, updated, never published
// by itself; bad payloads get 400 problem+json and change nothing.
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "app/incidents/status_notices.hpp"
#include "support/api_world.hpp"
#include "support/db_fingerprint.hpp"
#include "support/incident_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class MonitoringApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    i = add_incident_world(*desk, w, as(w.admin));
    token =
        desk->accounts().create_api_token(as(w.attendant), w.attendant.id, "Alertmanager").secret;
    std::ifstream file(std::string(GUICHE_API_DATA_DIR) + "/alertmanager_firing.json");
    std::stringstream text;
    text << file.rdbuf();
    firing = json::parse(text.str());
  }
  HttpResult post(const std::string& body, const std::string& bearer) {
    return raw("POST", "/api/v1/monitoring/alertmanager",
               {{"Authorization", "Bearer " + bearer}, {"Content-Type", "application/json"}}, body);
  }
  IncidentWorld i;
  std::string token;
  json firing;
};

TEST_P(MonitoringApiTest, FiredResentAndResolvedMakeOneDraftNeverPublished) {
  auto r = post(firing.dump(), token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["alerts"], 3);
  EXPECT_EQ(r.json()["unmapped"], 1) << "the backup disk names no component";
  ASSERT_EQ(r.json()["notice_ids"].size(), 1u) << "both SIGEFES alerts join one draft";
  const auto id = r.json()["notice_ids"][0].get<std::int64_t>();
  auto v = desk->status_notices().notice(as(w.admin), id);
  EXPECT_EQ(v.notice.reporter_kind, ReporterKind::monitoring);
  EXPECT_EQ(v.notice.state, NoticeState::reported);
  EXPECT_EQ(v.notice.title, "SIGEFES não responde");
  EXPECT_FALSE(v.notice.reported_by);
  EXPECT_FALSE(v.notice.public_state);
  const auto notices = count("status_notices");

  // Alertmanager re-sends the same alerts: nothing new.
  r = post(firing.dump(), token);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["notice_ids"], json::array({id}));
  EXPECT_EQ(count("status_notices"), notices);
  EXPECT_EQ(count("monitoring_alerts"), 3);

  // One resolves: still firing behind the draft.
  json resolved = firing;
  resolved["status"] = "resolved";
  resolved["alerts"].erase(2);
  resolved["alerts"][0]["status"] = "resolved";
  resolved["alerts"].erase(1);
  ASSERT_EQ(post(resolved.dump(), token).status, 200);
  EXPECT_FALSE(desk->status_notices().notice(as(w.admin), id).notice.monitoring_resolved_at);
  // Both resolved: "monitoring says resolved", and still a draft for people to decide.
  resolved = firing;
  resolved["alerts"].erase(2);
  for (auto& a : resolved["alerts"]) a["status"] = "resolved";
  ASSERT_EQ(post(resolved.dump(), token).status, 200);
  v = desk->status_notices().notice(as(w.admin), id);
  EXPECT_TRUE(v.notice.monitoring_resolved_at);
  EXPECT_EQ(v.notice.state, NoticeState::reported);
  EXPECT_FALSE(v.notice.public_state);
  EXPECT_EQ(count("status_notices"), notices);
}

TEST_P(MonitoringApiTest, BadPayloadsAre400AndChangeNothing) {
  const auto before = database_fingerprint(*database);
  json no_fingerprint = firing;
  no_fingerprint["alerts"][1].erase("fingerprint");
  json bad_time = firing;
  bad_time["alerts"][0]["startsAt"] = "ontem";
  json bad_status = firing;
  bad_status["alerts"][0]["status"] = "pegando fogo";
  json bad_labels = firing;
  bad_labels["alerts"][0]["labels"]["severity"] = 3;
  json old_version = firing;
  old_version["version"] = "3";
  for (const auto& body :
       {no_fingerprint.dump(), bad_time.dump(), bad_status.dump(), bad_labels.dump(),
        old_version.dump(), std::string(R"({"alerts":[]})"), std::string(R"({"status":"firing"})"),
        std::string("[1,2]"), std::string("{nem json")}) {
    SCOPED_TRACE(body.substr(0, 80));
    auto r = post(body, token);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    EXPECT_FALSE(r.json().value("detail", "").empty());
  }
  EXPECT_EQ(database_fingerprint(*database), before);
  EXPECT_EQ(post(firing.dump(), "token-que-nao-existe").status, 401);
}

GUICHE_ON_BOTH_ENGINES(MonitoringApiTest);

}  // namespace
}  // namespace guiche::testing
