// `guiche serve` runs the webhook worker next to the e-mail one: deliveries
// queued before it started reach a real receiver on 127.0.0.1, signed.
#include <gmock/gmock.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "app/webhooks/webhooks.hpp"
#include "support/child_process.hpp"
#include "support/desk_world.hpp"
#include "support/http_client.hpp"
#include "support/webhook_receiver.hpp"

namespace guiche::testing {
namespace {

class ServeWebhooksTest : public DeskTest {};

TEST_P(ServeWebhooksTest, TheServerDeliversQueuedWebhooks) {
  const std::string secret = "segredo-do-servidor-77";
  WebhookReceiver receiver(secret);
  desk->webhooks().create(as(w.admin),
                          {"Painel", receiver.url(), secret, {"ticket_created"}, true});
  const Ticket t = register_sis(w.requester_seger);
  database->close();  // the server owns it from here
  const auto port = free_loopback_port();
  std::vector<std::string> args = {"serve", "--listen", "127.0.0.1:" + std::to_string(port),
                                   "--data", database->data_dir()};
  if (!database->url().empty()) {
    args.push_back("--database");
    args.push_back(database->url());
  }
  Child server(args, database->data_dir() + "/serve-webhooks.log");
  std::vector<nlohmann::json> got;
  for (int i = 0; i < 200 && got.empty() && server.running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    got = receiver.received();
  }
  ASSERT_EQ(got.size(), 1u) << server.output();
  EXPECT_TRUE(got[0]["valid"].get<bool>());
  EXPECT_EQ(got[0]["event"], "ticket_created");
  EXPECT_EQ(got[0]["body"]["ticket"]["protocol"], t.protocol);
  // SIGTERM is handled once the server listens.
  for (int i = 0; i < 200 && http_request(port, "GET", "/api/v1/health").status == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
  EXPECT_THAT(server.output(), ::testing::Not(::testing::HasSubstr(secret)));
}

GUICHE_ON_BOTH_ENGINES(ServeWebhooksTest);

}  // namespace
}  // namespace guiche::testing
