// Zabbix's webhook (contrib/zabbix/guiche_media_type.yaml; the body its script
// posts is tests/api/data/zabbix_problem.json, checked by
// tests/contrib/check_zabbix_media_type.py) with a staff account's token: a
// problem, re-sent and then recovered, makes one unpublished incident draft of
// the component its tags name, never published by itself; bad payloads get
// 400 problem+json and change nothing.
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

class ZabbixApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    i = add_incident_world(*desk, w, as(w.admin));
    token = desk->accounts().create_api_token(as(w.attendant), w.attendant.id, "Zabbix").secret;
    std::ifstream file(std::string(GUICHE_API_DATA_DIR) + "/zabbix_problem.json");
    std::stringstream text;
    text << file.rdbuf();
    problem = json::parse(text.str());
  }
  HttpResult post(const std::string& body, const std::string& bearer) {
    return raw("POST", "/api/v1/monitoring/zabbix",
               {{"Authorization", "Bearer " + bearer}, {"Content-Type", "application/json"}}, body);
  }
  IncidentWorld i;
  std::string token;
  json problem;
};

TEST_P(ZabbixApiTest, AProblemResentAndRecoveredMakesOneDraftNeverPublished) {
  auto r = post(problem.dump(), token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["alerts"], 1);
  EXPECT_EQ(r.json()["unmapped"], 0);
  ASSERT_EQ(r.json()["notice_ids"].size(), 1u);
  const auto id = r.json()["notice_ids"][0].get<std::int64_t>();
  auto v = desk->status_notices().notice(as(w.admin), id);
  EXPECT_EQ(v.notice.reporter_kind, ReporterKind::monitoring);
  EXPECT_EQ(v.notice.state, NoticeState::reported);
  EXPECT_EQ(v.notice.component_ids, std::vector<std::int64_t>{i.sigefes.id}) << "tag component";
  EXPECT_EQ(v.notice.title, "SIGEFES não responde") << "the trigger's name";
  EXPECT_THAT(v.events.at(0).data.dump(), ::testing::HasSubstr("srv-folha-01"));
  EXPECT_FALSE(v.notice.public_state);
  const auto notices = count("status_notices");

  // Re-sent (an update operation, a retry): nothing new.
  r = post(problem.dump(), token);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["notice_ids"], json::array({id}));
  EXPECT_EQ(count("status_notices"), notices);
  EXPECT_EQ(count("monitoring_alerts"), 1);

  // The recovery names the problem's event: "monitoring says resolved", still a draft.
  json recovery = problem;
  recovery["event_value"] = "0";
  ASSERT_EQ(post(recovery.dump(), token).status, 200);
  v = desk->status_notices().notice(as(w.admin), id);
  EXPECT_TRUE(v.notice.monitoring_resolved_at);
  EXPECT_EQ(v.notice.state, NoticeState::reported);
  EXPECT_FALSE(v.notice.public_state);
  EXPECT_EQ(count("status_notices"), notices);
  EXPECT_EQ(count("monitoring_alerts"), 1);
}

TEST_P(ZabbixApiTest, TagsAsAnObjectAndNumbersForIdsAreReadToo) {
  json body = problem;
  body["event_id"] = 4402;
  body["event_value"] = 1;
  body["tags"] = {{"service", "Rede Metropolitana"}};
  auto r = post(body.dump(), token);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto id = r.json()["notice_ids"][0].get<std::int64_t>();
  EXPECT_EQ(desk->status_notices().notice(as(w.admin), id).notice.component_ids,
            std::vector<std::int64_t>{i.network.id});
  // No tag naming a component: kept, shown to nobody yet.
  body["event_id"] = "4403";
  body["tags"] = json::array();
  r = post(body.dump(), token);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["unmapped"], 1);
}

TEST_P(ZabbixApiTest, BadPayloadsAre400AndChangeNothing) {
  const auto before = database_fingerprint(*database);
  auto without = [&](const char* field) {
    json b = problem;
    b.erase(field);
    return b.dump();
  };
  auto with = [&](const char* field, json value) {
    json b = problem;
    b[field] = std::move(value);
    return b.dump();
  };
  for (const auto& body :
       {without("event_id"), without("event_value"), without("event_time"), without("trigger_name"),
        with("event_id", ""), with("event_value", "2"), with("event_value", true),
        with("event_time", "2026.03.02 09:00:00"), with("tags", "component:SIGEFES"),
        with("tags", json::array({{{"value", "SIGEFES"}}})),
        with("tags", json::array({{{"tag", "component"}, {"value", 3}}})),
        with("host", json::object()), std::string("[1,2]"), std::string("{nem json")}) {
    SCOPED_TRACE(body.substr(0, 120));
    auto r = post(body, token);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    EXPECT_FALSE(r.json().value("detail", "").empty());
  }
  EXPECT_EQ(database_fingerprint(*database), before);
  EXPECT_EQ(post(problem.dump(), "token-que-nao-existe").status, 401);
  EXPECT_EQ(database_fingerprint(*database), before);
}

GUICHE_ON_BOTH_ENGINES(ZabbixApiTest);

}  // namespace
}  // namespace guiche::testing
