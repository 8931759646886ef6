// Answer templates, macros and bulk actions over the API (api/answer_routes.cpp)
// on both engines: a unit manager keeps their unit's templates; a macro
// answers and resolves a ticket in one call; a bulk route names what it
// skipped; more than 100 tickets, or a bad text, is a problem+json in pt-BR
// and changes nothing.
#include <gmock/gmock.h>

#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class AnswerApiTest : public ApiTest {
 protected:
  Ticket at_sgsis(const std::string& subject) {
    return desk->work().route(as(w.attendant), register_sis(w.requester_seger, subject).id,
                              w.sgsis.id, w.analyst_sis.id);
  }
};

TEST_P(AnswerApiTest, AMacroAnswersAndResolvesATicketInOneCall) {
  const auto manager = sign_in(w.manager_gesin);
  auto r = call("POST", "/api/v1/answer-templates", manager,
                json{{"kind", "answer"},
                     {"unit_id", w.sgsis.id},
                     {"title", "Senha redefinida"},
                     {"body", "Olá, {{solicitante}}. Sua senha foi redefinida (SA {{protocolo}})."}}
                    .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const auto reply = r.json()["id"].get<std::int64_t>();
  r = call("POST", "/api/v1/answer-templates", manager,
           json{{"kind", "solution"},
                {"unit_id", w.sgsis.id},
                {"title", "Senha redefinida"},
                {"body", "Senha redefinida no diretório."}}
               .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const auto solution = r.json()["id"].get<std::int64_t>();
  // Shared ones are the admins'.
  r = call("POST", "/api/v1/answer-templates", manager,
           json{{"kind", "answer"}, {"title", "Geral"}, {"body", "Olá."}}.dump());
  EXPECT_EQ(r.status, 403);
  r = call("POST", "/api/v1/macros", manager,
           json{{"name", "Senha redefinida — resolver"},
                {"unit_id", w.sgsis.id},
                {"reply_template_id", reply},
                {"set_status", "resolved"},
                {"solution_template_id", solution},
                {"minutes", 10}}
               .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const auto macro = r.json()["id"].get<std::int64_t>();

  const auto analyst = sign_in(w.analyst_sis);
  const auto t = at_sgsis("Esqueci a senha");
  r = call("GET",
           "/api/v1/tickets/" + std::to_string(t.id) + "/answer-templates/" + std::to_string(reply),
           analyst);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["text"],
            "Olá, Maria Solicitante. Sua senha foi redefinida (SA " + t.protocol + ").");
  r = call("GET", "/api/v1/answer-templates?kind=answer&q=SENHA", analyst);
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json()["items"].size(), 1u);
  r = call("POST", "/api/v1/tickets/" + std::to_string(t.id) + "/macros/" + std::to_string(macro),
           analyst);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "resolved");
  r = call("GET", "/api/v1/tickets/" + std::to_string(t.id) + "/events", analyst);
  const auto events = r.json();
  std::vector<std::string> kinds;
  for (const auto& e : events["items"]) kinds.push_back(e["kind"]);
  EXPECT_THAT(kinds, ::testing::IsSupersetOf({"macro_applied", "public_reply", "resolved"}));
  // Applied again: the ticket is resolved; nothing more is recorded.
  r = call("POST", "/api/v1/tickets/" + std::to_string(t.id) + "/macros/" + std::to_string(macro),
           analyst);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  EXPECT_EQ(desk->tickets().history(as(w.admin), t.id).size(), kinds.size());
}

TEST_P(AnswerApiTest, ABadTemplateOrMacroIsRefusedByItsField) {
  const auto admin = sign_in(w.admin);
  auto r = call("POST", "/api/v1/answer-templates", admin,
                json{{"kind", "answer"}, {"title", "Errado"}, {"body", "Olá, {{nome}}."}}.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("campo desconhecido"));
  EXPECT_THAT(r.body, HasSubstr("\"body\""));
  r = call("POST", "/api/v1/macros", admin,
           json{{"name", "Resolver"}, {"set_status", "resolved"}, {"minutes", 5}}.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("solution_template_id"));
  r = call("POST", "/api/v1/macros", admin,
           json{{"name", "Nada"}, {"route_unit_id", 987654}}.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("route_unit_id"));
  r = call("GET", "/api/v1/macros?kept=true", admin);
  EXPECT_EQ(r.json()["items"].size(), 0u);
}

TEST_P(AnswerApiTest, ABulkRouteNamesTheTicketsItSkipped) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(register_sis(w.requester_seger).id);
  // One already routed to SGSIS and assigned: routing it again is allowed.
  const auto elsewhere = at_sgsis("Outro");
  const auto attendant = sign_in(w.attendant);
  auto body = json{{"ticket_ids", ids}, {"action", {{"kind", "route"}, {"unit_id", w.sgsis.id}}}};
  body["ticket_ids"].push_back(elsewhere.id);  // assigned: routing again is allowed
  body["ticket_ids"].push_back(987654);
  auto r = call("POST", "/api/v1/tickets/bulk", attendant, body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["done"], 4);
  EXPECT_EQ(r.json()["skipped"], 1);
  const auto last = r.json()["tickets"].back();
  EXPECT_EQ(last["ticket_id"], 987654);
  EXPECT_TRUE(last["protocol"].is_null());
  EXPECT_EQ(last["reason"], "Chamado não encontrado.");
  for (auto id : ids) {
    EXPECT_EQ(desk->tickets().ticket(as(w.admin), id).unit_id, w.sgsis.id);
  }

  // The analyst of SGDBA may not route SGSIS's tickets: each is named, with why.
  const auto dba = sign_in(w.analyst_dba);
  r = call("POST", "/api/v1/tickets/bulk", dba,
           json{{"ticket_ids", ids}, {"action", {{"kind", "status"}, {"status", "in_progress"}}}}
               .dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["done"], 0);
  EXPECT_EQ(r.json()["skipped"], 3);

  std::vector<std::int64_t> many(101, ids.front());
  for (std::size_t i = 0; i < many.size(); ++i) many[i] = static_cast<std::int64_t>(i) + 1;
  r = call(
      "POST", "/api/v1/tickets/bulk", attendant,
      json{{"ticket_ids", many}, {"action", {{"kind", "route"}, {"unit_id", w.sgsis.id}}}}.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("no máximo 100"));
  r = call("POST", "/api/v1/tickets/bulk", attendant,
           json{{"ticket_ids", ids}, {"action", {{"kind", "explodir"}}}}.dump());
  EXPECT_EQ(r.status, 422);
}

GUICHE_ON_BOTH_ENGINES(AnswerApiTest);

}  // namespace
}  // namespace guiche::testing
