// Linking a directory account on Minha Área, "Contas para entrar"
// (web/oidc_pages.cpp, app/accounts/directory_link.cpp), against the real
// slapd (scripts/test-servers/ldap.sh; skipped without it): the form is there
// only with a directory, needs a signed-in person and the CSRF token, gives
// each error next to its field (the typed login escaped), a conflict and a
// directory down at the top; and a first sign-in of an account whose e-mail a
// person already has asks for the code sent to that e-mail
// (/entrar/diretorio/confirmar), one whose login a person has says to link.
#include <gmock/gmock.h>

#include "store/outbox_rows.hpp"
#include "support/ldap_directory.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string directory_cookie_named(const HttpResult& r, const std::string& name) {
  for (const auto& c : r.set_cookies) {
    if (c.rfind(name + "=", 0) == 0) return c.substr(0, c.find(';'));
  }
  return "";
}

class DirectoryLinkPagesTest : public WebServerTest {
 protected:
  void use(const identity::LdapConfig& config) {
    desk->accounts().use_directory(std::make_shared<identity::LdapServer>(config));
  }
};

TEST_P(DirectoryLinkPagesTest, TheFormNeedsADirectoryASignedInPersonAndTheCsrfToken) {
  const Browser me = sign_in(w.requester_seger);
  EXPECT_THAT(get(me, "/minha-area/contas").body, Not(HasSubstr("vincular-diretorio")));
  EXPECT_EQ(post(me, "/minha-area/contas/vincular-diretorio",
                 "csrf=" + me.csrf + "&login=ana.rocha&senha=senha-da-ana")
                .status,
            404);
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  const auto page = get(me, "/minha-area/contas");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("action=\"/minha-area/contas/vincular-diretorio\""));
  EXPECT_THAT(page.body, HasSubstr("<label for=\"diretorio-senha\">Senha do diretório</label>"));
  const auto anonymous = http_request(port, "POST", "/minha-area/contas/vincular-diretorio",
                                      {{"Content-Type", "application/x-www-form-urlencoded"}},
                                      "login=ana.rocha&senha=senha-da-ana");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_THAT(anonymous.headers.at("location"), StartsWith("/entrar"));
  EXPECT_EQ(post(me, "/minha-area/contas/vincular-diretorio", "login=ana.rocha&senha=senha-da-ana")
                .status,
            403);
  EXPECT_EQ(count("external_identities"), 0);

  const auto linked = post(me, "/minha-area/contas/vincular-diretorio",
                           "csrf=" + me.csrf + "&login=ana.rocha&senha=senha-da-ana");
  ASSERT_EQ(linked.status, 303) << linked.body;
  EXPECT_EQ(linked.headers.at("location"), "/minha-area/contas?vinculada=1");
  const auto after = get(me, "/minha-area/contas?vinculada=1");
  EXPECT_THAT(after.body, HasSubstr("Conta vinculada."));
  EXPECT_THAT(after.body, HasSubstr("<span>Diretório (LDAP / Active Directory)</span>"));
  EXPECT_THAT(after.body, Not(HasSubstr("vincular-diretorio")));  // one account per person
  EXPECT_EQ(count("external_identities"), 1);
}

TEST_P(DirectoryLinkPagesTest, EachErrorIsShownWhereItBelongsAndTheLoginEscaped) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  const Browser me = sign_in(w.requester_seger);
  const auto link = [&](const std::string& fields) {
    return post(me, "/minha-area/contas/vincular-diretorio", "csrf=" + me.csrf + "&" + fields);
  };
  const auto wrong = link("login=%3Cb%3Eana%22&senha=errada");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_THAT(wrong.body, HasSubstr("id=\"diretorio-senha-erro\""));
  EXPECT_THAT(wrong.body, HasSubstr("Login ou senha do diretório incorretos."));
  EXPECT_THAT(wrong.body, HasSubstr("value=\"&lt;b&gt;ana&quot;\""));
  EXPECT_THAT(wrong.body, Not(HasSubstr("<b>ana")));
  EXPECT_THAT(wrong.body, Not(HasSubstr("errada")));  // the password is never sent back
  const auto empty = link("login=&senha=x");
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("id=\"diretorio-login-erro\""));
  EXPECT_THAT(empty.body, HasSubstr("Informe o login do diretório."));
  const auto disabled = link("login=davi.desligado&senha=senha-do-davi");
  EXPECT_EQ(disabled.status, 422);
  EXPECT_THAT(disabled.body, HasSubstr("Esta conta do diretório está desativada."));

  // Another person's account: at the top of the page.
  ASSERT_EQ(post(sign_in(w.attendant), "/minha-area/contas/vincular-diretorio", "").status, 403);
  const Browser carlos = sign_in(w.attendant);
  ASSERT_EQ(post(carlos, "/minha-area/contas/vincular-diretorio",
                 "csrf=" + carlos.csrf + "&login=joao.lima&senha=senha-do-joao")
                .status,
            303);
  const auto taken = link("login=joao.lima&senha=senha-do-joao");
  EXPECT_EQ(taken.status, 409);
  EXPECT_THAT(taken.body, HasSubstr("já está vinculada a outra pessoa"));
  EXPECT_EQ(count("external_identities"), 1);
}

TEST_P(DirectoryLinkPagesTest, AFirstSignInWithAPersonsEmailAsksForTheCodeSentThere) {
  GUICHE_REQUIRE_LDAP(directory);
  use(ldap_config(directory));
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE person_emails SET email = 'ana.rocha@sefaz.es.gov.br' WHERE person_id = ?",
            {w.attendant.id});
  });
  const auto people = count("people");
  const auto form = http_request(port, "GET", "/entrar");
  const auto cookie = directory_cookie_named(form, "guiche_entrada");
  ASSERT_FALSE(cookie.empty());
  const auto token = cookie.substr(cookie.find('=') + 1);
  const auto sign_in_as = [&](const std::string& login, const std::string& password) {
    return http_request(port, "POST", "/entrar",
                        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie}},
                        "csrf=" + token + "&login=" + login + "&senha=" + password);
  };
  const auto asked = sign_in_as("ana.rocha", "senha-da-ana");
  ASSERT_EQ(asked.status, 303) << asked.body;
  EXPECT_THAT(asked.headers.at("location"), StartsWith("/entrar/diretorio/confirmar?para="));
  const auto link = directory_cookie_named(asked, "guiche_vinculo_diretorio");
  ASSERT_FALSE(link.empty());
  EXPECT_TRUE(directory_cookie_named(asked, "guiche_session").empty());
  EXPECT_EQ(count("people"), people);

  const auto page = http_request(port, "GET", asked.headers.at("location"));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("action=\"/entrar/diretorio/confirmar\""));
  // The OpenID providers' page of the same code keeps its own action.
  EXPECT_THAT(http_request(port, "GET", "/entrar/oidc/teste/confirmar?para=a%2A%2A%2A").body,
              HasSubstr("action=\"/entrar/oidc/teste/confirmar\""));
  std::string code;
  database->db().read([&](store::Connection& c) {
    for (const auto& m : store::list_messages(c, "", {}, 50)) {
      if (m.template_key != "external_link_code") continue;
      code = m.text_body.substr(m.text_body.find("código ") + std::string("código ").size(), 6);
    }
  });
  ASSERT_EQ(code.size(), 6u);
  const auto confirm = [&](const std::string& fields, const std::string& cookies) {
    return http_request(
        port, "POST", "/entrar/diretorio/confirmar",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookies}}, fields);
  };
  // Without the form's CSRF token: refused; with a wrong code: said next to the field.
  EXPECT_EQ(confirm("codigo=" + code, cookie + "; " + link).status, 403);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  const auto refused = confirm("csrf=" + token + "&codigo=" + wrong, cookie + "; " + link);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("Código incorreto."));
  const auto done = confirm("csrf=" + token + "&codigo=" + code, cookie + "; " + link);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_FALSE(directory_cookie_named(done, "guiche_session").empty());
  EXPECT_EQ(count("external_identities"), 1);
  EXPECT_EQ(count("people"), people);

  // A login match has no e-mail of theirs to send a code to: the page says to link.
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE people SET login = 'joao.lima' WHERE id = ?", {w.requester_sesa.id});
  });
  const auto by_login = sign_in_as("joao.lima", "senha-do-joao");
  EXPECT_EQ(by_login.status, 409);
  EXPECT_THAT(by_login.body, HasSubstr("Já existe um cadastro no Guichê com o login desta conta"));
  EXPECT_THAT(by_login.body, HasSubstr("Contas para entrar"));
  EXPECT_EQ(count("people"), people);
}

GUICHE_ON_BOTH_ENGINES(DirectoryLinkPagesTest);

}  // namespace
}  // namespace guiche::testing
