// Signing in through an LDAP / Active Directory directory (issue 16, item 2),
// against the real slapd of scripts/test-servers/ldap.sh (skipped without
// it): the first sign-in creates the person from the directory, a later one
// brings the name back up to date and reuses the person, mapped groups give
// the organization and the unit's role, a disabled account, a wrong password
// and a filter injection are refused like an unknown login (and counted by
// the login throttle), a directory that does not answer gives a clear
// message while local accounts still sign in, and the service account's
// password never reaches the log.
#include <gmock/gmock.h>

#include "app/accounts/auth/ldap_backend.hpp"
#include "app/directory/authorizations.hpp"
#include "domain/error.hpp"
#include "store/person_rows.hpp"
#include "support/desk_world.hpp"
#include "support/ldap_directory.hpp"
#include "support/test_password.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class LdapSignInTest : public DeskTest {
 protected:
  void use(const identity::LdapConfig& config) {
    desk->accounts().use_directory(std::make_shared<identity::LdapServer>(config));
  }
  app::SessionGrant sign_in(const std::string& login, const std::string& password) {
    return desk->accounts().sign_in(login, password, "10.0.0.7");
  }
  // The refusal's kind and message, or "" when it signed in.
  std::pair<std::optional<DomainError::Kind>, std::string> refusal(const std::string& login,
                                                                   const std::string& password) {
    try {
      sign_in(login, password);
      return {std::nullopt, ""};
    } catch (const DomainError& e) {
      return {e.kind(), e.what()};
    }
  }
  void map_group(const std::string& dn, std::optional<std::int64_t> organization,
                 std::optional<Role> role, std::optional<std::int64_t> unit) {
    DirectoryGroupMapping m;
    m.group_dn = dn;
    m.organization_id = organization;
    m.role = role;
    m.unit_id = unit;
    desk->accounts().add_group_mapping(as(w.admin), m);
  }
  void give_local_password(const Person& p, const std::string& login) {
    database->db().write([&](store::Connection& c) {
      c.query("UPDATE people SET login = ?, password_hash = ? WHERE id = ?",
              {login, test_password_hash(), p.id});
    });
  }
};

TEST_P(LdapSignInTest, TheFirstSignInCreatesThePersonAndTheSecondReusesIt) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  const auto people = count("people");
  const auto first = sign_in("maria.souza", "senha-da-maria");
  EXPECT_EQ(first.person.name, "Maria Souza");
  EXPECT_EQ(first.person.login, "maria.souza");
  EXPECT_EQ(first.person.emails, std::vector<std::string>{"maria.souza@sefaz.es.gov.br"});
  EXPECT_EQ(first.person.phone, "+552736361000");
  ASSERT_EQ(first.person.roles.size(), 1u);
  EXPECT_EQ(first.person.roles[0].role, Role::requester);
  EXPECT_EQ(count("people"), people + 1);
  EXPECT_EQ(count("external_identities"), 1);
  // The session is a session like any other.
  ASSERT_TRUE(desk->accounts().session(first.session_id));
  EXPECT_EQ(desk->accounts().session(first.session_id)->first.id(), first.person.id);

  // Someone edits the name in Guichê; the directory's comes back at the next sign-in.
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE people SET name = 'Nome Antigo' WHERE id = ?", {first.person.id});
  });
  const auto second = sign_in("MARIA.SOUZA", "senha-da-maria");
  EXPECT_EQ(second.person.id, first.person.id);
  EXPECT_EQ(second.person.name, "Maria Souza");
  EXPECT_EQ(as(second.person).person.name, "Maria Souza");
  EXPECT_EQ(count("people"), people + 1);
}

TEST_P(LdapSignInTest, MappedGroupsGiveTheOrganizationAndTheUnitsRoleAndFollowChanges) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  // As an admin types them: case and spaces do not matter.
  map_group("CN=GS-Guiche-Analistas, OU=groups, " + directory.base_dn, std::nullopt, Role::analyst,
            w.sgsis.id);
  map_group(group_dn(directory, "SEFAZ"), w.sesa.id, std::nullopt, std::nullopt);
  map_group(group_dn(directory, "Outro-Grupo"), w.seger.id, Role::admin, std::nullopt);

  const auto maria = sign_in("maria.souza", "senha-da-maria").person;
  EXPECT_EQ(maria.organization_id, w.sesa.id);
  ASSERT_EQ(maria.roles.size(), 1u);
  EXPECT_EQ(maria.roles[0].role, Role::analyst);
  EXPECT_EQ(maria.roles[0].unit_id, w.sgsis.id);
  EXPECT_TRUE(as(maria).person.has_role(Role::analyst));

  const auto joao = sign_in("joao.lima", "senha-do-joao").person;
  EXPECT_EQ(joao.name, "João Lima");
  EXPECT_EQ(joao.organization_id, w.sesa.id);
  ASSERT_EQ(joao.roles.size(), 1u);
  EXPECT_EQ(joao.roles[0].role, Role::requester);

  // The analysts' mapping goes: Maria's next sign-in takes the role away.
  for (const auto& m : desk->accounts().group_mappings(as(w.admin))) {
    if (m.role == Role::analyst) desk->accounts().remove_group_mapping(as(w.admin), m.id);
  }
  const auto again = sign_in("maria.souza", "senha-da-maria").person;
  EXPECT_EQ(again.id, maria.id);
  EXPECT_FALSE(again.has_role(Role::analyst));
  EXPECT_TRUE(again.has_role(Role::requester));
  EXPECT_FALSE(as(again).person.has_role(Role::analyst));
}

TEST_P(LdapSignInTest, AGroupRuleMakesItsMembersAuthorizedRequestersWithTheirHistory) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  DirectoryGroupMapping rule;
  rule.group_dn = group_dn(directory, "SEFAZ");
  rule.organization_id = w.sesa.id;
  rule.authorizes_requesters = true;
  rule.document_type = AuthorizationDocument::oficio;
  rule.document_number = "Ofício SESA 12/2026";
  rule = desk->accounts().add_group_mapping(as(w.admin), rule);
  const auto joao = sign_in("joao.lima", "senha-do-joao").person;
  const auto ana = sign_in("ana.rocha", "senha-da-ana").person;  // in no group
  const Date today = desk->local_date(clock.now());
  const auto of = [&](const Person& p) {
    auto all = desk->authorizations().authorizations(as(w.admin), w.sesa.id);
    std::erase_if(all, [&](const AuthorizedRequester& a) { return a.person_id != p.id; });
    return all;
  };
  auto records = of(joao);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(of(ana).empty());
  EXPECT_EQ(records[0].document_number, "Ofício SESA 12/2026");
  EXPECT_EQ(records[0].entered_by, w.admin.id);
  EXPECT_TRUE(records[0].is_effective_on(today));
  // A second sign-in keeps the one record.
  sign_in("joao.lima", "senha-do-joao");
  EXPECT_EQ(of(joao).size(), 1u);
  // The rule goes: at the next sign-in the record is revoked, and kept.
  clock.advance(std::chrono::hours(24));
  desk->accounts().remove_group_mapping(as(w.admin), rule.id);
  sign_in("joao.lima", "senha-do-joao");
  records = of(joao);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].is_effective_on(desk->local_date(clock.now())));
  EXPECT_TRUE(records[0].is_effective_on(today));
  EXPECT_THAT(records[0].revocation_reason, HasSubstr("Deixou de pertencer ao grupo"));
  // A rule needs its organization and its document.
  DirectoryGroupMapping bad;
  bad.group_dn = group_dn(directory, "SEFAZ");
  bad.role = Role::requester;
  bad.authorizes_requesters = true;
  EXPECT_THROW(desk->accounts().add_group_mapping(as(w.admin), bad), DomainError);
}

TEST_P(LdapSignInTest, ADisabledAccountAWrongPasswordAndAnUnknownLoginGetTheSameRefusal) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  const auto people = count("people");
  const auto unknown = refusal("ninguem.aqui", "senha-da-maria");
  ASSERT_EQ(unknown.first, DomainError::Kind::unauthenticated);
  EXPECT_EQ(unknown.second, "Login ou senha incorretos.");
  EXPECT_EQ(refusal("davi.desligado", "senha-do-davi"), unknown);
  EXPECT_EQ(refusal("joao.lima", "senha-da-maria"), unknown);
  // An empty password would be an anonymous bind, which the server accepts.
  EXPECT_EQ(refusal("ana.rocha", ""), unknown);
  EXPECT_EQ(count("people"), people);
  EXPECT_EQ(count("external_identities"), 0);
}

TEST_P(LdapSignInTest, WrongPasswordsGoThroughTheLoginThrottle) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  // The directory ignores case, so the throttle does too.
  for (const char* login : {"ana.rocha", "ANA.ROCHA", "Ana.Rocha", "ana.ROCHA"}) {
    EXPECT_EQ(refusal(login, "errada").first, DomainError::Kind::unauthenticated);
  }
  // Even the right password waits now, as for a local account.
  EXPECT_EQ(refusal("ana.rocha", "senha-da-ana").first, DomainError::Kind::rate_limited);
  clock.advance(std::chrono::seconds(2));
  EXPECT_EQ(refusal("ana.rocha", "senha-da-ana").first, std::nullopt);
}

TEST_P(LdapSignInTest, AFilterInjectionInTheLoginFindsNobody) {
  GUICHE_REQUIRE_LDAP(directory);
  for (const char* filter : {"(sAMAccountName=%s)", "(uid=%s)"}) {
    SCOPED_TRACE(filter);
    auto config = ldap_config(directory);
    config.user_filter = filter;
    identity::LdapServer server(config);
    // The filter works for a real login...
    ASSERT_EQ(server.verify("maria.souza", "senha-da-maria").outcome,
              app::DirectoryAnswer::Outcome::verified);
    // ...and finds nobody with a login that tries to widen it.
    for (const char* login : {"*)(uid=*", "*", "maria*", "*)(|(cn=*", "maria.souza)(|(uid=*",
                              "maria.souza\\", "*)(objectClass=*))(|(uid=*"}) {
      SCOPED_TRACE(login);
      EXPECT_EQ(server.verify(login, "senha-da-maria").outcome,
                app::DirectoryAnswer::Outcome::not_found);
    }
  }
  use(ldap_config(directory));
  const auto people = count("people");
  EXPECT_EQ(refusal("*)(uid=*", "senha-da-maria").first, DomainError::Kind::unauthenticated);
  EXPECT_EQ(refusal("*", "senha-do-joao").first, DomainError::Kind::unauthenticated);
  EXPECT_EQ(count("people"), people);
}

TEST_P(LdapSignInTest, ADirectoryDownGivesAClearMessageAndLocalAccountsStillSignIn) {
  auto config = identity::LdapConfig{};
  config.url = "ldap://127.0.0.1:1";  // nothing listens there
  config.base_dn = "dc=guiche,dc=test";
  config.bind_dn = "cn=guiche,ou=services,dc=guiche,dc=test";
  config.bind_password = "servico-de-teste";
  use(config);
  const auto people = count("people");
  const auto down = refusal("maria.souza", "senha-da-maria");
  ASSERT_EQ(down.first, DomainError::Kind::unavailable);
  EXPECT_THAT(down.second, StartsWith("O diretório está indisponível"));
  give_local_password(w.attendant, "carlos.atendente");
  const auto local = sign_in("carlos.atendente", kTestPassword);
  EXPECT_EQ(local.person.id, w.attendant.id);
  // A local wrong password is still a wrong password, not the directory's fault.
  EXPECT_EQ(refusal("carlos.atendente", "errada").first, DomainError::Kind::unauthenticated);
  EXPECT_EQ(count("people"), people);
}

TEST_P(LdapSignInTest, TLSIsRequiredAndTheCertificateChecked) {
  GUICHE_REQUIRE_LDAP(directory);
  auto config = ldap_config(directory);
  // Without the CA that signed the server's certificate, StartTLS fails: no password is sent.
  config.ca_file = "/dev/null";
  auto answer = identity::LdapServer(config).verify("maria.souza", "senha-da-maria");
  EXPECT_EQ(answer.outcome, app::DirectoryAnswer::Outcome::unavailable);
  EXPECT_THAT(answer.reason, HasSubstr("StartTLS"));
  // --ldap-insecure (tests only) skips StartTLS.
  config.ca_file.clear();
  config.insecure = true;
  EXPECT_EQ(identity::LdapServer(config).verify("maria.souza", "senha-da-maria").outcome,
            app::DirectoryAnswer::Outcome::verified);
  EXPECT_THAT(identity::LdapServer(config).describe(), HasSubstr("--ldap-insecure"));
  EXPECT_THAT(identity::LdapServer(ldap_config(directory)).describe(),
              HasSubstr("StartTLS obrigatório"));
}

// As the directory's administrator would: lia.sessao's userAccountControl
// (514 disabled, 512 enabled). Only this test uses that account.
void set_lia_account_control(const TestDirectory& d, int value) {
  const std::string command = "LDAPTLS_CACERT='" + d.ca_file + "' ldapmodify -x -ZZ -H '" + d.url +
                              "' -D 'cn=admin," + d.base_dn + "' -w admin-de-teste >/dev/null";
  FILE* pipe = popen(command.c_str(), "w");
  ASSERT_NE(pipe, nullptr);
  const std::string ldif = "dn: cn=Lia Sessao,ou=people," + d.base_dn +
                           "\nchangetype: modify\nreplace: userAccountControl\n"
                           "userAccountControl: " +
                           std::to_string(value) + "\n";
  fputs(ldif.c_str(), pipe);
  ASSERT_EQ(pclose(pipe), 0);
}

TEST_P(LdapSignInTest, ADisabledAccountEndsItsSessionAtTheNextCheck) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  const auto lia = sign_in("lia.sessao", "senha-da-lia");
  auto& accounts = desk->accounts();
  // Within the re-check interval nothing is asked; past it the account is looked up: enabled.
  clock.advance(std::chrono::minutes(14));
  ASSERT_TRUE(accounts.session(lia.session_id));
  clock.advance(std::chrono::minutes(2));
  ASSERT_TRUE(accounts.session(lia.session_id));
  set_lia_account_control(directory, 514);
  clock.advance(std::chrono::minutes(16));
  const bool survived = accounts.session(lia.session_id).has_value();
  set_lia_account_control(directory, 512);
  EXPECT_FALSE(survived);
  EXPECT_FALSE(accounts.session(lia.session_id));
  // A local password's session is not the directory's to end.
  give_local_password(w.attendant, "carlos.atendente");
  const auto local = sign_in("carlos.atendente", kTestPassword);
  clock.advance(std::chrono::minutes(30));
  EXPECT_TRUE(accounts.session(local.session_id));
}

TEST_P(LdapSignInTest, TheServiceAccountsPasswordNeverReachesTheLog) {
  GUICHE_REQUIRE_LDAP(directory);
  auto wrong = ldap_config(directory);
  wrong.bind_password = "senha-de-servico-errada-7731";
  auto down = ldap_config(directory);
  down.url = "ldap://127.0.0.1:1";
  down.bind_password = "senha-de-servico-fora-9942";
  ::testing::internal::CaptureStderr();
  use(wrong);
  EXPECT_EQ(refusal("maria.souza", "senha-da-maria").first, DomainError::Kind::unavailable);
  desk = std::make_unique<app::Desk>(database->db(), clock, desk_config());
  use(down);
  EXPECT_EQ(refusal("maria.souza", "senha-da-maria").first, DomainError::Kind::unavailable);
  desk = std::make_unique<app::Desk>(database->db(), clock, desk_config());
  use(ldap_config(directory));
  EXPECT_EQ(refusal("maria.souza", "errada").first, DomainError::Kind::unauthenticated);
  EXPECT_EQ(refusal("maria.souza", "senha-da-maria").first, std::nullopt);
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(log, HasSubstr("diretório indisponível"));
  for (const auto& secret :
       {std::string("senha-de-servico-errada-7731"), std::string("senha-de-servico-fora-9942"),
        directory.bind_password, std::string("senha-da-maria")}) {
    EXPECT_THAT(log, Not(HasSubstr(secret)));
  }
  for (const auto& b : desk->accounts().auth_backends(as(w.admin))) {
    EXPECT_THAT(b.detail, Not(HasSubstr(directory.bind_password)));
  }
}

TEST_P(LdapSignInTest, OnlyAdminsSeeTheBackendsAndEditTheMappingsWhichAreChecked) {
  auto& accounts = desk->accounts();
  const auto on = accounts.auth_backends(as(w.admin));
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(on[0].key, "local");
  EXPECT_THROW(accounts.auth_backends(as(w.attendant)), DomainError);
  EXPECT_THROW(accounts.group_mappings(as(w.requester_seger)), DomainError);
  DirectoryGroupMapping m;
  m.group_dn = "cn=GS,ou=groups,dc=guiche,dc=test";
  m.role = Role::analyst;
  try {
    accounts.add_group_mapping(as(w.admin), m);  // an analyst of which unit?
    ADD_FAILURE() << "accepted a unit role without a unit";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::validation);
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].field, "unit_id");
  }
  m.role.reset();
  EXPECT_THROW(accounts.add_group_mapping(as(w.admin), m), DomainError);  // gives nothing
  m.group_dn = "GS sem DN";
  m.organization_id = w.sesa.id;
  EXPECT_THROW(accounts.add_group_mapping(as(w.admin), m), DomainError);
  m.group_dn = "cn=GS,ou=groups,dc=guiche,dc=test";
  EXPECT_THROW(accounts.add_group_mapping(as(w.attendant), m), DomainError);
  EXPECT_EQ(count("directory_group_mappings"), 0);
  const auto made = accounts.add_group_mapping(as(w.admin), m);
  EXPECT_EQ(made.created_by, w.admin.id);
  m.group_dn = " CN=GS, OU=groups,dc=guiche,dc=test";
  try {
    accounts.add_group_mapping(as(w.admin), m);
    ADD_FAILURE() << "accepted the same mapping twice";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::conflict);
  }
  EXPECT_THROW(accounts.remove_group_mapping(as(w.attendant), made.id), DomainError);
  accounts.remove_group_mapping(as(w.admin), made.id);
  EXPECT_THROW(accounts.remove_group_mapping(as(w.admin), made.id), DomainError);
  EXPECT_EQ(count("directory_group_mappings"), 0);
}

GUICHE_ON_BOTH_ENGINES(LdapSignInTest);

}  // namespace
}  // namespace guiche::testing
