// Webhook subscriptions as admins keep them (app/webhooks/webhooks.hpp): bad
// URLs and secrets are refused naming the field in pt-BR and nothing is
// stored, the secret is never given back, only active admins past their
// first access may use any of it, and which events a ticket change maps to.
#include <gmock/gmock.h>

#include "app/webhooks/webhook_events.hpp"
#include "app/webhooks/webhooks.hpp"
#include "expect_error.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

class WebhookSubscriptionsTest : public DeskTest {
 protected:
  app::NewWebhook valid() {
    return {"ERP da SEGER",
            "https://erp.seger.es.gov.br/guiche",
            "segredo-muito-longo-42",
            {"ticket_created", "resolved"},
            true};
  }
};

TEST_P(WebhookSubscriptionsTest, BadUrlsAreRefusedNamingTheFieldAndNothingIsStored) {
  for (const std::string& url : std::vector<std::string>{
           "", "ftp://receptor.example/hook", "javascript:alert(1)", "receptor.example/hook",
           "https://", "https:///caminho", "https://usuario:senha@receptor.example/hook",
           "https://usuario@receptor.example/hook", "https://receptor.example:0/hook",
           "https://receptor.example:99999/hook", "https://receptor.example/com espaço",
           "https://receptor.example/" + std::string(2000, 'a')}) {
    auto hook = valid();
    hook.url = url;
    auto e = error_of([&] { desk->webhooks().create(as(w.admin), hook); });
    ASSERT_TRUE(e) << url;
    EXPECT_EQ(e->kind(), DomainError::Kind::validation) << url;
    EXPECT_TRUE(names_field(*e, "url")) << url;
    EXPECT_TRUE(looks_pt_br(e->what())) << e->what();
  }
  EXPECT_EQ(count("webhook_subscriptions"), 0);
}

TEST_P(WebhookSubscriptionsTest, BadSecretsAndEventsAreRefusedNamingTheField) {
  for (const std::string& secret : {std::string(""), std::string(15, 's'), std::string(201, 's')}) {
    auto hook = valid();
    hook.secret = secret;
    auto e = error_of([&] { desk->webhooks().create(as(w.admin), hook); });
    ASSERT_TRUE(e) << secret.size();
    EXPECT_TRUE(names_field(*e, "secret")) << secret.size();
    EXPECT_TRUE(looks_pt_br(e->what())) << e->what();
  }
  for (const auto& events :
       std::vector<std::vector<std::string>>{{}, {"ticket_deleted"}, {"resolved", "resolved"}}) {
    auto hook = valid();
    hook.events = events;
    auto e = error_of([&] { desk->webhooks().create(as(w.admin), hook); });
    ASSERT_TRUE(e);
    EXPECT_TRUE(names_field(*e, "events"));
  }
  // Both wrong at once: both named.
  auto hook = valid();
  hook.url = "ftp://x";
  hook.secret = "curto";
  auto e = error_of([&] { desk->webhooks().create(as(w.admin), hook); });
  ASSERT_TRUE(e);
  EXPECT_TRUE(names_field(*e, "url"));
  EXPECT_TRUE(names_field(*e, "secret"));
  EXPECT_EQ(count("webhook_subscriptions"), 0);
  // The edges are accepted.
  hook = valid();
  hook.secret = std::string(16, 'a');
  EXPECT_NO_THROW(desk->webhooks().create(as(w.admin), hook));
  hook.secret = std::string(200, 'b');
  hook.url = "http://[::1]:8080/hook";
  EXPECT_NO_THROW(desk->webhooks().create(as(w.admin), hook));
  EXPECT_EQ(count("webhook_subscriptions"), 2);
}

TEST_P(WebhookSubscriptionsTest, AChangeIsCheckedLikeANewOneAndKeepsTheOldWhenRefused) {
  const auto made = desk->webhooks().create(as(w.admin), valid());
  app::WebhookChange change;
  change.url = "https://a:b@erp.example/";
  EXPECT_EQ(outcome([&] { desk->webhooks().update(as(w.admin), made.id, change); }), "validation");
  EXPECT_EQ(desk->webhooks().get(as(w.admin), made.id).url, valid().url);
  change.url = "https://novo.example/hook";
  EXPECT_EQ(desk->webhooks().update(as(w.admin), made.id, change).url, change.url);
}

TEST_P(WebhookSubscriptionsTest, TheSecretIsNeverGivenBackOnlyAHint) {
  const auto made = desk->webhooks().create(as(w.admin), valid());
  EXPECT_EQ(made.secret_hint, "…o-42");
  EXPECT_EQ(desk->webhooks().list(as(w.admin)).front().secret_hint, "…o-42");
}

TEST_P(WebhookSubscriptionsTest, OnlyActiveAdminsPastTheirFirstAccessManageWebhooks) {
  const auto made = desk->webhooks().create(as(w.admin), valid());
  for (const Person* p : {&w.attendant, &w.analyst_sis, &w.manager_gesin, &w.requester_seger,
                          &w.manager_seger, &w.relations_agent}) {
    const auto a = as(*p);
    EXPECT_EQ(outcome([&] { desk->webhooks().list(a); }), "forbidden") << p->name;
    EXPECT_EQ(outcome([&] { desk->webhooks().create(a, valid()); }), "forbidden") << p->name;
    EXPECT_EQ(outcome([&] { desk->webhooks().get(a, made.id); }), "forbidden") << p->name;
    EXPECT_EQ(outcome([&] { desk->webhooks().update(a, made.id, {}); }), "forbidden");
    EXPECT_EQ(outcome([&] { desk->webhooks().deliveries(a, made.id, {}, 10); }), "forbidden");
    EXPECT_EQ(outcome([&] { desk->webhooks().retry(a, made.id, 1); }), "forbidden");
    EXPECT_EQ(outcome([&] { desk->webhooks().remove(a, made.id); }), "forbidden");
  }
  app::Actor first_access = as(w.admin);
  first_access.person.must_change_password = true;
  EXPECT_EQ(outcome([&] { desk->webhooks().list(first_access); }), "forbidden");
  app::Actor inactive = as(w.admin);
  inactive.person.active = false;
  EXPECT_EQ(outcome([&] { desk->webhooks().list(inactive); }), "unauthenticated");
  EXPECT_EQ(count("webhook_subscriptions"), 1);
}

TEST_P(WebhookSubscriptionsTest, RemovingASubscriptionRemovesItsDeliveryLog) {
  const auto made = desk->webhooks().create(as(w.admin), valid());
  register_sis(w.requester_seger);
  EXPECT_EQ(desk->webhooks().deliveries(as(w.admin), made.id, {}, 10).size(), 1u);
  desk->webhooks().remove(as(w.admin), made.id);
  EXPECT_EQ(count("outbox WHERE channel = 'webhook'"), 0);
  EXPECT_EQ(outcome([&] { desk->webhooks().get(as(w.admin), made.id); }), "not_found");
}

TEST(WebhookEvents, DomainEventsMapToTheKindsSubscriptionsChoose) {
  auto event = [](EventKind kind, nlohmann::json data) {
    TicketEvent e;
    e.kind = kind;
    e.data = std::move(data);
    return e;
  };
  std::vector<TicketEvent> events = {
      event(EventKind::routed, {{"unit_id", 3}, {"assignee_id", nullptr}, {"status", "triage"}}),
      event(EventKind::internal_note, {{"text", "nota"}}),
      event(EventKind::public_reply, {{"text", "Pode testar?"}, {"status", "pending_requester"}}),
      event(EventKind::sla_warning, {{"target", "resolution"}, {"level", "warning"}}),
      event(EventKind::sla_warning, {{"target", "resolution"}, {"level", "breach"}}),
      event(EventKind::resolved, {{"resolution", "Feito."}, {"time_spent_minutes", 5}}),
  };
  std::vector<std::string> kinds;
  for (const auto& n : app::webhook_notices(events, Status::triage)) kinds.push_back(n.event);
  EXPECT_THAT(kinds, ::testing::ElementsAre("public_reply", "status_changed", "sla_warning",
                                            "sla_breach", "resolved", "status_changed"));
}

GUICHE_ON_BOTH_ENGINES(WebhookSubscriptionsTest);

}  // namespace
}  // namespace guiche::testing
