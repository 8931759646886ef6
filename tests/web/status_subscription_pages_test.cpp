// Subscribing to the status page over HTTP, without JavaScript or sign-in
// (docs/domain.md, "Subscribers"): the form on /status with its double-submit
// CSRF cookie; the confirmation link's page, which confirms only on its
// button's POST; the unsubscribe link's page and RFC 8058's one-click POST
// without any CSRF token; bad, used and expired links refused in pt-BR
// (404, 410); bad addresses (422) and the rate limit (429).
#include <gmock/gmock.h>

#include "support/incident_world.hpp"
#include "support/subscription_world.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class StatusSubscriptionPagesTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    i = add_incident_world(*desk, w, as(w.admin));
  }
  // The form's cookie and token, as a browser gets them from /status.
  std::string form_cookie() {
    const auto page = http_request(port, "GET", "/status");
    for (const auto& c : page.set_cookies) {
      if (c.rfind("guiche_assinatura=", 0) == 0) {
        EXPECT_THAT(c, HasSubstr("Path=/status"));
        EXPECT_THAT(c, HasSubstr("HttpOnly"));
        return c.substr(18, 32);
      }
    }
    ADD_FAILURE() << "no subscription cookie";
    return "";
  }
  HttpResult post_form(const std::string& target, const std::string& body,
                       const std::string& cookie = "") {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!cookie.empty()) headers.emplace_back("Cookie", "guiche_assinatura=" + cookie);
    return http_request(port, "POST", target, headers, body);
  }
  HttpResult subscribe(const std::string& email, const std::string& fields) {
    const auto token = form_cookie();
    return post_form("/status/assinatura", "csrf=" + token + "&email=" + email + "&" + fields,
                     token);
  }
  std::string sigefes_field() { return "componente_" + std::to_string(i.sigefes.id) + "=sim"; }
  IncidentWorld i;
};

TEST_P(StatusSubscriptionPagesTest, TheFormOnTheStatusPageAsksForAConfirmation) {
  const auto page = http_request(port, "GET", "/status");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Receber avisos por e-mail"));
  EXPECT_THAT(page.body, HasSubstr("action=\"/status/assinatura\""));
  EXPECT_THAT(page.body, HasSubstr("name=\"componente_" + std::to_string(i.sigefes.id) + "\""));
  EXPECT_THAT(page.body, HasSubstr("Todos os componentes"));

  // Without the cookie's token: refused, nothing sent.
  auto refused =
      post_form("/status/assinatura", "csrf=x&email=ana%40example.org&" + sigefes_field());
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, HasSubstr("O formulário expirou"));
  EXPECT_EQ(count("status_subscribers"), 0);

  const auto done = subscribe("ana%40example.org", sigefes_field());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("Pedido recebido"));
  EXPECT_FALSE(confirmation_token(database->db(), "ana@example.org").empty());
}

TEST_P(StatusSubscriptionPagesTest, BadAddressesAndTooManyRequestsAreRefused) {
  auto bad = subscribe("nao-e-email", sigefes_field());
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("Informe um endereço de e-mail válido."));
  EXPECT_THAT(bad.body, HasSubstr("checked")) << "the choice is kept";
  auto none = subscribe("ana%40example.org", "");
  EXPECT_EQ(none.status, 422);
  EXPECT_THAT(none.body, HasSubstr("Escolha ao menos um componente"));
  for (int n = 0; n < 3; ++n) EXPECT_EQ(subscribe("ana%40example.org", "todos=sim").status, 200);
  auto limited = subscribe("ana%40example.org", "todos=sim");
  EXPECT_EQ(limited.status, 429);
  EXPECT_THAT(limited.body, HasSubstr("pedidos de assinatura demais"));
}

TEST_P(StatusSubscriptionPagesTest, TheConfirmationLinkConfirmsOnlyByItsButton) {
  ASSERT_EQ(subscribe("ana%40example.org", sigefes_field()).status, 200);
  const auto token = confirmation_token(database->db(), "ana@example.org");
  const auto page = http_request(port, "GET", "/status/assinatura/confirmar?token=" + token);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("ana@example.org"));
  EXPECT_THAT(page.body, HasSubstr("SIGEFES"));
  EXPECT_THAT(page.body, HasSubstr("Confirmar a assinatura"));
  // Following the link (a mail scanner does) confirms nothing.
  EXPECT_EQ(desk->status_subscriptions().confirmation(token).state, SubscriberState::pending);

  const auto confirmed = post_form("/status/assinatura/confirmar", "token=" + token);
  ASSERT_EQ(confirmed.status, 200);
  EXPECT_THAT(confirmed.body, HasSubstr("Assinatura confirmada"));
  const auto again = post_form("/status/assinatura/confirmar", "token=" + token);
  EXPECT_EQ(again.status, 404);
  EXPECT_THAT(again.body, HasSubstr("inválido ou já usado"));
  EXPECT_EQ(http_request(port, "GET", "/status/assinatura/confirmar?token=abc").status, 404);
  EXPECT_EQ(http_request(port, "GET", "/status/assinatura/confirmar").status, 404);

  ASSERT_EQ(subscribe("bia%40example.org", "todos=sim").status, 200);
  const auto late = confirmation_token(database->db(), "bia@example.org");
  clock.advance(std::chrono::hours(49));
  const auto expired = http_request(port, "GET", "/status/assinatura/confirmar?token=" + late);
  EXPECT_EQ(expired.status, 410);
  EXPECT_THAT(expired.body, HasSubstr("expirou"));
  EXPECT_EQ(post_form("/status/assinatura/confirmar", "token=" + late).status, 410);
}

TEST_P(StatusSubscriptionPagesTest, OneClickUnsubscribesWithoutAnyCsrfToken) {
  subscribe_confirmed(*desk, database->db(), "ana@example.org", {i.sigefes.id});
  std::string leave;
  database->db().read([&](store::Connection& c) {
    leave = c.query_one("SELECT unsubscribe_token FROM status_subscribers")->text(0);
  });
  const auto page = http_request(port, "GET", "/status/assinatura/cancelar?token=" + leave);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Cancelar a assinatura"));
  EXPECT_EQ(desk->status_subscriptions().subscription(leave).state, SubscriberState::confirmed)
      << "showing the page cancels nothing";

  // What a mail client posts (RFC 8058): no cookie, no CSRF field.
  const auto one_click =
      post_form("/status/assinatura/cancelar?token=" + leave, "List-Unsubscribe=One-Click");
  ASSERT_EQ(one_click.status, 200);
  EXPECT_THAT(one_click.body, HasSubstr("Assinatura cancelada"));
  EXPECT_EQ(desk->status_subscriptions().subscription(leave).state, SubscriberState::unsubscribed);
  EXPECT_EQ(
      post_form("/status/assinatura/cancelar?token=" + leave, "List-Unsubscribe=One-Click").status,
      200);
  const auto unknown = post_form("/status/assinatura/cancelar?token=" + std::string(32, 'a'),
                                 "List-Unsubscribe=One-Click");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(unknown.body, HasSubstr("Link de cancelamento inválido."));
  EXPECT_THAT(http_request(port, "GET", "/status/assinatura/cancelar?token=" + leave).body,
              Not(HasSubstr("type=\"submit\">Cancelar a assinatura")));
}

GUICHE_ON_BOTH_ENGINES(StatusSubscriptionPagesTest);

}  // namespace
}  // namespace guiche::testing
