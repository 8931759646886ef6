// The status page's subscribers through the application layer, on both
// engines (docs/domain.md, "Subscribers"): double opt-in (nothing before
// the link is followed), the link expiring and working once, one-click
// unsubscribing, the rate limit per address and per client IP, no second
// confirmation for an address already subscribed, and every published
// message reaching each subscriber once: across components, across "all",
// and never again for an organization contact who has it already. Incidents
// scoped to one organization never reach the public.
#include <gmock/gmock.h>

#include "app/expect_error.hpp"
#include "app/incidents/status_subscriptions.hpp"
#include "store/outbox_rows.hpp"
#include "support/incident_world.hpp"
#include "support/subscription_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class StatusSubscriptionsTest : public IncidentTest {
 protected:
  app::StatusSubscriptions& subscriptions() { return desk->status_subscriptions(); }
  void request(const std::string& email, std::vector<std::int64_t> ids,
               const std::string& ip = "192.0.2.10") {
    subscriptions().request(subscription_of(email, std::move(ids), ip));
  }
  std::string token(const std::string& email) { return confirmation_token(database->db(), email); }
  // The outbox rows, oldest first, whose key starts with `prefix`.
  std::vector<store::OutboxMessage> rows(const std::string& prefix) {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::list_messages(c, "", std::nullopt, 1000)) {
        if (m.template_key.rfind(prefix, 0) == 0) out.push_back(m);
      }
    });
    std::reverse(out.begin(), out.end());
    return out;
  }
  // "key -> address" of every subscriber message.
  std::vector<std::string> to_subscribers() {
    std::vector<std::string> out;
    for (const auto& m : rows("subscriber:")) {
      out.push_back(m.template_key + " -> " + m.recipient_address);
    }
    return out;
  }
  // A general SIGEFES incident reported by the desk, confirmed and published.
  std::int64_t publish_general_sigefes() {
    const auto id = report_sigefes(w.attendant).notice.id;
    step(w.analyst_sis, id, NoticeAction::confirm_general);
    step(ascom, id, NoticeAction::publish);
    return id;
  }
};

TEST_P(StatusSubscriptionsTest, NothingArrivesBeforeTheLinkIsFollowedAndEverythingAfter) {
  request("Ana.Silva@Example.org", {sigefes.id});
  const auto confirmations = rows("status_subscription_confirm");
  ASSERT_EQ(confirmations.size(), 1u);
  const auto& c = confirmations[0];
  EXPECT_EQ(c.recipient_address, "ana.silva@example.org");
  EXPECT_EQ(c.subject, "Confirme sua assinatura da situação dos serviços");
  EXPECT_THAT(c.text_body, HasSubstr("http://127.0.0.1:8080/status/assinatura/confirmar?token="));
  EXPECT_THAT(c.text_body, HasSubstr("de: SIGEFES."));
  EXPECT_THAT(c.text_body, HasSubstr("até 04/03/2026 às 09:00 (horário de Brasília)"));
  EXPECT_FALSE(c.list_unsubscribe) << "a confirmation is not a list message";

  const auto first = publish_general_sigefes();
  EXPECT_THAT(to_subscribers(), IsEmpty()) << "not confirmed yet: double opt-in";

  const auto pending = subscriptions().confirmation(token("ana.silva@example.org"));
  EXPECT_EQ(pending.address, "ana.silva@example.org");
  EXPECT_EQ(pending.component_names, std::vector<std::string>{"SIGEFES"});
  const auto confirmed = subscriptions().confirm(token("ana.silva@example.org"));
  EXPECT_EQ(confirmed.state, SubscriberState::confirmed);
  EXPECT_EQ(outcome([&] { subscriptions().confirm(token("ana.silva@example.org")); }), "not_found")
      << "a link works once";

  step(w.analyst_sis, first, NoticeAction::restore);
  step(ascom, first, NoticeAction::publish);
  ASSERT_THAT(to_subscribers(),
              ElementsAre("subscriber:incident_restored -> ana.silva@example.org"));
  const auto m = rows("subscriber:").at(0);
  ASSERT_TRUE(m.list_unsubscribe);
  EXPECT_THAT(*m.list_unsubscribe,
              ::testing::MatchesRegex(
                  "http://127\\.0\\.0\\.1:8080/status/assinatura/cancelar\\?token=[0-9a-f]{32}"));
  EXPECT_THAT(m.text_body, HasSubstr("Para cancelar a assinatura: " + *m.list_unsubscribe));
  EXPECT_THAT(m.html_body, HasSubstr(">Cancelar a assinatura</a>"));
  EXPECT_THAT(m.text_body, HasSubstr("/status/comunicados/" + std::to_string(first)));
  EXPECT_FALSE(m.recipient_id);
}

TEST_P(StatusSubscriptionsTest, UnsubscribingByTheLinkStopsEveryMessage) {
  subscribe_confirmed(*desk, database->db(), "ana@example.org", {sigefes.id});
  const auto id = publish_general_sigefes();
  ASSERT_EQ(rows("subscriber:").size(), 1u);
  const auto link = *rows("subscriber:").at(0).list_unsubscribe;
  const auto leave = link.substr(link.find("token=") + 6);

  EXPECT_EQ(subscriptions().subscription(leave).state, SubscriberState::confirmed);
  EXPECT_EQ(subscriptions().unsubscribe(leave).state, SubscriberState::unsubscribed);
  EXPECT_EQ(subscriptions().unsubscribe(leave).state, SubscriberState::unsubscribed)
      << "one-click clients may post twice";
  step(w.analyst_sis, id, NoticeAction::restore);
  step(ascom, id, NoticeAction::publish);
  EXPECT_EQ(rows("subscriber:").size(), 1u) << "nothing after unsubscribing";
  EXPECT_EQ(outcome([&] { subscriptions().unsubscribe("0123456789abcdef0123456789abcdef"); }),
            "not_found");
  EXPECT_EQ(outcome([&] { subscriptions().unsubscribe("x' OR 1=1 --"); }), "not_found");

  // Coming back takes a new confirmation; the old link still leaves.
  request("ana@example.org", {sigefes.id});
  EXPECT_EQ(rows("status_subscription_confirm").size(), 2u);
  subscriptions().confirm(token("ana@example.org"));
  EXPECT_EQ(subscriptions().subscription(leave).state, SubscriberState::confirmed);
}

TEST_P(StatusSubscriptionsTest, AnExpiredLinkConfirmsNothingAndIsForgotten) {
  request("ana@example.org", {sigefes.id});
  const auto t = token("ana@example.org");
  clock.advance(std::chrono::hours(48));
  const auto error = error_of([&] { subscriptions().confirm(t); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DomainError::Kind::conflict);
  EXPECT_THAT(error->what(), HasSubstr("expirou"));
  EXPECT_EQ(outcome([&] { subscriptions().confirmation(t); }), "conflict");
  publish_general_sigefes();
  EXPECT_THAT(to_subscribers(), IsEmpty());
  EXPECT_EQ(count("status_subscribers"), 1);
  EXPECT_GE(subscriptions().forget_stale(), 1);
  EXPECT_EQ(count("status_subscribers"), 0) << "an unconfirmed address is not kept";
  EXPECT_EQ(outcome([&] { subscriptions().confirm(t); }), "not_found");
}

TEST_P(StatusSubscriptionsTest, RequestsAreLimitedPerAddressAndPerClientIp) {
  // Per address: three a day, from any IP.
  for (int i = 0; i < 3; ++i)
    request("ana@example.org", {sigefes.id}, "192.0.2." + std::to_string(i));
  auto error = error_of([&] { request("ana@example.org", {network.id}, "198.51.100.1"); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DomainError::Kind::rate_limited);
  EXPECT_TRUE(looks_pt_br(error->what())) << error->what();
  EXPECT_EQ(rows("status_subscription_confirm").size(), 3u);
  // A refused request changes nothing: the last link sent still confirms the last choice.
  EXPECT_EQ(subscriptions().confirmation(token("ana@example.org")).component_names,
            std::vector<std::string>{"SIGEFES"});

  // Per IP: twenty an hour, whatever the addresses.
  for (int i = 0; i < 20; ++i) request("p" + std::to_string(i) + "@example.org", {}, "203.0.113.7");
  EXPECT_EQ(outcome([&] { request("p20@example.org", {}, "203.0.113.7"); }), "rate_limited");
  EXPECT_EQ(outcome([&] { request("p20@example.org", {}, "203.0.113.8"); }), "ok");

  clock.advance(std::chrono::hours(1));
  EXPECT_EQ(outcome([&] { request("p21@example.org", {}, "203.0.113.7"); }), "ok");
  EXPECT_EQ(outcome([&] { request("ana@example.org", {}, "203.0.113.9"); }), "rate_limited");
  clock.advance(std::chrono::hours(23));
  EXPECT_EQ(outcome([&] { request("ana@example.org", {}, "203.0.113.9"); }), "ok");
}

TEST_P(StatusSubscriptionsTest, AskingAgainForWhatIsConfirmedSendsNothing) {
  subscribe_confirmed(*desk, database->db(), "ana@example.org", {sigefes.id, network.id});
  EXPECT_EQ(rows("status_subscription_confirm").size(), 1u);
  request("ANA@example.org", {network.id, sigefes.id});
  EXPECT_EQ(rows("status_subscription_confirm").size(), 1u) << "no second message";

  // Another choice takes a confirmation; until then the first one holds.
  request("ana@example.org", {network.id});
  EXPECT_EQ(rows("status_subscription_confirm").size(), 2u);
  publish_general_sigefes();
  EXPECT_THAT(to_subscribers(), ElementsAre("subscriber:incident_confirmed -> ana@example.org"));
  subscriptions().confirm(token("ana@example.org"));
  publish_general_sigefes();
  EXPECT_EQ(to_subscribers().size(), 1u) << "now only the network";
}

TEST_P(StatusSubscriptionsTest, EachSubscriberHearsOnceAndAContactIsNotToldTwice) {
  subscribe_confirmed(*desk, database->db(), "ana@example.org", {sigefes.id, network.id});
  subscribe_confirmed(*desk, database->db(), "bia@example.org", {});  // everything
  subscribe_confirmed(*desk, database->db(), "caio@example.org", {network.id});
  // SEGER's manager (a contact of both components) subscribed as well.
  subscribe_confirmed(*desk, database->db(), "otavio@seger.es.gov.br", {sigefes.id});

  app::ReportIncident r;
  r.component_ids = {sigefes.id, network.id};
  r.impact = "o acesso aos sistemas";
  const auto id = desk->status_notices().report_incident(as(w.attendant), r).notice.id;
  step(w.analyst_sis, id, NoticeAction::confirm_general);
  step(ascom, id, NoticeAction::publish);
  EXPECT_THAT(to_subscribers(),
              UnorderedElementsAre("subscriber:incident_confirmed -> ana@example.org",
                                   "subscriber:incident_confirmed -> bia@example.org",
                                   "subscriber:incident_confirmed -> caio@example.org"));
  int to_otavio = 0;
  for (const auto& m : rows("incident_confirmed"))
    to_otavio += m.recipient_address == "otavio@seger.es.gov.br";
  EXPECT_EQ(to_otavio, 1) << "the contact's own message, not a second as subscriber";
}

TEST_P(StatusSubscriptionsTest, AnOrganizationsIncidentStaysWithItAndMaintenanceReachesThePublic) {
  subscribe_confirmed(*desk, database->db(), "ana@example.org", {});
  const auto id = report_sigefes(w.manager_seger).notice.id;  // scoped to SEGER
  step(ascom, id, NoticeAction::acknowledge);
  step(w.analyst_sis, id, NoticeAction::confirm_organization);
  step(ascom, id, NoticeAction::publish);
  EXPECT_FALSE(rows("incident_confirmed_organization").empty()) << "SEGER was told";
  EXPECT_THAT(to_subscribers(), IsEmpty()) << "private to SEGER";

  schedule_network(ascom);
  EXPECT_THAT(to_subscribers(), ElementsAre("subscriber:maintenance_scheduled -> ana@example.org"));
}

TEST_P(StatusSubscriptionsTest, BadRequestsAreRefusedInPortugueseAndChangeNothing) {
  const auto before = count("outbox");
  for (const auto& [label, r] : std::vector<std::pair<std::string, app::SubscriptionRequest>>{
           {"no address", subscription_of("", {sigefes.id})},
           {"not an address", subscription_of("ana(at)example.org", {sigefes.id})},
           {"header injection", subscription_of("ana@example.org\r\nBcc: x@y.z", {sigefes.id})},
           {"unknown component", subscription_of("ana@example.org", {99999})},
           {"nothing chosen", [] {
              auto r = subscription_of("ana@example.org", {});
              r.all = false;
              return r;
            }()}}) {
    const auto error = error_of([&] { subscriptions().request(r); });
    ASSERT_TRUE(error) << label;
    EXPECT_EQ(error->kind(), DomainError::Kind::validation) << label;
    EXPECT_TRUE(looks_pt_br(error->what())) << label << ": " << error->what();
  }
  EXPECT_EQ(count("outbox"), before);
  EXPECT_EQ(count("status_subscribers"), 0);
  EXPECT_EQ(count("status_subscription_requests"), 0);
  EXPECT_EQ(outcome([&] { subscriptions().confirm("not-a-token"); }), "not_found");
}

GUICHE_ON_BOTH_ENGINES(StatusSubscriptionsTest);

}  // namespace
}  // namespace guiche::testing
