#include "api/authorization_matrix_sign_in.hpp"

#include <gmock/gmock.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

#include "app/accounts/accounts.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"

namespace guiche::testing {

std::string sign_in_way_name(SignInWay way) {
  switch (way) {
    case SignInWay::local_password:
      return "LocalPassword";
    case SignInWay::ldap:
      return "Ldap";
    case SignInWay::oidc:
      return "Oidc";
  }
  return "";
}

const char* matrix_account(Caller c) {
  static const char* accounts[] = {
      "matriz.solicitante", "matriz.gestor",         "matriz.atendente",   "matriz.analista",
      "matriz.gerente",     "matriz.relacionamento", "matriz.comunicacao", "matriz.diretoria",
      "matriz.admin",       "matriz.ouvidoria"};
  const auto i = static_cast<std::size_t>(c);
  return i < std::size(accounts) ? accounts[i] : "";
}

void link_directory_account(app::Desk& desk, const app::Actor& admin,
                            const TestDirectory& directory, const Person& person,
                            const std::string& login) {
  // As the person does at /minha-area/contas: signed in, their account's
  // login and password, checked by the directory's search-then-bind.
  try {
    desk.accounts().link_directory(desk.accounts().actor(person.id), login,
                                   kMatrixDirectoryPassword, "10.0.0.9");
  } catch (const DomainError& e) {
    FAIL() << login << " (scripts/test-servers/matrix_accounts.txt) was not linked: " << e.what();
  }
  for (const auto& grant : person.roles) {
    DirectoryGroupMapping m;
    m.group_dn = group_dn(directory, "GS-" + login);
    m.organization_id = person.organization_id;
    m.role = grant.role;
    m.unit_id = grant.unit_id;
    desk.accounts().add_group_mapping(admin, m);
  }
}

namespace {

// Starts a sign-in with the test provider ("teste") and answers it at the
// provider as `user`: the callback's parameters.
std::map<std::string, std::string> provider_answer(app::Desk& desk,
                                                   const TestOidcProvider& provider,
                                                   const std::string& user,
                                                   std::optional<std::int64_t> link) {
  const auto url = desk.accounts().start_oidc("teste", "/minha-area", link);
  EXPECT_TRUE(url);
  if (!url) return {};
  const auto at = answer_at_provider(provider, *url, user);
  EXPECT_EQ(at.status, 302) << user << ": " << at.body;
  return query_parameters(at.headers.count("location") ? at.headers.at("location") : "");
}

app::OidcCallback finish_at_callback(app::Desk& desk,
                                     const std::map<std::string, std::string>& params,
                                     std::optional<std::int64_t> signed_in) {
  const auto value = [&](const char* key) {
    return params.count(key) ? params.at(key) : std::string();
  };
  return desk.accounts().finish_oidc("teste", value("state"), value("code"), std::nullopt,
                                     signed_in);
}

// "analyst@4": the roles, comparable.
std::vector<std::string> role_texts(const Person& p) {
  std::vector<std::string> out;
  for (const auto& g : p.roles) {
    out.push_back(std::string(role_code(g.role)) + "@" +
                  (g.unit_id ? std::to_string(*g.unit_id) : std::string("-")));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void link_provider_account(app::Desk& desk, const TestOidcProvider& provider, const Person& person,
                           const std::string& user) {
  const auto done =
      finish_at_callback(desk, provider_answer(desk, provider, user, person.id), person.id);
  EXPECT_EQ(done.kind, app::OidcCallback::Kind::linked) << user << ": " << done.message;
}

Browser sign_in_with_provider(app::Desk& desk, const TestOidcProvider& provider,
                              const std::string& user) {
  const auto done =
      finish_at_callback(desk, provider_answer(desk, provider, user, std::nullopt), std::nullopt);
  EXPECT_EQ(done.kind, app::OidcCallback::Kind::signed_in) << user << ": " << done.message;
  if (!done.grant) return {};
  return {"guiche_session=" + done.grant->session_id, done.grant->csrf_token};
}

void expect_same_person(app::Desk& desk, const Browser& session, const Person& person) {
  const auto prefix = std::string("guiche_session=");
  ASSERT_EQ(session.cookie.rfind(prefix, 0), 0u) << "no session for " << person.name;
  const auto opened = desk.accounts().session(session.cookie.substr(prefix.size()));
  ASSERT_TRUE(opened) << "the session of " << person.name << " is unknown";
  const Person& now = opened->first.person;
  EXPECT_EQ(now.id, person.id) << person.name << " signed in as another person";
  EXPECT_EQ(now.name, person.name);
  EXPECT_EQ(now.emails, person.emails) << person.name;
  EXPECT_EQ(now.organization_id, person.organization_id) << person.name;
  EXPECT_EQ(role_texts(now), role_texts(person)) << person.name;
  EXPECT_TRUE(now.active) << person.name;
}

}  // namespace guiche::testing
