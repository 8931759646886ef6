// Linking a directory account to an existing person (issue 16: "linking an
// external login to an existing person is explicit"), against the real slapd
// of scripts/test-servers/ldap.sh (skipped without it): a signed-in person
// links their account with its login and password (app/accounts/directory_link.cpp),
// and the directory's sign-in then gives that person, brought up to date by
// the directory and its groups' mappings as any directory sign-in; a wrong
// password, a disabled account, a directory down and an account already
// another person's are refused with clear messages; and the first sign-in of
// an account whose e-mail or login a person already holds creates nobody: in
// a browser, a person with its e-mail gets a code by e-mail that links them,
// as an OpenID account's (tests/app/oidc_sign_in_test.cpp).
#include <gmock/gmock.h>

#include "app/accounts/auth/ldap_backend.hpp"
#include "app/whatsapp/identity_code.hpp"
#include "domain/error.hpp"
#include "store/attachment_blobs.hpp"
#include "store/oidc_sign_in_rows.hpp"
#include "store/outbox_rows.hpp"
#include "store/person_rows.hpp"
#include "support/desk_world.hpp"
#include "support/ldap_directory.hpp"
#include "support/test_password.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

// The password of the matrix's accounts at the test directory (ldap_directory.hpp).
constexpr const char* kMatrixPassword = "senha-da-matriz";

class LdapLinkTest : public DeskTest {
 protected:
  void use(const identity::LdapConfig& config) {
    desk->accounts().use_directory(std::make_shared<identity::LdapServer>(config));
  }
  void link(const Person& p, const std::string& login, const std::string& password) {
    desk->accounts().link_directory(as(p), login, password, "10.0.0.8");
  }
  // The refusal of a link: its kind, its field ("" without one) and its message.
  struct Refusal {
    std::optional<DomainError::Kind> kind;
    std::string field, message;
  };
  Refusal link_refusal(const Person& p, const std::string& login, const std::string& password) {
    try {
      link(p, login, password);
      return {};
    } catch (const DomainError& e) {
      return {e.kind(), e.fields().empty() ? "" : e.fields()[0].field, e.what()};
    }
  }
  std::pair<std::optional<DomainError::Kind>, std::string> sign_in_refusal(
      const std::string& login, const std::string& password) {
    try {
      desk->accounts().sign_in(login, password, "10.0.0.7");
      return {std::nullopt, ""};
    } catch (const DomainError& e) {
      return {e.kind(), e.what()};
    }
  }
  // The code of the last "external_link_code" e-mail to `address`.
  std::string link_code(const std::string& address) {
    std::vector<store::OutboxMessage> all;
    database->db().read([&](store::Connection& c) { all = store::list_messages(c, "", {}, 50); });
    std::string code;
    for (const auto& m : all) {
      if (m.template_key != "external_link_code" || m.recipient_address != address) continue;
      const auto at = m.text_body.find("código ");
      if (at != std::string::npos) code = m.text_body.substr(at + std::string("código ").size(), 6);
    }
    return code;
  }
  void give_email(const Person& p, const std::string& email) {
    database->db().write([&](store::Connection& c) {
      auto person = store::load_person(c, p.id);
      person->emails = {email};
      store::update_person(c, *person);
    });
  }
  void set_column(const Person& p, const std::string& column, const std::string& value) {
    database->db().write([&](store::Connection& c) {
      c.query("UPDATE people SET " + column + " = ? WHERE id = ?", {value, p.id});
    });
  }
};

TEST_P(LdapLinkTest, ALinkedAccountSignsInAsThePersonWithTheDirectorysGroupsRoles) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  DirectoryGroupMapping m;
  m.group_dn = group_dn(directory, "GS-Guiche-Analistas");
  m.role = Role::analyst;
  m.unit_id = w.sgsis.id;
  desk->accounts().add_group_mapping(as(w.admin), m);
  const auto people = count("people");
  link(w.analyst_sis, "Maria.Souza", "senha-da-maria");
  EXPECT_EQ(count("external_identities"), 1);
  // Linking again the account already theirs changes nothing.
  link(w.analyst_sis, "maria.souza", "senha-da-maria");
  EXPECT_EQ(count("external_identities"), 1);
  const auto links = desk->accounts().external_links(as(w.analyst_sis));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].label, "Diretório (LDAP / Active Directory)");
  EXPECT_TRUE(links[0].directory);

  const auto grant = desk->accounts().sign_in("maria.souza", "senha-da-maria", "10.0.0.7");
  EXPECT_EQ(grant.person.id, w.analyst_sis.id);
  EXPECT_EQ(count("people"), people);
  // As at any directory sign-in: the directory's name and e-mails, the mapped roles.
  EXPECT_EQ(grant.person.name, "Maria Souza");
  EXPECT_EQ(grant.person.emails, std::vector<std::string>{"maria.souza@sefaz.es.gov.br"});
  ASSERT_EQ(grant.person.roles.size(), 1u);
  EXPECT_EQ(grant.person.roles[0].role, Role::analyst);
  EXPECT_EQ(grant.person.roles[0].unit_id, w.sgsis.id);
  EXPECT_EQ(as(grant.person).person.name, "Maria Souza");
}

TEST_P(LdapLinkTest, ALinkIsRefusedWithAClearMessageAndNothingChanges) {
  GUICHE_REQUIRE_LDAP(directory);
  EXPECT_EQ(link_refusal(w.attendant, "ana.rocha", "senha-da-ana").kind,
            DomainError::Kind::not_found);  // no directory
  use(ldap_config(directory));
  const auto wrong = link_refusal(w.attendant, "ana.rocha", "errada");
  EXPECT_EQ(wrong.kind, DomainError::Kind::validation);
  EXPECT_EQ(wrong.field, "senha");
  EXPECT_EQ(wrong.message, "Login ou senha do diretório incorretos.");
  const auto unknown = link_refusal(w.attendant, "ninguem.aqui", "senha-da-ana");
  EXPECT_EQ(unknown.field, "senha");
  EXPECT_EQ(unknown.message, wrong.message);
  const auto disabled = link_refusal(w.attendant, "davi.desligado", "senha-do-davi");
  EXPECT_EQ(disabled.kind, DomainError::Kind::validation);
  EXPECT_EQ(disabled.field, "login");
  EXPECT_THAT(disabled.message, HasSubstr("está desativada"));
  EXPECT_EQ(link_refusal(w.attendant, "", "senha-da-ana").message, "Informe o login do diretório.");
  EXPECT_EQ(link_refusal(w.attendant, "ana.rocha", "").message, "Informe a senha do diretório.");
  EXPECT_EQ(count("external_identities"), 0);

  // An account another person linked is theirs.
  link(w.requester_seger, "ana.rocha", "senha-da-ana");
  const auto taken = link_refusal(w.attendant, "ANA.ROCHA", "senha-da-ana");
  EXPECT_EQ(taken.kind, DomainError::Kind::conflict);
  EXPECT_EQ(taken.message, "Esta conta do diretório já está vinculada a outra pessoa.");
  // One account of a directory per person.
  const auto second = link_refusal(w.requester_seger, "joao.lima", "senha-do-joao");
  EXPECT_EQ(second.kind, DomainError::Kind::validation);
  EXPECT_EQ(second.field, "login");
  EXPECT_THAT(second.message, HasSubstr("já está vinculado a outra conta deste diretório"));
  EXPECT_EQ(count("external_identities"), 1);
}

TEST_P(LdapLinkTest, WrongPasswordsAtTheLinkGoThroughTheLoginThrottle) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  for (const char* login : {"joao.lima", "JOAO.LIMA", "Joao.Lima", "joao.LIMA"}) {
    EXPECT_EQ(link_refusal(w.attendant, login, "errada").kind, DomainError::Kind::validation);
  }
  EXPECT_EQ(link_refusal(w.attendant, "joao.lima", "senha-do-joao").kind,
            DomainError::Kind::rate_limited);
  clock.advance(std::chrono::seconds(2));
  EXPECT_EQ(link_refusal(w.attendant, "joao.lima", "senha-do-joao").kind, std::nullopt);
}

TEST_P(LdapLinkTest, ADirectoryDownRefusesTheLinkWithAClearMessage) {
  auto config = identity::LdapConfig{};
  config.url = "ldap://127.0.0.1:1";  // nothing listens there
  config.base_dn = "dc=guiche,dc=test";
  config.bind_dn = "cn=guiche,ou=services,dc=guiche,dc=test";
  config.bind_password = "servico-de-teste";
  use(config);
  const auto down = link_refusal(w.attendant, "ana.rocha", "senha-da-ana");
  EXPECT_EQ(down.kind, DomainError::Kind::unavailable);
  EXPECT_THAT(down.message, HasSubstr("O diretório está indisponível"));
  EXPECT_EQ(count("external_identities"), 0);
}

TEST_P(LdapLinkTest, AFirstSignInWithAPersonsEmailOrLoginCreatesNobodyAndSaysToLink) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  const auto people = count("people");
  // Carlos has, in Guichê, the e-mail of the directory's ana.rocha.
  give_email(w.attendant, "ana.rocha@sefaz.es.gov.br");
  const auto by_email = sign_in_refusal("ana.rocha", "senha-da-ana");
  EXPECT_EQ(by_email.first, DomainError::Kind::conflict);
  EXPECT_THAT(by_email.second, HasSubstr("com o e-mail desta conta do diretório"));
  EXPECT_THAT(by_email.second, HasSubstr("Contas para entrar"));
  // And someone holds the login joao.lima (without a local password).
  set_column(w.requester_sesa, "login", "joao.lima");
  const auto by_login = sign_in_refusal("joao.lima", "senha-do-joao");
  EXPECT_EQ(by_login.first, DomainError::Kind::conflict);
  EXPECT_THAT(by_login.second, HasSubstr("com o login desta conta do diretório"));
  // A wrong password is a wrong password: nothing said of the person.
  EXPECT_EQ(sign_in_refusal("ana.rocha", "errada").first, DomainError::Kind::unauthenticated);
  EXPECT_EQ(count("people"), people);
  EXPECT_EQ(count("external_identities"), 0);

  // Linked, the account signs in as the person.
  link(w.attendant, "ana.rocha", "senha-da-ana");
  EXPECT_EQ(desk->accounts().sign_in("ana.rocha", "senha-da-ana", "10.0.0.7").person.id,
            w.attendant.id);
  // A person with neither the e-mail nor the login: the first sign-in creates them.
  EXPECT_EQ(sign_in_refusal("maria.souza", "senha-da-maria").first, std::nullopt);
  EXPECT_EQ(count("people"), people + 1);
}

TEST_P(LdapLinkTest, ALinkedPersonsLocalLoginTakesTheDirectoryPasswordToo) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  // The agency kept its logins when it moved to the directory (an account
  // of the authorization matrix's, in no mapped group here).
  const std::string login = "matriz.atendente";
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE people SET login = ?, password_hash = ? WHERE id = ?",
            {login, test_password_hash(), w.attendant.id});
  });
  // Not linked: the local password decides, as before.
  EXPECT_EQ(sign_in_refusal(login, kMatrixPassword).first, DomainError::Kind::unauthenticated);
  link(w.attendant, login, kMatrixPassword);
  EXPECT_EQ(desk->accounts().sign_in(login, kMatrixPassword, "10.0.0.7").person.id, w.attendant.id);
  EXPECT_EQ(desk->accounts().sign_in(login, kTestPassword, "10.0.0.7").person.id, w.attendant.id);
  EXPECT_EQ(sign_in_refusal(login, "errada").first, DomainError::Kind::unauthenticated);
}

TEST_P(LdapLinkTest, ADirectoryLinkIsRemovedAsAnOpenIdOneUnlessItIsTheOnlyWayIn) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  auto& accounts = desk->accounts();
  // Maria Solicitante has no local password: the directory is her only way in.
  link(w.requester_seger, "joao.lima", "senha-do-joao");
  auto links = accounts.external_links(as(w.requester_seger));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_THROW(accounts.unlink_external(as(w.requester_seger), links[0].issuer, links[0].subject),
               DomainError);
  // Carlos has one.
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE people SET login = 'carlos.atendente', password_hash = ? WHERE id = ?",
            {test_password_hash(), w.attendant.id});
  });
  link(w.attendant, "ana.rocha", "senha-da-ana");
  EXPECT_EQ(accounts.sign_in("ana.rocha", "senha-da-ana", "10.0.0.7").person.id, w.attendant.id);
  links = accounts.external_links(as(w.attendant));
  ASSERT_EQ(links.size(), 1u);
  accounts.unlink_external(as(w.attendant), links[0].issuer, links[0].subject);
  EXPECT_TRUE(accounts.external_links(as(w.attendant)).empty());
  // Unlinked, the account is nobody's, and its e-mail (now Carlos's) keeps
  // it from becoming a second Carlos.
  const auto people = count("people");
  EXPECT_EQ(sign_in_refusal("ana.rocha", "senha-da-ana").first, DomainError::Kind::conflict);
  EXPECT_EQ(count("people"), people);
}

TEST_P(LdapLinkTest, InABrowserThePersonWithTheAccountsEmailLinksItWithTheCodeSentThere) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  auto& accounts = desk->accounts();
  give_email(w.attendant, "ana.rocha@sefaz.es.gov.br");
  const auto people = count("people");
  std::string token;
  try {
    accounts.sign_in("ana.rocha", "senha-da-ana", "10.0.0.7", true);
    FAIL() << "signed in without the code";
  } catch (const app::LinkCodeSent& sent) {
    token = sent.link_token;
    EXPECT_EQ(sent.masked_email, app::masked_email("ana.rocha@sefaz.es.gov.br"));
  }
  EXPECT_EQ(count("people"), people);
  EXPECT_EQ(count("external_identities"), 0);
  const auto code = link_code("ana.rocha@sefaz.es.gov.br");
  ASSERT_EQ(code.size(), 6u);
  using Kind = app::OidcCallback::Kind;
  const std::string wrong = code == "000000" ? "111111" : "000000";
  EXPECT_EQ(accounts.confirm_directory_link(token, wrong).kind, Kind::refused);
  EXPECT_EQ(accounts.confirm_directory_link("outro-token", code).kind, Kind::refused);
  // A code sent for an OpenID provider's link is not the directory's.
  EXPECT_EQ(accounts.confirm_oidc_link("ldap", token, code).kind, Kind::refused);
  const auto linked = accounts.confirm_directory_link(token, code);
  ASSERT_EQ(linked.kind, Kind::signed_in) << linked.message;
  EXPECT_EQ(linked.grant->person.id, w.attendant.id);
  EXPECT_EQ(count("external_identities"), 1);
  // Its session is the directory's as a sign-in's (item 4): the login typed is
  // looked up again at the re-check.
  std::optional<store::ExternalSessionRow> kept;
  database->db().read([&](store::Connection& c) {
    kept = store::find_external_session(c, store::sha256_hex(linked.grant->session_id));
  });
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->provider, "ldap");
  EXPECT_EQ(kept->kept.directory_login, "ana.rocha");
  // The code serves once; the next sign-in goes straight in, as Carlos.
  EXPECT_EQ(accounts.confirm_directory_link(token, code).kind, Kind::refused);
  EXPECT_EQ(accounts.sign_in("ana.rocha", "senha-da-ana", "10.0.0.7", true).person.id,
            w.attendant.id);
  EXPECT_EQ(count("people"), people);
}

TEST_P(LdapLinkTest, AtMostThreeLinkCodesAnHourAndNoneForALoginMatch) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  give_email(w.attendant, "ana.rocha@sefaz.es.gov.br");
  for (int i = 0; i < 3; ++i) {
    EXPECT_THROW(desk->accounts().sign_in("ana.rocha", "senha-da-ana", "10.0.0.7", true),
                 app::LinkCodeSent);
  }
  const auto fourth = [&] {
    try {
      desk->accounts().sign_in("ana.rocha", "senha-da-ana", "10.0.0.7", true);
    } catch (const app::LinkCodeSent&) {
      return std::string("another code");
    } catch (const DomainError& e) {
      return std::string(e.what());
    }
    return std::string("signed in");
  }();
  EXPECT_THAT(fourth, HasSubstr("Já enviamos vários códigos"));
  // Found by the login only: no e-mail of theirs to send it to.
  set_column(w.requester_sesa, "login", "joao.lima");
  EXPECT_THAT(
      [&] {
        try {
          desk->accounts().sign_in("joao.lima", "senha-do-joao", "10.0.0.7", true);
        } catch (const app::LinkCodeSent&) {
          return std::string("a code");
        } catch (const DomainError& e) {
          return std::string(e.what());
        }
        return std::string("signed in");
      }(),
      HasSubstr("com o login desta conta do diretório"));
  EXPECT_EQ(count("external_identities"), 0);
}

GUICHE_ON_BOTH_ENGINES(LdapLinkTest);

}  // namespace
}  // namespace guiche::testing
