// GET /api/v1/access-log (LGPD art. 37): admins and the encarregado de dados
// read it (200), everyone else gets 403 in problem+json with a pt-BR detail;
// filters and keyset pages; a read with a personal token names the token.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/privacy/access_log.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class AccessLogApiTest : public ApiTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = ApiTest::desk_config();
    config.access_log.flush_interval = std::chrono::hours(1);  // the test flushes
    return config;
  }
};

TEST_P(AccessLogApiTest, AdminsAndTheEncarregadoReadItEveryoneElseGets403) {
  const Person dpo = create_data_protection_officer();
  EXPECT_EQ(call("GET", "/api/v1/access-log", sign_in(w.admin)).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/access-log", sign_in(dpo)).status, 200);
  for (const auto& p : {w.attendant, w.analyst_sis, w.analyst_dba, w.manager_gesin,
                        w.relations_agent, w.requester_seger, w.manager_seger, w.citizen}) {
    const auto r = call("GET", "/api/v1/access-log", sign_in(p));
    EXPECT_EQ(r.status, 403) << p.name;
    EXPECT_THAT(r.headers.at("content-type"), HasSubstr("application/problem+json"));
    EXPECT_THAT(r.json().value("detail", ""), HasSubstr("encarregado de dados")) << p.name;
  }
  EXPECT_EQ(raw("GET", "/api/v1/access-log").status, 401);
}

TEST_P(AccessLogApiTest, FiltersAndKeysetPagesNewestFirst) {
  const Ticket t = register_sis(w.requester_seger);
  const auto agent = sign_in(w.attendant);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(call("GET", "/api/v1/tickets/" + std::to_string(t.id), agent).status, 200);
    clock.advance(std::chrono::minutes(1));
  }
  ASSERT_EQ(
      call("GET", "/api/v1/people/" + std::to_string(w.requester_sesa.id), sign_in(w.admin)).status,
      200);
  desk->access_log().flush();
  const auto admin = sign_in(w.admin);
  const std::string base =
      "/api/v1/access-log?subject_person_id=" + std::to_string(w.requester_seger.id) + "&limit=2";
  auto first = call("GET", base, admin);
  ASSERT_EQ(first.status, 200) << first.body;
  auto body = first.json();
  ASSERT_EQ(body["items"].size(), 2u);
  EXPECT_EQ(body["items"][0]["reader_person_id"], w.attendant.id);
  EXPECT_EQ(body["items"][0]["reader_name"], w.attendant.name);
  EXPECT_EQ(body["items"][0]["subject_person_id"], w.requester_seger.id);
  EXPECT_EQ(body["items"][0]["object_kind"], "ticket");
  EXPECT_EQ(body["items"][0]["object_id"], t.id);
  EXPECT_EQ(body["items"][0]["channel"], "api");
  EXPECT_GT(body["items"][0]["at"].get<std::string>(), body["items"][1]["at"].get<std::string>());
  ASSERT_TRUE(body["next_after"].is_string());
  auto second = call("GET", base + "&after=" + body["next_after"].get<std::string>(), admin);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.json()["items"].size(), 1u);
  EXPECT_TRUE(second.json()["next_after"].is_null());

  const auto by_reader =
      call("GET", "/api/v1/access-log?reader_person_id=" + std::to_string(w.admin.id), admin);
  ASSERT_EQ(by_reader.json()["items"].size(), 1u);
  EXPECT_EQ(by_reader.json()["items"][0]["subject_person_id"], w.requester_sesa.id);
  EXPECT_EQ(by_reader.json()["items"][0]["object_kind"], "person");

  // The period [since, until): the first read only.
  const auto period =
      call("GET",
           "/api/v1/access-log?since=" + format_utc(clock.now() - std::chrono::minutes(3)) +
               "&until=" + format_utc(clock.now() - std::chrono::minutes(2)),
           admin);
  ASSERT_EQ(period.status, 200) << period.body;
  EXPECT_EQ(period.json()["items"].size(), 1u);
}

TEST_P(AccessLogApiTest, BadParametersAre422Or400AndNameTheField) {
  const auto admin = sign_in(w.admin);
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"since=ontem", "since"},
           {"until=2026-13-01T00:00:00Z", "until"},
           {"after=xyz", "after"},
           {"limit=0", "limit"},
           {"since=2026-03-02T12:00:00Z&until=2026-03-01T12:00:00Z", "until"}}) {
    const auto r = call("GET", "/api/v1/access-log?" + query, admin);
    EXPECT_TRUE(r.status == 422 || r.status == 400) << query << " " << r.status;
    EXPECT_THAT(r.body, HasSubstr(field)) << query;
  }
}

TEST_P(AccessLogApiTest, AReadWithAPersonalTokenNamesTheToken) {
  const Ticket t = register_sis(w.requester_seger);
  const auto token = desk->accounts().create_api_token(as(w.admin), w.attendant.id, "integração");
  ASSERT_EQ(raw("GET", "/api/v1/tickets/" + std::to_string(t.id),
                {{"Authorization", "Bearer " + token.secret}})
                .status,
            200);
  desk->access_log().flush();
  const auto r = call("GET", "/api/v1/access-log", sign_in(w.admin));
  ASSERT_EQ(r.json()["items"].size(), 1u);
  EXPECT_EQ(r.json()["items"][0]["reader_token_id"], token.id);
  EXPECT_EQ(r.json()["items"][0]["reader_person_id"], w.attendant.id);
  EXPECT_EQ(r.json()["items"][0]["reader_address"], "127.0.0.1");
}

TEST_P(AccessLogApiTest, AnAdminGrantsTheEncarregadoRoleThroughTheApi) {
  const auto admin = sign_in(w.admin);
  const auto created = call("POST", "/api/v1/people", admin,
                            R"({"name":"Eva Encarregada","emails":["eva@prodest.es.gov.br"],)"
                            R"("roles":[{"role":"data_protection_officer"}]})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["roles"][0]["role"], "data_protection_officer");
  const auto eva = desk->accounts().actor(created.json()["id"].get<std::int64_t>());
  EXPECT_EQ(call("GET", "/api/v1/access-log", sign_in(eva.person)).status, 200);
}

GUICHE_ON_BOTH_ENGINES(AccessLogApiTest);

}  // namespace
}  // namespace guiche::testing
