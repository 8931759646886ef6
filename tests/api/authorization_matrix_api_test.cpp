// Every registered endpoint × every kind of caller, against objects of another
// organization (authorization_matrix_table.cpp). A route without a row fails
// the test, so a new endpoint cannot skip the matrix; any 2xx that hands the
// other organization's data to a caller the table does not allow is a leak.
#include <gmock/gmock.h>

#include <map>
#include <set>
#include <tuple>

#include "api/authorization_matrix.hpp"
#include "api/authorization_matrix_sign_in.hpp"
#include "api/routes.hpp"
#include "app/accounts/accounts.hpp"
#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "app/attachments/attachments.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "app/incidents/status_components.hpp"
#include "app/incidents/status_notices.hpp"
#include "app/knowledge/knowledge_base.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/tickets/ticket_work.hpp"
#include "app/webhooks/webhooks.hpp"
#include "identity/ldap/ldap_server.hpp"
#include "identity/oidc/oidc_client.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

const char* caller_name(int c) {
  static const char* names[kCallers] = {
      "requester",      "org_manager", "attendant", "analyst",   "unit_manager", "client_relations",
      "communications", "leadership",  "admin",     "ombudsman", "anonymous",    "token"};
  return names[c];
}

// Run three times per engine: the person callers signed in with a local
// password, through the directory, and with the OpenID provider
// (authorization_matrix_sign_in.hpp). The table and its expectations are
// the same for all three.
class AuthorizationMatrixApiTest
    : public ApiWorldTest,
      public ::testing::WithParamInterface<std::tuple<Engine, SignInWay>> {
 protected:
  Engine engine() const override { return std::get<0>(GetParam()); }
  SignInWay way() const { return std::get<1>(GetParam()); }
  app::DeskConfig desk_config() override {
    auto config = ApiWorldTest::desk_config();
    // The callback URLs the test provider accepts (scripts/test-servers/oidc.sh).
    if (way() == SignInWay::oidc) config.public_url = kOidcTestPublicUrl;
    return config;
  }

  Person staff_with(const char* name, const char* email, Role role,
                    std::optional<std::int64_t> unit) {
    Person p;
    p.name = name;
    p.emails = {email};
    p.roles = {{role, unit}};
    return desk->directory().create_person(as(w.admin), {p, std::nullopt});
  }

  // Signs the person callers in (in Caller's order) the way the parameter
  // says; the external ways skip the test without their test server.
  void sign_in_callers(const std::vector<const Person*>& people) {
    switch (way()) {
      case SignInWay::local_password:
        for (const Person* p : people) callers.push_back(sign_in(*p));
        return;
      case SignInWay::ldap: {
        GUICHE_REQUIRE_LDAP(directory);
        desk->accounts().use_directory(
            std::make_shared<identity::LdapServer>(ldap_config(directory)));
        for (std::size_t c = 0; c < people.size(); ++c) {
          const std::string login = matrix_account(static_cast<Caller>(c));
          link_directory_account(*desk, as(w.admin), directory, *people[c], login);
          callers.push_back(sign_in(login, kMatrixDirectoryPassword));
        }
        break;
      }
      case SignInWay::oidc: {
        // Held while the callers sign in: the provider's tests take turns.
        // The provider's second factor is not required of staff (guiche
        // serve's default): Glewlwyd's `amr` names the password only, so with
        // --oidc-require-mfa-for-staff the staff callers would be refused
        // (tests/app/oidc_sign_in_test.cpp checks that refusal).
        GUICHE_REQUIRE_OIDC(provider);
        desk->accounts().use_oidc_provider(
            std::make_shared<identity::OidcClient>(oidc_client_config(provider)));
        for (std::size_t c = 0; c < people.size(); ++c) {
          const std::string user = matrix_account(static_cast<Caller>(c));
          link_provider_account(*desk, provider, *people[c], user);
          callers.push_back(sign_in_with_provider(*desk, provider, user));
        }
        break;
      }
    }
    for (std::size_t c = 0; c < people.size(); ++c) {
      expect_same_person(*desk, callers[c], *people[c]);
    }
  }

  void SetUp() override {
    ApiWorldTest::SetUp();
    if (HasFatalFailure()) return;
    const Person comms =
        staff_with("Cora Comunicação", "cora@prodest.es.gov.br", Role::communications, w.ascom.id);
    Person leader =
        staff_with("Lia Diretora", "lia@prodest.es.gov.br", Role::leadership, std::nullopt);
    Person ombudsman = create_ombudsman();
    sign_in_callers({&w.requester_seger, &w.manager_seger, &w.attendant, &w.analyst_sis,
                     &w.manager_gesin, &w.relations_agent, &comms, &leader, &w.admin, &ombudsman});
    if (IsSkipped() || HasFatalFailure()) return;
    token_secret = desk->accounts()
                       .create_api_token(as(w.requester_seger), w.requester_seger.id, "ERP")
                       .secret;
    // A webhook subscription, so the tickets below leave deliveries to retry.
    const auto hook = desk->webhooks().create(
        as(w.admin),
        {"Matriz", "http://127.0.0.1:9/hook", "segredo-da-matriz-123", {"ticket_created"}, true});

    // A directory group's mapping, for its removal's row.
    DirectoryGroupMapping group_mapping;
    group_mapping.group_dn = "cn=SESA,ou=groups,dc=matriz";
    group_mapping.organization_id = w.sesa.id;
    group_mapping = desk->accounts().add_group_mapping(as(w.admin), group_mapping);

    // A component of SGSIS used by SESA, and an incident there the central reported.
    StatusComponent component;
    component.name = "Sistema da Saúde";
    component.group_name = "Sistemas";
    component.responsible_unit_id = w.sgsis.id;
    component.organization_ids = {w.sesa.id};
    component = desk->status_components().create_component(as(w.admin), component);
    app::ReportIncident report;
    report.component_ids = {component.id};
    report.organization_id = w.sesa.id;
    report.impact = "o atendimento";
    const auto notice = desk->status_notices().report_incident(as(w.attendant), report);

    // SESA's objects: two tickets worked at SGSIS, a public attachment, the
    // requester's authorization and API token.
    Ticket t = register_sis(w.requester_sesa, "Acesso da Saúde");
    desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
    desk->work().change_status(as(w.analyst_sis), t.id, Status::in_progress);
    Ticket t2 = register_sis(w.requester_sesa, "Outro da Saúde");
    desk->work().route(as(w.attendant), t2.id, w.sgsis.id, std::nullopt);
    auto attachment =
        desk->attachments().attach(as(w.requester_sesa), t.id, "exame.txt", "Dados da Saúde.\n");
    std::int64_t authorization = 0;
    for (const auto& a : desk->authorizations().authorizations(as(w.admin), w.sesa.id)) {
      if (a.person_id == w.requester_sesa.id) authorization = a.id;
    }
    auto token =
        desk->accounts().create_api_token(as(w.requester_sesa), w.requester_sesa.id, "Saúde");
    // A confidential manifestação the ouvidoria linked to SESA's ticket.
    app::ManifestationForm mf;
    mf.kind = "complaint";
    mf.identification = "confidential";
    mf.subject = "Demora";
    mf.description = "Demora no atendimento.";
    mf.name = "Ana Sigilosa";
    mf.email = "ana.sigilosa@exemplo.com.br";
    const auto manifestation = desk->manifestations().register_manifestation(std::nullopt, mf);
    desk->manifestations().link_ticket(as(ombudsman), manifestation.manifestation.id, t.protocol);
    // A shared answer template and a shared macro (logging a minute) the admin made.
    AnswerTemplate tpl;
    tpl.title = "Matriz";
    tpl.body = "Olá, {{solicitante}}.";
    tpl = desk->answer_templates().save(as(w.admin), tpl);
    TicketMacro macro;
    macro.name = "Matriz";
    macro.minutes = 1;
    macro = desk->macros().save(as(w.admin), macro);
    // An internal article of SGSIS's service: never for requesters or visitors.
    app::ArticleDraft article;
    article.title = "Procedimento interno da matriz";
    article.body = "Passos internos.";
    article.audience = "internal";
    article.service_code = "SIS-ACESSO";
    const auto internal_article = desk->knowledge().create(as(w.admin), article);
    values = {
        {"tpl", std::to_string(tpl.id)},
        {"macro", std::to_string(macro.id)},
        {"kb_internal", std::to_string(internal_article.id)},
        {"m", std::to_string(manifestation.manifestation.id)},
        {"mprotocol", manifestation.manifestation.protocol},
        {"mcode", manifestation.tracking_code},
        {"t2", std::to_string(t2.id)},
        {"t", std::to_string(t.id)},
        {"protocol", t.protocol},
        {"a", std::to_string(attachment.id)},
        {"org", std::to_string(w.sesa.id)},
        {"paulo", std::to_string(w.requester_sesa.id)},
        {"analyst", std::to_string(w.analyst_sis.id)},
        {"sgsis", std::to_string(w.sgsis.id)},
        {"auth", std::to_string(authorization)},
        {"token", std::to_string(token.id)},
        {"hook", std::to_string(hook.id)},
        {"group_mapping", std::to_string(group_mapping.id)},
        {"component", std::to_string(component.id)},
        {"notice", std::to_string(notice.notice.id)},
        {"hook_delivery",
         std::to_string(desk->webhooks().deliveries(as(w.admin), hook.id, {}, 1).front().id)},
        {"q",
         std::to_string(
             desk->mail().receive_mail(as(w.attendant), "\x01 lixo\r\n", "mailgate").inbound_id)}};
    // PUT needs whole resources: their current state, as an admin reads it.
    const Browser& admin = callers[static_cast<int>(Caller::admin)];
    json o = call("GET", "/api/v1/organizations/" + values["org"], admin).json();
    o.erase("id");
    json p = call("GET", "/api/v1/people/" + values["paulo"], admin).json();
    for (const char* k : {"id", "must_change_password"}) p.erase(k);
    for (auto& r : p["roles"]) r.erase("label");
    json s = call("GET", "/api/v1/services/SUP-TEC", admin).json();
    s.erase("id");
    values["org_body"] = o.dump();
    values["paulo_body"] = p.dump();
    values["service_body"] = s.dump();
    values["sla_configuration"] = call("GET", "/api/v1/sla/configuration", admin).json().dump();
  }

  std::string filled(std::string text) {
    for (const auto& [name, value] : values) {
      const std::string key = "{" + name + "}";
      for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
        text.replace(at, key.size(), value);
        at += value.size();
      }
    }
    return text;
  }

  HttpResult send(const MatrixRow& row, int caller) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (caller == static_cast<int>(Caller::token)) {
      headers.emplace_back("Authorization", "Bearer " + token_secret);
    } else if (caller != static_cast<int>(Caller::anonymous)) {
      headers.emplace_back("Cookie", callers[caller].cookie);
      headers.emplace_back("X-CSRF-Token", callers[caller].csrf);
    }
    if (!row.body.empty()) headers.emplace_back("Content-Type", row.content_type);
    return raw(row.method, filled(row.target), headers, filled(row.body));
  }

  // Whether a 200 list names the other organization's object.
  bool list_leaks(const MatrixRow& row, const HttpResult& r) {
    const std::string own = row.route == "/api/v1/organizations" ? values["org"] : values["t"];
    // Equipment names its ticket.
    const char* key = row.route == "/api/v1/equipment" ? "ticket_id" : "id";
    for (const auto& item : r.json().value("items", json::array())) {
      if (std::to_string(item.value(key, std::int64_t{0})) == own) return true;
    }
    return false;
  }

  // A bulk answer that changed no ticket and named none it hid.
  bool bulk_did_nothing(const HttpResult& r) {
    const auto body = r.json();
    if (body.value("done", -1) != 0) return false;
    for (const auto& item : body.value("tickets", json::array())) {
      if (item.value("done", true)) return false;
      if (item["protocol"].is_string() && item["protocol"] == values["protocol"] &&
          item.value("reason", "").find("não encontrado") != std::string::npos) {
        return false;
      }
    }
    return true;
  }

  std::vector<Browser> callers;
  std::string token_secret;
  std::map<std::string, std::string> values;
};

TEST_P(AuthorizationMatrixApiTest, EveryEndpointHasARowAndEveryRowAnEndpoint) {
  api::ApiContext context{*desk};
  std::set<std::string> routes, rows;
  for (const auto& r : api::api_routes(context)) routes.insert(r.method + " " + r.path);
  for (const auto& row : authorization_matrix()) {
    EXPECT_TRUE(rows.insert(row.method + " " + row.route).second) << "two rows for " << row.route;
    EXPECT_EQ(row.expected.size(), static_cast<std::size_t>(kCallers)) << row.route;
  }
  for (const auto& r : routes) EXPECT_TRUE(rows.count(r)) << "no matrix row for " << r;
  for (const auto& r : rows) EXPECT_TRUE(routes.count(r)) << "no such endpoint: " << r;
}

TEST_P(AuthorizationMatrixApiTest, NoCallerGetsWhatTheTableDoesNotAllow) {
  int leaks = 0;
  for (const auto& row : authorization_matrix()) {
    for (int c = 0; c < kCallers; ++c) {
      SCOPED_TRACE(row.method + " " + row.target + " as " + caller_name(c));
      HttpResult r = send(row, c);
      const char expected = row.expected[c];
      const bool success = r.status >= 200 && r.status < 300;
      std::set<int> allowed;
      switch (expected) {
        case 'P':
        case 'L':
        case 'S':
          allowed = {200};
          break;
        case 'Y':
          allowed = {200, 201, 202, 204, 409, 422};
          break;
        case 'H':
          allowed = {404};
          break;
        case 'D':
          allowed = {403};
          break;
        case 'A':
          allowed = {401};
          break;
        case 'I':
          allowed = {422};
          break;
        default:
          ADD_FAILURE() << "unknown letter " << expected;
      }
      EXPECT_TRUE(allowed.count(r.status)) << "got " << r.status << ": " << r.body.substr(0, 300);
      if (success && expected != 'P' && expected != 'Y' && expected != 'L' && expected != 'S') {
        ++leaks;
      }
      if (success && expected == 'S' && !bulk_did_nothing(r)) {
        ++leaks;
        ADD_FAILURE() << "the bulk action reached a ticket the caller could not change";
      }
      if (success && expected == 'L' && list_leaks(row, r)) {
        ++leaks;
        ADD_FAILURE() << "the list shows the other organization's object";
      }
      if (!success) {
        EXPECT_EQ(r.headers["content-type"], "application/problem+json") << r.body;
      }
    }
  }
  EXPECT_EQ(leaks, 0) << "responses that exposed another organization's data";
}

std::string matrix_variant_name(
    const ::testing::TestParamInfo<std::tuple<Engine, SignInWay>>& info) {
  const auto engine = std::get<0>(info.param);
  return engine_name({engine, info.index}) + "_" + sign_in_way_name(std::get<1>(info.param));
}

INSTANTIATE_TEST_SUITE_P(EnginesAndSignIns, AuthorizationMatrixApiTest,
                         ::testing::Combine(::testing::Values(Engine::sqlite, Engine::postgres),
                                            ::testing::Values(SignInWay::local_password,
                                                              SignInWay::ldap, SignInWay::oidc)),
                         matrix_variant_name);

}  // namespace
}  // namespace guiche::testing
