// Seed 000 walked over a real socket, each step by the role that takes it in
// the norm: the requester of a client organization, the central de serviços
// (attendant), the technical unit (its manager and analyst) and client
// relations (ASESP) for a requester whose organization is not a client. Seed
// 002's first access (forced password change) opens the walk.
#include <gmock/gmock.h>

#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::ElementsAreArray;

constexpr const char* kSeedBoundary = "----seed-000-anexo-b7Qz";
const std::string kPdf =
    std::string("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") + std::string("\0\x01\xff\r\n", 5) +
    "1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

class SeedWalkApiTest : public ApiTest {
 protected:
  static std::string id(const json& v) { return std::to_string(v.get<std::int64_t>()); }
  json post(const Browser& b, const std::string& path, const json& body, int expected = 200) {
    auto r = call("POST", path, b, body.dump());
    EXPECT_EQ(r.status, expected) << path << " " << r.body;
    return r.json();
  }
  json get(const Browser& b, const std::string& path, int expected = 200) {
    auto r = call("GET", path, b);
    EXPECT_EQ(r.status, expected) << path << " " << r.body;
    return r.json();
  }
  // Signs in with a login and password of the person's own.
  Browser sign_in_as(const std::string& login, const std::string& password, json* person) {
    auto r = raw("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                 json{{"login", login}, {"password", password}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    Browser b;
    for (const auto& c : r.set_cookies) {
      if (c.rfind("guiche_session=", 0) == 0) b.cookie = c.substr(0, c.find(';'));
    }
    b.csrf = r.json().value("csrf_token", "");
    if (person) *person = r.json()["person"];
    return b;
  }
  static std::vector<std::string> kinds(const json& events) {
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e["kind"].get<std::string>());
    return out;
  }
  void expect_problem(HttpResult r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    EXPECT_FALSE(r.json().value("detail", "").empty());
  }
};

TEST_P(SeedWalkApiTest, FirstAccessThenTheLifeOfAnSaThenHistory) {
  Browser admin = sign_in(w.admin);
  Browser attendant = sign_in(w.attendant);
  Browser manager = sign_in(w.manager_gesin);
  Browser analyst = sign_in(w.analyst_sis);

  // Seed 002: the account arrives with an initial password to change first.
  json nina = post(admin, "/api/v1/people",
                   {{"name", "Nina Nogueira"},
                    {"login", "nina.nogueira"},
                    {"emails", {"nina@seger.es.gov.br"}},
                    {"organization_id", w.seger.id},
                    {"roles", {{{"role", "requester"}}}},
                    {"initial_password", "Inicial-2026-seger"}},
                   201);
  EXPECT_EQ(nina["must_change_password"], true);
  // Seed 000: only people the client authorized may ask.
  post(admin, "/api/v1/organizations/" + std::to_string(w.seger.id) + "/authorizations",
       {{"document_type", "oficio"},
        {"document_number", "Ofício 77/2026"},
        {"person_id", nina["id"]},
        {"valid_from", "2026-01-01"}},
       201);
  json me;
  Browser requester = sign_in_as("nina.nogueira", "Inicial-2026-seger", &me);
  EXPECT_EQ(me["must_change_password"], true);
  const json request = {{"service_code", "SIS-ACESSO"},
                        {"subject", "Acesso ao SIGEFES para a folha"},
                        {"description", "Preciso lançar a folha de pagamento de março."},
                        {"form_answers", {{"sistema", "SIGEFES"}, {"matricula", "778899"}}}};
  expect_problem(call("GET", "/api/v1/tickets", requester), 403);
  expect_problem(call("GET", "/api/v1/services", requester), 403);
  expect_problem(call("POST", "/api/v1/tickets", requester, request.dump()), 403);
  EXPECT_EQ(count("tickets"), 0);
  auto changed = call(
      "POST", "/api/v1/session/password", requester,
      json{{"current_password", "Inicial-2026-seger"}, {"new_password", "Minha-Senha-Nova-2026"}}
          .dump());
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(get(requester, "/api/v1/session")["person"]["must_change_password"], false);
  EXPECT_FALSE(get(requester, "/api/v1/services")["items"].empty());

  // The requester registers through the portal with the service's form.
  json t = post(requester, "/api/v1/tickets", request, 201);
  const std::string tid = id(t["id"]);
  const std::string path = "/api/v1/tickets/" + tid;
  EXPECT_EQ(t["channel"], "portal");
  EXPECT_EQ(t["status"], "new");
  EXPECT_EQ(t["unit_id"], w.central.id);
  EXPECT_EQ(t["audience_admitted"], true);
  EXPECT_EQ(t["form_answers"]["matricula"], "778899");
  const std::string protocol = t["protocol"].get<std::string>();
  EXPECT_EQ(protocol, "2026-000001");

  // The attendant triages and routes to the technical unit.
  t = post(attendant, path + "/triage",
           {{"impact", 2}, {"urgency", 1}, {"category", "service_request"}});
  EXPECT_EQ(t["impact"], 2);
  EXPECT_EQ(t["urgency"], 1);
  EXPECT_EQ(t["category"], "service_request");
  t = post(attendant, path + "/route", {{"unit_id", w.sgsis.id}, {"note", "Acesso a sistema."}});
  EXPECT_EQ(t["unit_id"], w.sgsis.id);
  EXPECT_EQ(t["status"], "assigned");
  // The unit's manager assigns the analyst.
  t = post(manager, path + "/assign", {{"assignee_id", w.analyst_sis.id}});
  EXPECT_EQ(t["assignee_id"], w.analyst_sis.id);

  // The analyst asks the requester; the requester answers.
  post(analyst, path + "/status", {{"status", "in_progress"}});
  t = post(analyst, path + "/replies",
           {{"text", "Qual perfil de acesso a senhora precisa?"}, {"asks_requester", true}});
  EXPECT_EQ(t["status"], "pending_requester");
  t = post(requester, path + "/replies", {{"text", "Perfil de executor da folha."}});
  EXPECT_EQ(t["status"], "in_progress");
  // Time and an internal note, which the requester never sees.
  post(analyst, path + "/time-entries", {{"minutes", 40}, {"note", "Criação do perfil."}});
  post(analyst, path + "/notes", {{"text", "Perfil copiado do servidor 4455."}});

  // The analyst attaches the access guide; the requester downloads it.
  const std::string body = std::string("--") + kSeedBoundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; "
                           "filename=\"orientações.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" +
                           kPdf + "\r\n--" + kSeedBoundary + "--\r\n";
  auto up = raw("POST", path + "/attachments",
                {{"Cookie", analyst.cookie},
                 {"X-CSRF-Token", analyst.csrf},
                 {"Content-Type", std::string("multipart/form-data; boundary=") + kSeedBoundary}},
                body);
  ASSERT_EQ(up.status, 201) << up.body;
  json listed = get(requester, path + "/attachments")["items"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["content_type"], "application/pdf");
  auto file = call("GET", "/api/v1/attachments/" + id(listed[0]["id"]), requester);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.headers["content-type"], "application/pdf");
  EXPECT_EQ(file.headers["content-disposition"],
            "attachment; filename=\"orienta__es.pdf\"; "
            "filename*=UTF-8''orienta%C3%A7%C3%B5es.pdf");
  EXPECT_TRUE(file.body == kPdf) << "the downloaded bytes differ from the uploaded ones";

  // Resolution with its text and the time spent.
  t = post(analyst, path + "/resolve",
           {{"resolution", "Perfil de executor criado no SIGEFES."}, {"time_spent_minutes", 50}});
  EXPECT_EQ(t["status"], "resolved");
  EXPECT_EQ(t["resolution"], "Perfil de executor criado no SIGEFES.");
  // The requester evaluates, then asks to reopen within the window.
  t = post(requester, path + "/evaluation", {{"rating", 4}, {"comment", "Rápido, obrigado."}});
  EXPECT_EQ(t["rating"], 4);
  // Two days later: the sessions (12 h) are over, so both sign in again.
  clock.advance(std::chrono::hours(48));
  expect_problem(call("GET", path, requester), 401);
  requester = sign_in_as("nina.nogueira", "Minha-Senha-Nova-2026", nullptr);
  analyst = sign_in(w.analyst_sis);
  t = post(requester, path + "/reopen", {{"reason", "O perfil não permite fechar a folha."}});
  EXPECT_EQ(t["status"], "reopened");
  EXPECT_EQ(t["reopen_count"], 1);
  // Work resumes and the SA is resolved again.
  post(analyst, path + "/status", {{"status", "in_progress"}});
  t = post(analyst, path + "/resolve",
           {{"resolution", "Incluída a permissão de fechamento."}, {"time_spent_minutes", 20}});
  EXPECT_EQ(t["status"], "resolved");

  // Look-up by protocol, then the history as each side reads it.
  EXPECT_EQ(get(requester, "/api/v1/tickets/by-protocol/" + protocol)["id"], t["id"]);
  const std::vector<std::string> staff_story = {
      "created",      "triaged",      "routed",      "assigned",       "status_changed",
      "public_reply", "public_reply", "time_logged", "internal_note",  "attachment_added",
      "resolved",     "evaluated",    "reopened",    "status_changed", "resolved"};
  json staff = get(analyst, path + "/events")["items"];
  EXPECT_THAT(kinds(staff), ElementsAreArray(staff_story));
  std::vector<std::string> requester_story;
  for (const auto& e : staff) {
    if (e["public"].get<bool>()) requester_story.push_back(e["kind"].get<std::string>());
  }
  EXPECT_THAT(kinds(get(requester, path + "/events")["items"]), ElementsAreArray(requester_story));
  EXPECT_THAT(requester_story, ::testing::Not(::testing::Contains("internal_note")));
  EXPECT_THAT(requester_story, ::testing::Not(::testing::Contains("time_logged")));
  // Who did each step.
  EXPECT_EQ(staff[0]["actor_id"], nina["id"]);
  EXPECT_EQ(staff[1]["actor_id"], w.attendant.id);
  EXPECT_EQ(staff[3]["actor_id"], w.manager_gesin.id);
  EXPECT_EQ(staff[10]["data"]["time_spent_minutes"], 50);
  EXPECT_EQ(staff[11]["data"]["rating"], 4);
  EXPECT_EQ(staff[12]["data"]["reason"], "O perfil não permite fechar a folha.");
}

TEST_P(SeedWalkApiTest, NonClientRequestIsDecidedByClientRelations) {
  Browser vera = sign_in(w.requester_viana);
  Browser attendant = sign_in(w.attendant);
  Browser relations = sign_in(w.relations_agent);
  Browser analyst = sign_in(w.analyst_sis);
  json t = post(vera, "/api/v1/tickets",
                {{"service_code", "SIS-ACESSO"},
                 {"subject", "Acesso ao SIGEFES"},
                 {"description", "A prefeitura precisa consultar empenhos."},
                 {"form_answers", {{"sistema", "SIGEFES"}, {"matricula", "1"}}}},
                201);
  const std::string path = "/api/v1/tickets/" + id(t["id"]);
  EXPECT_EQ(t["audience_admitted"], false);
  EXPECT_FALSE(t["audience_reason"].get<std::string>().empty());
  EXPECT_EQ(t["unit_id"], w.relations.id);
  // Nobody but client relations sends it on to a technical unit.
  const json to_sgsis = {{"unit_id", w.sgsis.id}};
  auto refused = call("POST", path + "/route", attendant, to_sgsis.dump());
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.headers["content-type"], "application/problem+json");
  EXPECT_EQ(call("POST", path + "/route", analyst, to_sgsis.dump()).status, 404);
  t = post(relations, path + "/route", to_sgsis);
  EXPECT_EQ(t["unit_id"], w.sgsis.id);
  // Sent on, the ticket is the technical unit's: its analyst reads the history.
  json events = get(analyst, path + "/events")["items"];
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1]["kind"], "routed");
  EXPECT_EQ(events[1]["data"]["audience_accepted_by"], w.relations_agent.id);
  // Accepted, it is the unit's like any other.
  EXPECT_EQ(get(analyst, path)["status"], "assigned");
}

TEST_P(SeedWalkApiTest, AttendantRegistersByPhoneOnBehalfOfTheRequester) {
  Browser attendant = sign_in(w.attendant);
  Browser paulo = sign_in(w.requester_sesa);
  json request = {{"service_code", "SUP-TEC"},
                  {"subject", "Impressora sem rede"},
                  {"description", "Ligou às 9h: a impressora do 3º andar saiu da rede."},
                  {"requester_id", w.requester_sesa.id},
                  {"channel", "phone"}};
  // A requester may not claim a channel of the central, nor ask for someone else.
  EXPECT_EQ(call("POST", "/api/v1/tickets", paulo, request.dump()).status, 403);
  json t = post(attendant, "/api/v1/tickets", request, 201);
  EXPECT_EQ(t["channel"], "phone");
  EXPECT_EQ(t["requester_id"], w.requester_sesa.id);
  EXPECT_EQ(t["registered_by"], w.attendant.id);
  EXPECT_EQ(t["organization_id"], w.sesa.id);
  // The requester follows it by its protocol number.
  json mine = get(paulo, "/api/v1/tickets/by-protocol/" + t["protocol"].get<std::string>());
  EXPECT_EQ(mine["id"], t["id"]);
  EXPECT_EQ(get(paulo, "/api/v1/tickets")["items"].size(), 1u);
  json events = get(paulo, "/api/v1/tickets/" + id(t["id"]) + "/events")["items"];
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["channel"], "phone");
  EXPECT_EQ(events[0]["actor_id"], w.attendant.id);
  EXPECT_EQ(count("tickets"), 1);
}

GUICHE_ON_BOTH_ENGINES(SeedWalkApiTest);

}  // namespace
}  // namespace guiche::testing
