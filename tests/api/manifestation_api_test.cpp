// Manifestações through the API, on both engines (api/manifestation_routes.cpp):
// registered without an account, tracked and complemented by protocol and
// code, worked by the ouvidoria (complement, extension, answer); a
// confidential author's identity reaches no one without the ouvidoria role;
// a wrong code answers exactly as an unknown protocol; bad input is a pt-BR
// problem+json 422 that stores nothing.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class ManifestationApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    ombudsman = create_ombudsman();
    ouvidoria = sign_in(ombudsman);
  }
  HttpResult post_public(const std::string& target, const json& body) {
    return raw("POST", target, {{"Content-Type", "application/json"}}, body.dump());
  }
  json registered(const std::string& identification = "confidential") {
    const auto r =
        post_public("/api/v1/manifestations", {{"kind", "complaint"},
                                               {"identification", identification},
                                               {"service_code", "SUP-TEC"},
                                               {"subject", "Atendimento demorado"},
                                               {"description", "Três dias sem resposta."},
                                               {"name", "Ana Sigilosa"},
                                               {"email", "ana@exemplo.com.br"},
                                               {"cpf", "52998224725"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json();
  }
  Person ombudsman;
  Browser ouvidoria;
};

TEST_P(ManifestationApiTest, RegisteredWithoutAccountWorkedByTheOuvidoriaAndTrackedByCode) {
  const auto receipt = registered();
  const std::string protocol = receipt["protocol"];
  const std::string code = receipt["tracking_code"];
  EXPECT_EQ(protocol, "OUV-2026-000001");
  EXPECT_EQ(receipt["due_on"], "2026-04-01");

  auto r = call("GET", "/api/v1/manifestations", ouvidoria);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto queue = r.json();
  ASSERT_EQ(queue["items"].size(), 1u);
  const auto id = queue["items"][0]["id"].get<std::int64_t>();
  EXPECT_EQ(queue["items"][0]["manifestant"]["name"], "Ana Sigilosa");
  EXPECT_EQ(queue["items"][0]["deadline_standing"], "on_time");
  const auto url = "/api/v1/manifestations/" + std::to_string(id);

  r = call("POST", url + "/complement-request", ouvidoria, R"({"text":"Qual o protocolo?"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "awaiting_complement");
  EXPECT_EQ(r.json()["complement_due_on"], "2026-03-22");
  clock.advance(std::chrono::days{5});
  r = post_public("/api/v1/manifestations/track/complement",
                  {{"protocol", protocol}, {"tracking_code", code}, {"text", "É o 2026-000001."}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "open");
  ouvidoria = sign_in(ombudsman);               // the session of five days ago expired
  EXPECT_EQ(r.json()["due_on"], "2026-04-06");  // 2026-04-01 plus the five days waited
  r = call("POST", url + "/extension", ouvidoria, R"({"reason":"Depende da SEGER."})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["due_on"], "2026-05-06");
  r = call("POST", url + "/extension", ouvidoria, R"({"reason":"De novo."})");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.headers.at("content-type"), "application/problem+json");
  r = call("POST", url + "/answer", ouvidoria, R"({"text":"Chamado priorizado."})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "answered");

  r = post_public("/api/v1/manifestations/track",
                  {{"protocol", protocol}, {"tracking_code", code}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto tracked = r.json();
  EXPECT_EQ(tracked["answer"], "Chamado priorizado.");
  EXPECT_EQ(tracked["extension_reason"], "Depende da SEGER.");
  EXPECT_FALSE(tracked.contains("manifestant"));
  EXPECT_FALSE(tracked.contains("id"));
  std::vector<std::string> kinds;
  for (const auto& e : tracked["events"]) {
    kinds.push_back(e["kind"]);
    EXPECT_FALSE(e.contains("actor_name"));
  }
  EXPECT_THAT(kinds, ::testing::ElementsAre("registered", "complement_requested", "complemented",
                                            "extended", "answered"));
}

TEST_P(ManifestationApiTest, AWrongCodeGetsTheAnswerOfAnUnknownProtocol) {
  const auto receipt = registered();
  const auto wrong =
      post_public("/api/v1/manifestations/track",
                  {{"protocol", receipt["protocol"]}, {"tracking_code", "AAAA-BBBB-CCCC"}});
  const auto unknown =
      post_public("/api/v1/manifestations/track",
                  {{"protocol", "OUV-2026-000777"}, {"tracking_code", receipt["tracking_code"]}});
  EXPECT_EQ(wrong.status, 404);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(wrong.headers.at("content-type"), "application/problem+json");
  EXPECT_EQ(wrong.json()["detail"], unknown.json()["detail"]);
  EXPECT_EQ(wrong.json()["title"], unknown.json()["title"]);
  EXPECT_EQ(wrong.body.size(), unknown.body.size());
}

TEST_P(ManifestationApiTest, AConfidentialIdentityReachesOnlyTheOuvidoria) {
  const auto receipt = registered("confidential");
  const auto t = register_sis(w.requester_sesa, "Chamado da reclamação");
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  auto r = call("GET", "/api/v1/manifestations", ouvidoria);
  const auto id = r.json()["items"][0]["id"].get<std::int64_t>();
  const auto url = "/api/v1/manifestations/" + std::to_string(id);
  r = call("POST", url + "/tickets", ouvidoria, json{{"protocol", t.protocol}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["tickets"][0]["protocol"], t.protocol);

  r = call("GET", url, ouvidoria);
  EXPECT_EQ(r.json()["manifestant"]["name"], "Ana Sigilosa");
  for (const Person* staff : {&w.analyst_sis, &w.admin, &w.attendant, &w.manager_gesin}) {
    SCOPED_TRACE(staff->name);
    r = call("GET", url, sign_in(*staff));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(r.json()["manifestant"].is_null());
    EXPECT_FALSE(r.json()["identity_shown"].get<bool>());
    EXPECT_EQ(r.body.find("Sigilosa"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("ana@exemplo"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("52998224725"), std::string::npos) << r.body;
    EXPECT_EQ(call("GET", "/api/v1/manifestations", sign_in(*staff)).status, 403);
  }
  EXPECT_EQ(call("GET", url, sign_in(w.requester_sesa)).status, 404);
  EXPECT_EQ(call("GET", url, sign_in(w.analyst_dba)).status, 404);
}

TEST_P(ManifestationApiTest, BadInputIsAPortugueseProblemThatStoresNothing) {
  for (const auto& [body, field] : std::vector<std::pair<json, std::string>>{
           {{{"kind", "xingamento"}, {"subject", "A"}, {"description", "B"}, {"name", "C"}},
            "kind"},
           {{{"kind", "praise"},
             {"identification", "anonymous"},
             {"subject", "A"},
             {"description", "B"}},
            "identification"},
           {{{"kind", "complaint"}, {"subject", ""}, {"description", "B"}, {"name", "C"}},
            "subject"},
           {{{"kind", "complaint"},
             {"subject", "A"},
             {"description", "B"},
             {"name", "C"},
             {"email", "c@"}},
            "email"},
           {{{"kind", "complaint"},
             {"subject", "A"},
             {"description", "B"},
             {"name", "C"},
             {"cpf", "123"}},
            "cpf"},
           {{{"kind", "complaint"},
             {"subject", "A"},
             {"description", "B"},
             {"name", "C"},
             {"service_code", "NADA"}},
            "service_code"},
           {{{"kind", "complaint"}, {"subject", "A"}, {"description", "B"}, {"extra", 1}},
            "extra"}}) {
    SCOPED_TRACE(body.dump());
    const auto r = post_public("/api/v1/manifestations", body);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.headers.at("content-type"), "application/problem+json");
    EXPECT_NE(r.body.find(field), std::string::npos) << r.body;
  }
  EXPECT_EQ(
      raw("POST", "/api/v1/manifestations", {{"Content-Type", "application/json"}}, "{x").status,
      400);
  EXPECT_EQ(count("manifestations"), 0);
  EXPECT_EQ(count("manifestation_events"), 0);
  auto r = call("PUT", "/api/v1/manifestation-settings", sign_in(w.admin), R"({"answer_days":45})");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(count("manifestation_settings"), 0);
  r = call(
      "PUT", "/api/v1/manifestation-settings", sign_in(w.admin),
      R"({"answer_days":20,"extension_days":10,"unit_id":)" + std::to_string(w.central.id) + "}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(call("GET", "/api/v1/manifestation-settings", ouvidoria).json()["answer_days"], 20);
}

GUICHE_ON_BOTH_ENGINES(ManifestationApiTest);

}  // namespace
}  // namespace guiche::testing
