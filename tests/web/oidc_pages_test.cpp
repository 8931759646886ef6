// The OpenID Connect sign-in's pages (web/oidc_pages.cpp): one button per
// provider on /entrar (gov.br's from the design system); the whole code flow
// through the pages against the real Glewlwyd (scripts/test-servers/oidc.sh;
// skipped without it), with the state cookie the callback requires; the
// form_post callback; sign-out through the provider's end_session; and who
// may open the links' routes (signed in, with the CSRF token).
#include <gmock/gmock.h>

#include "identity/oidc/http_fetch.hpp"
#include "support/oidc_provider.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string target_of(const std::string& url) {
  const auto scheme = url.find("://");
  return url.substr(url.find('/', scheme == std::string::npos ? 0 : scheme + 3));
}

std::string cookie_named(const HttpResult& r, const std::string& name) {
  for (const auto& c : r.set_cookies) {
    if (c.rfind(name + "=", 0) == 0) return c.substr(0, c.find(';'));
  }
  return "";
}

class OidcPagesTest : public WebServerTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = WebServerTest::desk_config();
    config.public_url = kOidcTestPublicUrl;
    return config;
  }
  void use(identity::OidcClientConfig c) {
    desk->accounts().use_oidc_provider(std::make_shared<identity::OidcClient>(std::move(c)));
  }
  // /entrar/oidc/teste, the provider's answer as `user`, and the callback
  // sent with `cookie` (the state cookie the start set, unless replaced).
  HttpResult through_pages(const TestOidcProvider& p, const std::string& user,
                           std::optional<std::string> cookie = std::nullopt) {
    const auto start = http_request(port, "GET", "/entrar/oidc/teste?volta=%2Fservicos");
    EXPECT_EQ(start.status, 303);
    const auto state_cookie = cookie_named(start, "guiche_oidc");
    EXPECT_FALSE(state_cookie.empty());
    const auto at = answer_at_provider(p, start.headers.at("location"), user);
    EXPECT_EQ(at.status, 302) << at.body;
    return http_request(port, "GET", target_of(at.headers.at("location")),
                        {{"Cookie", cookie.value_or(state_cookie)}});
  }
};

TEST_P(OidcPagesTest, TheSignInPageShowsOneButtonPerProviderGovBrsFromTheDesignSystem) {
  EXPECT_THAT(http_request(port, "GET", "/entrar").body, Not(HasSubstr("/entrar/oidc/")));
  identity::OidcClientConfig govbr;
  govbr.settings = {"govbr", "https://sso.acesso.gov.br", "guiche", "sub", false, false, ""};
  govbr.client_secret = "s";
  use(govbr);
  auto ac = govbr;
  ac.settings.name = "acessocidadao";
  ac.settings.issuer = "https://acessocidadao.es.gov.br/is";
  use(ac);
  const auto page = http_request(port, "GET", "/entrar?volta=%2Fchamados%2F2026-000001");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<a class=\"br-sign-in primary\" "
                                   "href=\"/entrar/oidc/govbr?volta=/chamados/2026-000001\">Entrar "
                                   "com&nbsp;<strong>gov.br</strong></a>"));
  EXPECT_THAT(page.body, HasSubstr("Entrar com Acesso Cidadão</a>"));
  EXPECT_THAT(page.body, HasSubstr("name=\"senha\""));  // local passwords stay
  // An unknown provider is a 404; a provider that does not answer, a clear 503.
  EXPECT_EQ(http_request(port, "GET", "/entrar/oidc/nenhum").status, 404);
  identity::OidcClientConfig down = govbr;
  down.settings.name = "fora";
  down.settings.issuer = "http://127.0.0.1:1/fora";
  down.timeout = std::chrono::milliseconds(500);
  use(down);
  const auto unavailable = http_request(port, "GET", "/entrar/oidc/fora");
  EXPECT_EQ(unavailable.status, 503);
  EXPECT_THAT(unavailable.body, HasSubstr("O provedor de identidade não respondeu"));
}

TEST_P(OidcPagesTest, TheCodeFlowThroughThePagesSignsInAndTheSecondTimeReusesThePerson) {
  GUICHE_REQUIRE_OIDC(provider);
  use(oidc_client_config(provider));
  const auto people = count("people");
  const auto first = through_pages(provider, "cidadao.ana");
  ASSERT_EQ(first.status, 303) << first.body;
  EXPECT_EQ(first.headers.at("location"), "/servicos");
  const auto session = cookie_named(first, "guiche_session");
  ASSERT_FALSE(session.empty());
  const auto home = http_request(port, "GET", "/minha-area", {{"Cookie", session}});
  EXPECT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("Ana Cidadã"));
  EXPECT_EQ(count("people"), people + 1);
  const auto second = through_pages(provider, "cidadao.ana");
  ASSERT_EQ(second.status, 303);
  EXPECT_EQ(count("people"), people + 1);
  // A callback without the cookie of the browser that started it is refused.
  const auto foreign =
      through_pages(provider, "cidadao.ana", "guiche_oidc=" + std::string(64, 'f'));
  EXPECT_EQ(foreign.status, 400);
  EXPECT_TRUE(cookie_named(foreign, "guiche_session").empty());
  const auto none = through_pages(provider, "cidadao.ana", "");
  EXPECT_EQ(none.status, 400);
  EXPECT_THAT(none.body, HasSubstr("Não foi possível confirmar sua entrada"));
}

TEST_P(OidcPagesTest, TheFormPostCallbackSignsInAndSignOutEndsTheProvidersSession) {
  GUICHE_REQUIRE_OIDC(provider);
  auto config = oidc_client_config(provider);
  config.settings.form_post = true;
  use(config);
  const auto start = http_request(port, "GET", "/entrar/oidc/teste");
  ASSERT_EQ(start.status, 303);
  const auto at = answer_at_provider(provider, start.headers.at("location"), "cidadao.ana");
  ASSERT_EQ(at.status, 200);
  EXPECT_THAT(at.body, HasSubstr("/entrar/oidc/teste/retorno"));
  std::string form;
  for (const auto& [name, value] : posted_fields(at.body)) {
    if (!form.empty()) form += "&";
    form += name + "=" + identity::form_encode({{"", value}}).substr(1);
  }
  // Posted from the provider's site: no cookie of ours comes along.
  const auto back = http_request(port, "POST", "/entrar/oidc/teste/retorno",
                                 {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
  ASSERT_EQ(back.status, 303) << back.body;
  const auto session = cookie_named(back, "guiche_session");
  ASSERT_FALSE(session.empty());
  const auto again = http_request(port, "POST", "/entrar/oidc/teste/retorno",
                                  {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
  EXPECT_EQ(again.status, 403);  // the state is spent

  const auto home = http_request(port, "GET", "/minha-area", {{"Cookie", session}});
  const auto csrf_at = home.body.find("name=\"csrf\" value=\"");
  ASSERT_NE(csrf_at, std::string::npos);
  const auto csrf = home.body.substr(csrf_at + 19, 32);
  const auto out = http_request(
      port, "POST", "/sair",
      {{"Cookie", session}, {"Content-Type", "application/x-www-form-urlencoded"}}, "csrf=" + csrf);
  ASSERT_EQ(out.status, 303);
  EXPECT_THAT(out.headers.at("location"),
              StartsWith(provider.issuer + "/end_session?id_token_hint="));
  EXPECT_EQ(http_request(port, "GET", "/minha-area", {{"Cookie", session}}).status, 303);
}

TEST_P(OidcPagesTest, TheLinksRoutesNeedASignedInPersonAndTheCsrfToken) {
  identity::OidcClientConfig config;
  config.settings = {"govbr", "http://127.0.0.1:1/fora", "guiche", "sub", false, false, ""};
  config.client_secret = "s";
  config.timeout = std::chrono::milliseconds(500);
  use(config);
  const auto anonymous = http_request(port, "GET", "/minha-area/contas");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_THAT(anonymous.headers.at("location"), StartsWith("/entrar"));
  EXPECT_EQ(http_request(port, "POST", "/minha-area/contas/govbr/vincular",
                         {{"Content-Type", "application/x-www-form-urlencoded"}}, "")
                .status,
            303);
  const Browser me = sign_in(w.requester_seger);
  const auto page = get(me, "/minha-area/contas");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Nenhuma conta vinculada."));
  EXPECT_THAT(page.body, HasSubstr("action=\"/minha-area/contas/govbr/vincular\""));
  EXPECT_THAT(get(me, "/minha-area").body, HasSubstr("href=\"/minha-area/contas\""));
  EXPECT_EQ(post(me, "/minha-area/contas/govbr/vincular", "").status, 403);
  EXPECT_EQ(post(me, "/minha-area/contas/nenhum/vincular", "csrf=" + me.csrf).status, 404);
  // The provider is down here: a clear 503, no sign-in started.
  EXPECT_EQ(post(me, "/minha-area/contas/govbr/vincular", "csrf=" + me.csrf).status, 503);
  EXPECT_EQ(count("oidc_sign_ins"), 0);
  // Another person's link is not found; without CSRF, forbidden.
  database->db().write([&](store::Connection& c) {
    c.query(
        "INSERT INTO external_identities (issuer, subject, person_id, created_at, "
        "last_sign_in_at) VALUES ('http://127.0.0.1:1/fora', 'x', ?, 0, 0)",
        {w.attendant.id});
  });
  EXPECT_EQ(post(me, "/minha-area/contas/desvincular",
                 "csrf=" + me.csrf + "&emissor=http%3A%2F%2F127.0.0.1%3A1%2Ffora&sujeito=x")
                .status,
            404);
  EXPECT_EQ(post(me, "/minha-area/contas/desvincular",
                 "emissor=http%3A%2F%2F127.0.0.1%3A1%2Ffora&sujeito=x")
                .status,
            403);
  EXPECT_EQ(count("external_identities"), 1);
}

GUICHE_ON_BOTH_ENGINES(OidcPagesTest);

}  // namespace
}  // namespace guiche::testing
