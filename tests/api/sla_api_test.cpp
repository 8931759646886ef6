// The SLA endpoints: a ticket's timeline (same visibility as the ticket) and
// the configuration (agents read, admins change), and the progress of the
// clocks' recompute a change starts (admins follow it).
#include <gmock/gmock.h>

#include "app/sla/sla_recompute.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class SlaApiTest : public ApiTest {
 protected:
  std::string register_critical(const Browser& as, std::int64_t requester_id) {
    json body{{"service_code", "SIS-ACESSO"},
              {"subject", "Sistema parado"},
              {"description", "Ninguém lança a folha."},
              {"requester_id", requester_id},
              {"impact", 1},
              {"urgency", 1},
              {"form_answers", {{"sistema", "SIGEFES"}, {"matricula", "3344"}}}};
    auto r = call("POST", "/api/v1/tickets", as, body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(r.json()["id"].get<std::int64_t>());
  }
};

TEST_P(SlaApiTest, TicketTimelineFollowsTicketVisibility) {
  Browser maria = sign_in(w.requester_seger);
  Browser paulo = sign_in(w.requester_sesa);
  Browser attendant = sign_in(w.attendant);
  const std::string id = register_critical(maria, w.requester_seger.id);

  auto r = call("GET", "/api/v1/tickets/" + id + "/sla", maria);
  ASSERT_EQ(r.status, 200) << r.body;
  json t = r.json();
  EXPECT_EQ(t["applies"], true);
  EXPECT_EQ(t["policy"]["code"], "critica");
  EXPECT_EQ(t["severity"], "Crítica");
  EXPECT_EQ(t["calendar"], "br");
  ASSERT_EQ(t["targets"].size(), 2u);
  EXPECT_EQ(t["targets"][1]["target"], "resolution");
  EXPECT_EQ(t["targets"][1]["deadline"], "2026-03-02T18:00:00.000Z");  // 15:00 in Brasília
  EXPECT_EQ(t["targets"][1]["state"], "running");
  EXPECT_EQ(call("GET", "/api/v1/tickets/" + id + "/sla", attendant).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/tickets/" + id + "/sla", paulo).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/tickets/999999/sla", attendant).status, 404);

  // The single read carries the cached summary and the ETA told at registration.
  json ticket = call("GET", "/api/v1/tickets/" + id, maria).json();
  EXPECT_EQ(ticket["estimated_deadline"], "2026-03-02T18:00:00.000Z");
  ASSERT_EQ(ticket["sla"].size(), 2u);
  EXPECT_EQ(ticket["sla"][1]["target"], "resolution");
  EXPECT_EQ(ticket["sla"][1]["deadline"], "2026-03-02T18:00:00.000Z");
}

TEST_P(SlaApiTest, ConfigurationIsReadByAgentsAndChangedByAdmins) {
  Browser maria = sign_in(w.requester_seger);
  Browser analyst = sign_in(w.analyst_sis);
  Browser admin = sign_in(w.admin);
  const std::string id = register_critical(maria, w.requester_seger.id);

  EXPECT_EQ(call("GET", "/api/v1/sla/configuration", maria).status, 403);
  auto r = call("GET", "/api/v1/sla/configuration", analyst);
  ASSERT_EQ(r.status, 200) << r.body;
  json config = r.json();
  EXPECT_EQ(config["warning_fraction"], 0.75);
  EXPECT_EQ(config["policies"][0]["code"], "critica");

  config["policies"][0]["resolution"]["amount"] = 2;
  EXPECT_EQ(call("PUT", "/api/v1/sla/configuration", analyst, config.dump()).status, 403);
  json broken = config;
  broken["policies"][0]["resolution"]["unit"] = "semanas";
  broken["severities"][0]["policy"] = "nenhuma";
  r = call("PUT", "/api/v1/sla/configuration", admin, broken.dump());
  EXPECT_EQ(r.status, 422) << r.body;
  std::vector<std::string> fields;
  const json problem = r.json();
  for (const auto& e : problem["errors"]) fields.push_back(e["field"]);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("policies[0].resolution.unit",
                                                      "severities[0].policy"));
  EXPECT_EQ(call("PUT", "/api/v1/sla/configuration", admin, "{not json").status, 400);

  r = call("PUT", "/api/v1/sla/configuration", admin, config.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["policies"][0]["resolution"]["amount"], 2);
  // The timeline is computed from the events: on the new configuration at once.
  json t = call("GET", "/api/v1/tickets/" + id + "/sla", maria).json();
  EXPECT_EQ(t["targets"][1]["deadline"], "2026-03-02T14:00:00.000Z");
  // The cached clock the queues sort by follows once the recompute ran:
  // 09:00 + 2 business hours.
  desk->sla_recompute().run_until_done();
  json ticket = call("GET", "/api/v1/tickets/" + id, maria).json();
  EXPECT_EQ(ticket["sla"][1]["deadline"], "2026-03-02T14:00:00.000Z");
}

TEST_P(SlaApiTest, AdminsFollowTheRecomputeOfTheClocks) {
  Browser maria = sign_in(w.requester_seger);
  Browser analyst = sign_in(w.analyst_sis);
  Browser admin = sign_in(w.admin);
  const std::string id = register_critical(maria, w.requester_seger.id);
  auto r = call("GET", "/api/v1/sla/recompute", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), json({{"state", "none"}}));
  EXPECT_EQ(call("GET", "/api/v1/sla/recompute", analyst).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/sla/recompute", maria).status, 403);

  json config = call("GET", "/api/v1/sla/configuration", admin).json();
  config["policies"][0]["resolution"]["amount"] = 2;
  ASSERT_EQ(call("PUT", "/api/v1/sla/configuration", admin, config.dump()).status, 200);
  // The request returned with the job started, nothing recomputed yet.
  json ticket = call("GET", "/api/v1/tickets/" + id, maria).json();
  EXPECT_EQ(ticket["sla"][1]["deadline"], "2026-03-02T18:00:00.000Z");
  const json running = call("GET", "/api/v1/sla/recompute", admin).json();
  EXPECT_EQ(running["state"], "running");
  EXPECT_EQ(running["reason"], "configuração de ANS alterada");
  EXPECT_EQ(running["started_by"], w.admin.id);
  EXPECT_EQ(running["started_at"], "2026-03-02T12:00:00.000Z");
  EXPECT_GE(running["total"].get<int>(), 1);
  EXPECT_EQ(running["done"], 0);
  EXPECT_EQ(running["percent"], 0);
  EXPECT_TRUE(running["finished_at"].is_null());
  EXPECT_TRUE(running["duration_seconds"].is_null());

  clock.advance(std::chrono::seconds(2));
  desk->sla_recompute().run_until_done();
  const json finished = call("GET", "/api/v1/sla/recompute", admin).json();
  EXPECT_EQ(finished["state"], "finished");
  EXPECT_EQ(finished["done"], running["total"]);
  EXPECT_EQ(finished["percent"], 100);
  EXPECT_EQ(finished["finished_at"], "2026-03-02T12:00:02.000Z");
  EXPECT_EQ(finished["duration_seconds"], 2.0);
  ticket = call("GET", "/api/v1/tickets/" + id, maria).json();
  EXPECT_EQ(ticket["sla"][1]["deadline"], "2026-03-02T14:00:00.000Z");
}

GUICHE_ON_BOTH_ENGINES(SlaApiTest);

}  // namespace
}  // namespace guiche::testing
