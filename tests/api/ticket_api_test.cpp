// The seed-000 life of an SA over HTTP, as each role would drive it.
#include <gmock/gmock.h>

#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class TicketApiTest : public ApiTest {
 protected:
  json sis_request(std::int64_t requester_id) {
    return {{"service_code", "SIS-ACESSO"},
            {"subject", "Acesso ao SIGEFES"},
            {"description", "Preciso lançar empenhos."},
            {"requester_id", requester_id},
            {"form_answers", {{"sistema", "SIGEFES"}, {"matricula", "3344"}}}};
  }
  json post(const Browser& b, const std::string& path, const json& body, int expected = 200) {
    auto r = call("POST", path, b, body.dump());
    EXPECT_EQ(r.status, expected) << path << " " << r.body;
    return r.json();
  }
};

TEST_P(TicketApiTest, SeedZeroLifeOverHttp) {
  Browser attendant = sign_in(w.attendant);
  Browser analyst = sign_in(w.analyst_sis);
  Browser requester = sign_in(w.requester_seger);

  json body = sis_request(w.requester_seger.id);
  body["channel"] = "phone";
  json t = post(attendant, "/api/v1/tickets", body, 201);
  const std::string id = std::to_string(t["id"].get<std::int64_t>());
  EXPECT_EQ(t["channel"], "phone");
  EXPECT_EQ(t["protocol"], "2026-000001");
  EXPECT_EQ(t["status_label"], "novo");

  post(attendant, "/api/v1/tickets/" + id + "/triage", {{"impact", 2}, {"urgency", 2}});
  post(attendant, "/api/v1/tickets/" + id + "/route",
       {{"unit_id", w.sgsis.id}, {"assignee_id", w.analyst_sis.id}});
  post(analyst, "/api/v1/tickets/" + id + "/status", {{"status", "in_progress"}});
  t = post(analyst, "/api/v1/tickets/" + id + "/replies",
           {{"text", "Qual o perfil?"}, {"asks_requester", true}});
  EXPECT_EQ(t["status"], "pending_requester");
  post(analyst, "/api/v1/tickets/" + id + "/notes", {{"text", "nota interna"}});
  t = post(requester, "/api/v1/tickets/" + id + "/replies", {{"text", "Executor."}});
  EXPECT_EQ(t["status"], "in_progress");
  t = post(analyst, "/api/v1/tickets/" + id + "/resolve",
           {{"resolution", "Acesso criado."}, {"time_spent_minutes", 30}});
  EXPECT_EQ(t["status"], "resolved");
  post(requester, "/api/v1/tickets/" + id + "/evaluation", {{"rating", 4}, {"comment", "Ok"}});
  t = post(requester, "/api/v1/tickets/" + id + "/reopen", {{"reason", "Faltou consulta."}});
  EXPECT_EQ(t["status"], "reopened");

  // The requester's history has no internal note; the analyst's has it.
  auto mine = call("GET", "/api/v1/tickets/" + id + "/events", requester).json()["items"];
  auto theirs = call("GET", "/api/v1/tickets/" + id + "/events", analyst).json()["items"];
  EXPECT_EQ(theirs.size(), mine.size() + 1);
  auto by_protocol = call("GET", "/api/v1/tickets/by-protocol/2026-000001", requester);
  EXPECT_EQ(by_protocol.status, 200);
  EXPECT_EQ(by_protocol.json()["id"], t["id"]);
}

TEST_P(TicketApiTest, NonClientRequestGoesToClientRelations) {
  Browser vera = sign_in(w.requester_viana);
  json t = post(vera, "/api/v1/tickets", sis_request(w.requester_viana.id), 201);
  EXPECT_EQ(t["audience_admitted"], false);
  EXPECT_EQ(t["unit_id"], w.relations.id);
}

TEST_P(TicketApiTest, IdempotencyKeyReturnsTheSameTicket) {
  Browser requester = sign_in(w.requester_seger);
  std::vector<std::pair<std::string, std::string>> headers = {{"Cookie", requester.cookie},
                                                              {"X-CSRF-Token", requester.csrf},
                                                              {"Content-Type", "application/json"},
                                                              {"Idempotency-Key", "pedido-42"}};
  const std::string body = sis_request(w.requester_seger.id).dump();
  auto first = raw("POST", "/api/v1/tickets", headers, body);
  auto retry = raw("POST", "/api/v1/tickets", headers, body);
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(first.json()["id"], retry.json()["id"]);
  EXPECT_EQ(count("tickets"), 1);
}

TEST_P(TicketApiTest, AnotherOrganizationsTicketIsNotFound) {
  Browser maria = sign_in(w.requester_seger);
  Browser paulo = sign_in(w.requester_sesa);
  json t = post(maria, "/api/v1/tickets", sis_request(w.requester_seger.id), 201);
  const std::string id = std::to_string(t["id"].get<std::int64_t>());
  EXPECT_EQ(call("GET", "/api/v1/tickets/" + id, paulo).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/tickets/" + id + "/events", paulo).status, 404);
  EXPECT_EQ(
      call("GET", "/api/v1/tickets/by-protocol/" + t["protocol"].get<std::string>(), paulo).status,
      404);
  EXPECT_EQ(call("GET", "/api/v1/tickets?q=SIGEFES", paulo).json()["items"].size(), 0u);
  EXPECT_EQ(call("POST", "/api/v1/tickets/" + id + "/reopen", paulo, R"({"reason":"x"})").status,
            404);
}

TEST_P(TicketApiTest, ListsPageWithCursors) {
  Browser requester = sign_in(w.requester_seger);
  for (int i = 0; i < 5; ++i)
    post(requester, "/api/v1/tickets", sis_request(w.requester_seger.id), 201);
  auto page1 = call("GET", "/api/v1/tickets?limit=2", requester).json();
  ASSERT_EQ(page1["items"].size(), 2u);
  auto page2 =
      call("GET", "/api/v1/tickets?limit=2&cursor=" + page1["next_cursor"].get<std::string>(),
           requester)
          .json();
  ASSERT_EQ(page2["items"].size(), 2u);
  EXPECT_NE(page1["items"][1]["id"], page2["items"][0]["id"]);
  EXPECT_EQ(call("GET", "/api/v1/tickets?cursor=lixo", requester).status, 422);
  EXPECT_EQ(call("GET", "/api/v1/tickets?status=aberto", requester).status, 422);
}

// RFC 3986 allows a literal comma in a query, and curl and browsers send it so.
TEST_P(TicketApiTest, StatusListWithLiteralCommas) {
  Browser attendant = sign_in(w.attendant);
  EXPECT_EQ(call("GET", "/api/v1/tickets?status=new,assigned", attendant).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/tickets?status=new%2Cassigned", attendant).status, 200);
}

GUICHE_ON_BOTH_ENGINES(TicketApiTest);

}  // namespace
}  // namespace guiche::testing
