// Each transport's worker claims only its own channel's outbox rows: the
// e-mail worker never takes a webhook delivery and the webhook worker never
// an e-mail notice, on either engine.
#include <gmock/gmock.h>

#include "app/webhooks/webhooks.hpp"
#include "store/outbox_rows.hpp"
#include "store/webhook_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using namespace std::chrono_literals;

class OutboxChannelsTest : public DeskTest {};

TEST_P(OutboxChannelsTest, EachTransportClaimsOnlyItsChannel) {
  desk->webhooks().create(
      as(w.admin),
      {"Painel", "http://127.0.0.1:9/hook", "segredo-de-teste-1234", {"ticket_created"}, true});
  register_sis(w.requester_seger);
  register_sis(w.requester_sesa);
  ASSERT_GT(count("outbox WHERE channel = 'email'"), 0);
  ASSERT_EQ(count("outbox WHERE channel = 'webhook'"), 2);
  std::vector<store::OutboxMessage> mail, hooks;
  database->db().write([&](store::Connection& c) {
    const auto now = clock.now();
    mail = store::claim_due_messages(c, "email", now, now + 1min, 100);
    hooks = store::claim_due_webhook_deliveries(c, now, now + 1min, 100);
  });
  EXPECT_EQ(static_cast<std::int64_t>(mail.size()), count("outbox WHERE channel = 'email'"));
  for (const auto& m : mail) EXPECT_EQ(m.channel, "email");
  ASSERT_EQ(hooks.size(), 2u);
  for (const auto& m : hooks) {
    EXPECT_EQ(m.channel, "webhook");
    EXPECT_TRUE(m.webhook_id.has_value());
  }
}

GUICHE_ON_BOTH_ENGINES(OutboxChannelsTest);

}  // namespace
}  // namespace guiche::testing
