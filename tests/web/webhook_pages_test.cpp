// The outbound webhooks pages (/admin/webhooks): admins only, CSRF on every
// form, a refused URL or secret comes back next to its field and stores
// nothing, the secret is never shown, hostile text is escaped, and a
// subscription's page shows its delivery log with retry buttons and the
// reason it was turned off.
#include <gmock/gmock.h>

#include "app/webhooks/webhooks.hpp"
#include "store/webhook_rows.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class WebhookPagesTest : public WebServerTest {
 protected:
  std::string form(const Browser& b, const std::string& url, const std::string& secret) {
    return "csrf=" + b.csrf + "&descricao=" + url_part("<b>ERP</b>") + "&url=" + url_part(url) +
           "&segredo=" + url_part(secret) + "&evento-ticket_created=sim&ativo=sim";
  }
  static std::string url_part(const std::string& s) {
    std::string out;
    const char* hex = "0123456789ABCDEF";
    for (unsigned char ch : s) {
      if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.') {
        out += static_cast<char>(ch);
      } else {
        out += '%';
        out += hex[ch >> 4];
        out += hex[ch & 15];
      }
    }
    return out;
  }
};

TEST_P(WebhookPagesTest, OnlyAdminsSeeThePagesAndFormsNeedTheCsrfToken) {
  const Browser admin = sign_in(w.admin);
  const Browser attendant = sign_in(w.attendant);
  EXPECT_EQ(get(admin, "/admin/webhooks").status, 200);
  EXPECT_THAT(get(admin, "/admin").body, HasSubstr("/admin/webhooks"));
  EXPECT_EQ(get(attendant, "/admin/webhooks").status, 403);
  EXPECT_EQ(get(attendant, "/admin/webhooks/novo").status, 403);
  EXPECT_EQ(post(attendant, "/admin/webhooks/novo",
                 form(attendant, "https://erp.example/hook", "segredo-de-teste-1234"))
                .status,
            403);
  EXPECT_EQ(post(admin, "/admin/webhooks/novo",
                 "descricao=x&url=https%3A%2F%2Ferp.example%2F&segredo=segredo-de-teste-1234"
                 "&evento-resolved=sim")
                .status,
            403);
  EXPECT_EQ(count("webhook_subscriptions"), 0);
}

TEST_P(WebhookPagesTest, ARefusedUrlOrSecretComesBackByItsFieldAndNothingIsStored) {
  const Browser admin = sign_in(w.admin);
  auto r = post(admin, "/admin/webhooks/novo",
                form(admin, "https://user:senha@erp.example/hook", "curto"));
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"url-erro\""));
  EXPECT_THAT(r.body, HasSubstr("id=\"segredo-erro\""));
  EXPECT_THAT(r.body, HasSubstr("não pode conter usuário ou senha"));
  EXPECT_THAT(r.body, Not(HasSubstr("value=\"curto\"")));
  EXPECT_EQ(count("webhook_subscriptions"), 0);
}

TEST_P(WebhookPagesTest, ASubscriptionPageShowsItsLogRetryAndWhyItWasTurnedOff) {
  const Browser admin = sign_in(w.admin);
  auto r = post(admin, "/admin/webhooks/novo",
                form(admin, "https://erp.example/hook", "segredo-de-teste-1234"));
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string page = r.headers["location"].substr(0, r.headers["location"].find('?'));
  register_sis(w.requester_seger);
  const auto id = desk->webhooks().list(as(w.admin)).front().id;
  const auto delivery = desk->webhooks().deliveries(as(w.admin), id, {}, 1).front().id;
  database->db().write([&](store::Connection& c) {
    store::disable_webhook(c, id, "O receptor respondeu 410 Gone em 02/03/2026 12:00 UTC.",
                           clock.now());
    store::mark_attempt_failed(c, delivery, "O receptor respondeu 410 Gone em 02/03/2026.",
                               std::nullopt);
  });
  const auto shown = get(admin, page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_THAT(shown.body, HasSubstr("&lt;b&gt;ERP&lt;/b&gt;"));
  EXPECT_THAT(shown.body, Not(HasSubstr("<b>ERP</b>")));
  EXPECT_THAT(shown.body, Not(HasSubstr("segredo-de-teste-1234")));
  EXPECT_THAT(shown.body, HasSubstr("…1234"));
  EXPECT_THAT(shown.body, HasSubstr("O receptor respondeu 410 Gone em 02/03/2026 12:00 UTC."));
  EXPECT_THAT(shown.body, HasSubstr("id=\"entrega-" + std::to_string(delivery) + "\""));
  const std::string retry = page + "/entregas/" + std::to_string(delivery) + "/reenviar";
  EXPECT_THAT(shown.body, HasSubstr(retry));
  EXPECT_EQ(post(admin, retry, "").status, 403);
  r = post(admin, retry, "csrf=" + admin.csrf);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(desk->webhooks().deliveries(as(w.admin), id, {}, 1).front().status, "pending");
  r = post(admin, page + "/ativo", "csrf=" + admin.csrf + "&ativo=sim");
  EXPECT_EQ(r.status, 303);
  EXPECT_TRUE(desk->webhooks().get(as(w.admin), id).active);
  r = post(admin, page + "/remover", "csrf=" + admin.csrf);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(count("webhook_subscriptions"), 0);
}

GUICHE_ON_BOTH_ENGINES(WebhookPagesTest);

}  // namespace
}  // namespace guiche::testing
