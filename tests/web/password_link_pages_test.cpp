// "Esqueci minha senha" through the real server: the link on /entrar, the
// request that answers the same for anyone, the page that sets the new
// password from the mailed link and sends to /entrar, and bad input (an empty
// field, two passwords that differ, a used link, no CSRF cookie) answered on
// the page without changing anything.
#include <gmock/gmock.h>

#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "store/outbox_rows.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class PasswordLinkPagesTest : public WebServerTest {
 protected:
  // The form's CSRF cookie and token, as a browser gets them from the page.
  struct AnonymousForm {
    std::string cookie;
    std::string csrf;
  };
  AnonymousForm open(const std::string& path) {
    const auto r = http_request(port, "GET", path);
    EXPECT_EQ(r.status, 200) << r.body;
    AnonymousForm f;
    if (auto it = r.headers.find("set-cookie"); it != r.headers.end()) {
      f.cookie = it->second.substr(0, it->second.find(';'));
    }
    EXPECT_EQ(f.cookie.rfind("guiche_senha=", 0), 0u) << f.cookie;
    const std::string marker = "name=\"csrf\" value=\"";
    const auto at = r.body.find(marker);
    if (at != std::string::npos) {
      f.csrf = r.body.substr(at + marker.size(),
                             r.body.find('"', at + marker.size()) - at - marker.size());
    }
    return f;
  }
  HttpResult send(const AnonymousForm& f, const std::string& path, const std::string& body) {
    return http_request(
        port, "POST", path,
        {{"Cookie", f.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
        "csrf=" + f.csrf + "&" + body);
  }
  std::string mailed_token() {
    std::string token;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::list_messages(c, "", {}, 50)) {
        const auto at = m.text_body.find("token=");
        if (m.template_key == "password_link" && at != std::string::npos) {
          token = m.text_body.substr(at + 6, 64);
        }
      }
    });
    return token;
  }
};

TEST_P(PasswordLinkPagesTest, TheMailedLinkSetsANewPassword) {
  Person p = desk->accounts().bootstrap_user("Rita Esquecida", "rita", "Senha-antiga-1",
                                             {{Role::requester, std::nullopt}});
  p.emails = {"rita@seger.es.gov.br"};
  desk->directory().update_person(as(w.admin), p);
  EXPECT_THAT(http_request(port, "GET", "/entrar").body, HasSubstr("href=\"/senha/esqueci\""));

  auto form = open("/senha/esqueci");
  // Someone's address and nobody's get the same answer.
  for (const std::string who : {"rita%40seger.es.gov.br", "ninguem%40seger.es.gov.br"}) {
    const auto r = send(form, "/senha/esqueci", "login=" + who);
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(r.headers.at("location"), "/senha/esqueci?enviado=1");
  }
  EXPECT_THAT(http_request(port, "GET", "/senha/esqueci?enviado=1").body,
              HasSubstr("Se houver uma conta"));
  EXPECT_EQ(send(form, "/senha/esqueci", "login=").status, 422);
  EXPECT_EQ(http_request(port, "POST", "/senha/esqueci",
                         {{"Content-Type", "application/x-www-form-urlencoded"}}, "login=rita")
                .status,
            403);
  const auto token = mailed_token();
  ASSERT_EQ(token.size(), 64u);

  form = open("/senha/redefinir?token=" + token);
  auto r = send(form, "/senha/redefinir",
                "token=" + token + "&nova_senha=Senha-nova-22&confirmacao=Senha-nova-23");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("As duas senhas não são iguais."));
  r = send(form, "/senha/redefinir",
           "token=" + token + "&nova_senha=Senha-nova-22&confirmacao=Senha-nova-22");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers.at("location"), "/entrar?senha=nova");
  EXPECT_THAT(http_request(port, "GET", "/entrar?senha=nova").body,
              HasSubstr("A sua nova senha está valendo"));
  EXPECT_TRUE(desk->accounts().authenticate("rita", "Senha-nova-22"));
  // Once only.
  r = send(form, "/senha/redefinir",
           "token=" + token + "&nova_senha=Senha-outra-33&confirmacao=Senha-outra-33");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("expirou ou já foi usado"));
  EXPECT_TRUE(desk->accounts().authenticate("rita", "Senha-nova-22"));
}

GUICHE_ON_BOTH_ENGINES(PasswordLinkPagesTest);

}  // namespace
}  // namespace guiche::testing
