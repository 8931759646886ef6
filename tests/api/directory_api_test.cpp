// Organizations, authorized requesters and people over HTTP: the happy paths
// and the authorization rules, on both engines.
#include <gmock/gmock.h>

#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

class DirectoryApiTest : public ApiTest {
 protected:
  static std::string id(std::int64_t v) { return std::to_string(v); }
  static std::string error_field(const HttpResult& r) {
    auto body = r.json();
    if (!body.contains("errors") || body["errors"].empty()) return "";
    return body["errors"][0]["field"].get<std::string>();
  }
  json send(const std::string& method, const Browser& b, const std::string& path, const json& body,
            int expected) {
    auto r = call(method, path, b, body.dump());
    EXPECT_EQ(r.status, expected) << method << " " << path << " " << r.body;
    return r.json();
  }
  // A new SEGER requester registered by `who`.
  json new_seger_person(const Browser& who) {
    return send("POST", who, "/api/v1/people",
                {{"name", "Nina Nova"},
                 {"emails", {"nina@seger.es.gov.br"}},
                 {"organization_id", w.seger.id},
                 {"roles", {{{"role", "requester"}}}}},
                201);
  }
};

TEST_P(DirectoryApiTest, AdminCreatesReadsAndUpdatesAnOrganization) {
  Browser admin = sign_in(w.admin);
  auto r = call("POST", "/api/v1/organizations", admin,
                json{{"name", "Secretaria da Fazenda"},
                     {"acronym", "SEFAZ"},
                     {"is_client", true},
                     {"client_reference", "Contrato 3/2026"}}
                    .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string path = "/api/v1/organizations/" + id(r.json()["id"].get<std::int64_t>());
  EXPECT_EQ(r.headers["location"], path);
  EXPECT_EQ(call("GET", path, admin).json()["acronym"], "SEFAZ");
  // PATCH changes what it names and keeps the rest.
  json changed = send("PATCH", admin, path, {{"name", "Secretaria de Estado da Fazenda"}}, 200);
  EXPECT_EQ(changed["name"], "Secretaria de Estado da Fazenda");
  EXPECT_EQ(changed["acronym"], "SEFAZ");
  EXPECT_EQ(changed["client_reference"], "Contrato 3/2026");
  EXPECT_EQ(call("GET", "/api/v1/organizations", admin).json()["items"].size(), 4u);
}

TEST_P(DirectoryApiTest, BadOrganizationsAreRejectedAndNothingChanges) {
  Browser admin = sign_in(w.admin);
  const auto before = count("organizations");
  auto dup = call("POST", "/api/v1/organizations", admin, R"({"name":"Outra","acronym":"SEGER"})");
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.headers["content-type"], "application/problem+json");
  auto wrong_type = call("POST", "/api/v1/organizations", admin, R"({"name":5,"acronym":"X"})");
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_EQ(error_field(wrong_type), "name");
  auto unknown = call("POST", "/api/v1/organizations", admin, R"({"nome":"X","acronym":"X"})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(error_field(unknown), "nome");
  EXPECT_EQ(call("POST", "/api/v1/organizations", admin, R"({"name":)").status, 400);
  auto parent = call("POST", "/api/v1/organizations", admin,
                     R"({"name":"Filha","acronym":"FIL","parent_id":987654})");
  EXPECT_EQ(parent.status, 422);
  EXPECT_EQ(error_field(parent), "parent_id");
  auto flag =
      call("PATCH", "/api/v1/organizations/" + id(w.seger.id), admin, R"({"is_client":"sim"})");
  EXPECT_EQ(flag.status, 422);
  EXPECT_EQ(error_field(flag), "is_client");
  EXPECT_EQ(call("GET", "/api/v1/organizations/987654", admin).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/organizations/abc", admin).status, 404);
  EXPECT_EQ(count("organizations"), before);
}

TEST_P(DirectoryApiTest, OnlyAdminsCreateOrChangeOrganizations) {
  Browser attendant = sign_in(w.attendant);
  Browser maria = sign_in(w.requester_seger);
  const json body = {{"name", "Secretaria da Fazenda"}, {"acronym", "SEFAZ"}};
  send("POST", attendant, "/api/v1/organizations", body, 403);
  send("POST", maria, "/api/v1/organizations", body, 403);
  // Her own organization she sees but may not change; another one she does not see.
  send("PATCH", maria, "/api/v1/organizations/" + id(w.seger.id), {{"name", "X"}}, 403);
  send("PATCH", maria, "/api/v1/organizations/" + id(w.sesa.id), {{"name", "X"}}, 404);
  auto list = call("GET", "/api/v1/organizations", maria).json()["items"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["acronym"], "SEGER");
  EXPECT_EQ(call("GET", "/api/v1/organizations/" + id(w.seger.id), maria).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/organizations/" + id(w.sesa.id), maria).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/organizations/" + id(w.sesa.id), attendant).status, 200);
  EXPECT_EQ(count("organizations"), 3);
}

TEST_P(DirectoryApiTest, OrgManagerProposalsWaitForTheCentral) {
  Browser otavio = sign_in(w.manager_seger);
  Browser attendant = sign_in(w.attendant);
  json nina = new_seger_person(otavio);
  const std::string seger = "/api/v1/organizations/" + id(w.seger.id) + "/authorizations";
  auto r = call("POST", seger, otavio,
                json{{"document_type", "oficio"},
                     {"document_number", "Ofício 9/2026"},
                     {"person_id", nina["id"]},
                     {"valid_from", "2026-03-02"}}
                    .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.headers["location"], seger);
  json proposal = r.json();
  EXPECT_EQ(proposal["state"], "pending");
  EXPECT_EQ(proposal["valid_from"], "2026-03-02");
  const std::string auth = "/api/v1/authorizations/" + id(proposal["id"].get<std::int64_t>());
  EXPECT_EQ(call("GET", seger, otavio).json()["items"].size(), 3u);

  // Deciding is the central's: the manager gets 403, the attendant confirms.
  send("POST", otavio, auth + "/decision", {{"approve", true}}, 403);
  EXPECT_EQ(send("POST", attendant, auth + "/decision", {{"approve", true}}, 200)["state"],
            "confirmed");
  // The manager's revocation waits too, until the central approves it.
  json asked = send("POST", otavio, auth + "/revocation",
                    {{"valid_until", "2026-03-31"}, {"reason", "Servidor exonerado"}}, 200);
  EXPECT_EQ(asked["revocation_requested_until"], "2026-03-31");
  EXPECT_TRUE(asked["valid_until"].is_null());
  json revoked = send("POST", attendant, auth + "/decision", {{"approve", true}}, 200);
  EXPECT_EQ(revoked["valid_until"], "2026-03-31");
  send("POST", attendant, auth + "/decision", {{"approve", true}}, 409);
}

TEST_P(DirectoryApiTest, OrgManagerManagesOnlyTheirOrganizationsAuthorizations) {
  Browser otavio = sign_in(w.manager_seger);
  Browser maria = sign_in(w.requester_seger);
  Browser attendant = sign_in(w.attendant);
  const std::string sesa = "/api/v1/organizations/" + id(w.sesa.id) + "/authorizations";
  const std::string seger = "/api/v1/organizations/" + id(w.seger.id) + "/authorizations";
  const json paulo = {{"document_type", "oficio"},
                      {"document_number", "Ofício 1/2026"},
                      {"person_id", w.requester_sesa.id},
                      {"valid_from", "2026-03-02"}};
  const auto before = count("authorizations");
  EXPECT_EQ(call("GET", sesa, otavio).status, 404);
  EXPECT_EQ(call("POST", sesa, otavio, paulo.dump()).status, 404);
  // A person of another organization is unknown to him.
  auto other = call("POST", seger, otavio, paulo.dump());
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(error_field(other), "person_id");
  // A requester does not keep the list, not even of her own organization.
  EXPECT_EQ(call("GET", seger, maria).status, 404);
  auto sesa_items = call("GET", sesa, attendant).json()["items"];
  ASSERT_EQ(sesa_items.size(), 1u);
  const std::string paulo_auth = "/api/v1/authorizations/" + id(sesa_items[0]["id"]);
  send("POST", otavio, paulo_auth + "/revocation",
       {{"valid_until", "2026-03-31"}, {"reason", "Outro órgão"}}, 404);
  // Maria is already authorized: a second record is a conflict.
  json again = paulo;
  again["person_id"] = w.requester_seger.id;
  send("POST", otavio, seger, again, 409);
  again["document_type"] = "memorando";
  EXPECT_EQ(error_field(call("POST", seger, otavio, again.dump())), "document_type");
  again["document_type"] = "contract";
  again["valid_from"] = "02/03/2026";
  EXPECT_EQ(error_field(call("POST", seger, otavio, again.dump())), "valid_from");
  again["valid_from"] = "2026-03-02";
  again["person_id"] = "12";
  EXPECT_EQ(error_field(call("POST", seger, otavio, again.dump())), "person_id");
  EXPECT_EQ(error_field(call("POST", paulo_auth + "/decision", attendant, R"({"approve":1})")),
            "approve");
  EXPECT_EQ(count("authorizations"), before);
}

TEST_P(DirectoryApiTest, StaffSearchPeopleAndRequestersCannot) {
  Browser attendant = sign_in(w.attendant);
  Browser maria = sign_in(w.requester_seger);
  Browser admin = sign_in(w.admin);
  send("POST", admin, "/api/v1/people",
       {{"name", "Célia CPF"}, {"cpf", "529.982.247-25"}, {"roles", json::array()}}, 201);
  auto by_name = call("GET", "/api/v1/people?q=Sofia", attendant);
  ASSERT_EQ(by_name.status, 200) << by_name.body;
  ASSERT_EQ(by_name.json()["items"].size(), 1u);
  EXPECT_EQ(by_name.json()["items"][0]["id"], w.analyst_sis.id);
  auto by_email = call("GET", "/api/v1/people?q=paulo%40saude.es.gov.br", attendant).json();
  ASSERT_EQ(by_email["items"].size(), 1u);
  EXPECT_EQ(by_email["items"][0]["id"], w.requester_sesa.id);
  auto by_cpf = call("GET", "/api/v1/people?q=52998224725", attendant).json();
  ASSERT_EQ(by_cpf["items"].size(), 1u);
  EXPECT_EQ(by_cpf["items"][0]["cpf"], "52998224725");
  EXPECT_EQ(error_field(call("GET", "/api/v1/people", attendant)), "q");
  EXPECT_EQ(call("GET", "/api/v1/people?q=Sofia", maria).status, 403);
  EXPECT_EQ(raw("GET", "/api/v1/people?q=Sofia").status, 401);
}

TEST_P(DirectoryApiTest, PeopleAreSeenOnlyWhereTheDeskAllows) {
  Browser maria = sign_in(w.requester_seger);
  Browser otavio = sign_in(w.manager_seger);
  Browser attendant = sign_in(w.attendant);
  auto self = call("GET", "/api/v1/people/" + id(w.requester_seger.id), maria);
  EXPECT_EQ(self.status, 200);
  EXPECT_EQ(self.json()["emails"][0], "maria@seger.es.gov.br");
  EXPECT_EQ(call("GET", "/api/v1/people/" + id(w.requester_sesa.id), maria).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/people/" + id(w.analyst_sis.id), maria).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/people/" + id(w.requester_seger.id), otavio).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/people/" + id(w.requester_sesa.id), otavio).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/people/" + id(w.requester_sesa.id), attendant).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/people/987654", attendant).status, 404);
  // He updates his organization's requester; PATCH keeps what it does not name.
  // (Nina has not signed in: the fixture's "u<id>" logins are shorter than
  // the desk's rule allows, and an update re-checks the whole person.)
  json nina = new_seger_person(otavio);
  json changed = send("PATCH", otavio, "/api/v1/people/" + id(nina["id"].get<std::int64_t>()),
                      {{"phone", "+55 27 99999-1234"}}, 200);
  EXPECT_EQ(changed["phone"], "+5527999991234");
  EXPECT_EQ(changed["emails"][0], "nina@seger.es.gov.br");
  send("PATCH", otavio, "/api/v1/people/" + id(w.requester_sesa.id), {{"name", "X"}}, 404);
  send("PATCH", maria, "/api/v1/people/" + id(w.requester_seger.id), {{"name", "Maria"}}, 403);
}

TEST_P(DirectoryApiTest, RegisteringPeopleFollowsTheirRoles) {
  Browser attendant = sign_in(w.attendant);
  Browser otavio = sign_in(w.manager_seger);
  auto r = call("POST", "/api/v1/people", attendant,
                json{{"name", "Rui Novo"},
                     {"login", "rui.novo"},
                     {"emails", {"rui@sesa.es.gov.br"}},
                     {"organization_id", w.sesa.id},
                     {"roles", {{{"role", "requester"}, {"unit_id", nullptr}}}},
                     {"initial_password", "primeira-senha"}}
                    .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.headers["location"], "/api/v1/people/" + id(r.json()["id"].get<std::int64_t>()));
  EXPECT_EQ(r.json()["must_change_password"], true);
  EXPECT_THAT(r.body, Not(HasSubstr("argon2")));
  EXPECT_THAT(r.body, Not(HasSubstr("primeira-senha")));
  EXPECT_EQ(r.json()["roles"][0]["label"].get<std::string>().empty(), false);

  const auto before = count("people");
  const json analyst = {{"name", "Ana Analista"},
                        {"roles", {{{"role", "analyst"}, {"unit_id", w.sgsis.id}}}}};
  send("POST", attendant, "/api/v1/people", analyst, 403);
  json sesa_person = {{"name", "Sem Órgão Dele"},
                      {"organization_id", w.sesa.id},
                      {"roles", {{{"role", "requester"}}}}};
  send("POST", otavio, "/api/v1/people", sesa_person, 403);
  send("POST", attendant, "/api/v1/people",
       {{"name", "Repetido"}, {"emails", {"maria@seger.es.gov.br"}}}, 409);
  auto short_password =
      call("POST", "/api/v1/people", attendant, R"({"name":"X Y","initial_password":"curta"})");
  EXPECT_EQ(short_password.status, 422);
  EXPECT_EQ(error_field(short_password), "initial_password");
  auto unknown_org =
      call("POST", "/api/v1/people", attendant, R"({"name":"X Y","organization_id":987654})");
  EXPECT_EQ(unknown_org.status, 422);
  EXPECT_EQ(error_field(unknown_org), "organization_id");
  EXPECT_EQ(
      error_field(call("POST", "/api/v1/people", attendant, R"({"name":"X Y","emails":"x@y.br"})")),
      "emails");
  EXPECT_EQ(error_field(call("POST", "/api/v1/people", attendant,
                             R"({"name":"X Y","roles":[{"role":"rei"}]})")),
            "roles");
  EXPECT_EQ(error_field(call("POST", "/api/v1/people", attendant,
                             R"({"name":"X Y","must_change_password":false})")),
            "must_change_password");
  EXPECT_EQ(count("people"), before);
}

TEST_P(DirectoryApiTest, AdminEditsAUnitButCannotDeactivateOneWithOpenTickets) {
  Browser admin = sign_in(w.admin);
  const std::string path = "/api/v1/units/" + id(w.sgdba.id);
  json changed = send("PATCH", admin, path, {{"name", "Subgerência de Bancos de Dados"}}, 200);
  EXPECT_EQ(changed["name"], "Subgerência de Bancos de Dados");
  EXPECT_EQ(changed["code"], "SGDBA");
  EXPECT_EQ(changed["active"], true);
  Ticket t = register_sis(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.sgdba.id, std::nullopt);
  auto refused = call("PATCH", path, admin, R"({"active":false})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(error_field(refused), "active");
  desk->work().cancel(as(w.attendant), t.id, "Duplicado.");
  EXPECT_EQ(send("PATCH", admin, path, {{"active", false}}, 200)["active"], false);
  EXPECT_EQ(call("PATCH", "/api/v1/units/987654", admin, R"({"name":"X"})").status, 404);
}

TEST_P(DirectoryApiTest, APasswordResetAnswersWithThePasswordOnlyWithoutEmail) {
  Browser admin = sign_in(w.admin);
  const Person p = desk->accounts().bootstrap_user("Sem E-mail", "sem.email", "Senha-antiga-1",
                                                   {{Role::requester, std::nullopt}});
  const std::string path = "/api/v1/people/" + id(p.id) + "/password-reset";
  auto r = call("POST", path, admin);
  ASSERT_EQ(r.status, 200) << r.body;
  json reset = r.json();
  EXPECT_EQ(reset["emailed"], false);
  ASSERT_TRUE(reset["temporary_password"].is_string());
  EXPECT_TRUE(
      desk->accounts().authenticate("sem.email", reset["temporary_password"].get<std::string>()));
  EXPECT_EQ(call("GET", "/api/v1/people/" + id(p.id), admin).json()["must_change_password"], true);

  Person with_mail = desk->directory().person(as(w.admin), p.id);
  with_mail.emails = {"sem.email@seger.es.gov.br"};
  desk->directory().update_person(as(w.admin), with_mail);
  reset = call("POST", path, admin).json();
  EXPECT_EQ(reset["emailed"], true);
  EXPECT_TRUE(reset["temporary_password"].is_null());
}

TEST_P(DirectoryApiTest, AGrantMayExpireAndARevocationKeepsItsReason) {
  Browser admin = sign_in(w.admin);
  json nina = new_seger_person(admin);
  const std::string list = "/api/v1/organizations/" + id(w.seger.id) + "/authorizations";
  json granted = send("POST", admin, list,
                      {{"document_type", "oficio"},
                       {"document_number", "Ofício 8/2026"},
                       {"person_id", nina["id"]},
                       {"valid_from", "2026-03-02"},
                       {"expires_on", "2026-06-30"}},
                      201);
  EXPECT_EQ(granted["expires_on"], "2026-06-30");
  const std::string revocation = "/api/v1/authorizations/" + id(granted["id"]) + "/revocation";
  auto missing = call("POST", revocation, admin, R"({"valid_until":"2026-03-31"})");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(error_field(missing), "reason");
  json revoked = send("POST", admin, revocation,
                      {{"valid_until", "2026-03-31"}, {"reason", "Servidora exonerada."}}, 200);
  EXPECT_EQ(revoked["revocation_reason"], "Servidora exonerada.");
  EXPECT_EQ(revoked["valid_until"], "2026-03-31");
}

GUICHE_ON_BOTH_ENGINES(DirectoryApiTest);

}  // namespace
}  // namespace guiche::testing
