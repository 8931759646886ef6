// WhatsApp's webhook (api/whatsapp_webhook_routes.cpp, app/whatsapp/whatsapp_inbox.hpp):
// Meta's handshake; only signed bodies are taken, kept before the 200, and
// every message and status of a batch is processed once, however often Meta
// re-sends it; a failed processing is tried again, not lost; quick messages
// of one person are handled together.
#include <gmock/gmock.h>

#include "app/whatsapp/whatsapp_inbox.hpp"
#include "store/whatsapp_message_rows.hpp"
#include "store/whatsapp_window_rows.hpp"
#include "support/api_world.hpp"
#include "support/db_fingerprint.hpp"
#include "support/whatsapp_payloads.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

// Records what the inbox hands over; fails the first `failures` calls.
struct RecordingHandler : app::WhatsAppMessageHandler {
  std::vector<std::vector<std::string>> calls;  // the wamids of each call
  int failures = 0;
  std::vector<Handled> handle(app::LedgerWrite&, const std::string&,
                              const std::vector<store::WhatsAppInboundItem>& messages) override {
    if (failures > 0) {
      --failures;
      throw std::runtime_error("falha simulada");
    }
    std::vector<std::string> ids;
    for (const auto& m : messages) ids.push_back(json::parse(m.item)["id"]);
    calls.push_back(ids);
    return std::vector<Handled>(messages.size(), Handled{"lida", std::nullopt});
  }
};

class WhatsAppWebhookApiTest : public ApiTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = ApiTest::desk_config();
    c.whatsapp = test_whatsapp_config();
    return c;
  }
  void SetUp() override {
    ApiTest::SetUp();
    desk->whatsapp_inbox().set_handler(&handler);
  }
  HttpResult post(const std::string& body, const std::string& signature) {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Content-Type", "application/json"}};
    if (!signature.empty()) headers.emplace_back("X-Hub-Signature-256", signature);
    return raw("POST", "/webhooks/whatsapp", headers, body);
  }
  HttpResult post_signed(const std::string& body) {
    return post(body, meta_signature(test_whatsapp_config().app_secret, body));
  }
  std::int64_t at(int seconds_from_now) { return to_millis(clock.now()) / 1000 + seconds_from_now; }
  // Past the pause that gathers quick messages.
  int process_after_pause() {
    clock.advance(std::chrono::seconds(5));
    return desk->whatsapp_inbox().process_due();
  }
  RecordingHandler handler;
};

TEST_P(WhatsAppWebhookApiTest, HandshakeEchoesTheChallengeOnlyWithOurToken) {
  auto r = raw("GET",
               "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verificacao-de-teste"
               "&hub.challenge=1158201444");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "1158201444");
  EXPECT_THAT(r.headers["content-type"], ::testing::StartsWith("text/plain"));
  for (const std::string target :
       {"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=outro&hub.challenge=1",
        "/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=verificacao-de-teste"
        "&hub.challenge=1",
        "/webhooks/whatsapp?hub.verify_token=verificacao-de-teste&hub.challenge=1",
        "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verificacao-de-teste",
        "/webhooks/whatsapp"}) {
    SCOPED_TRACE(target);
    r = raw("GET", target);
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  }
}

TEST_P(WhatsAppWebhookApiTest, UnsignedOrWronglySignedBodiesAre401AndStoreNothing) {
  const std::string body =
      webhook_body({change_value({text_message("wamid.A1", "5527999990001", "oi", at(0))}, {})});
  const auto before = database_fingerprint(*database);
  for (const auto& signature :
       {std::string(), std::string("sha256=00"), meta_signature("outro-segredo", body),
        std::string("sha1=") + meta_signature(test_whatsapp_config().app_secret, body).substr(7),
        meta_signature(test_whatsapp_config().app_secret, body + " ")}) {
    SCOPED_TRACE(signature);
    auto r = post(body, signature);
    EXPECT_EQ(r.status, 401) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  }
  EXPECT_EQ(database_fingerprint(*database), before);
}

TEST_P(WhatsAppWebhookApiTest, EveryItemOfABatchIsProcessedOnceHoweverOftenItComes) {
  // Two entries, three messages of two people and two statuses: all of them count.
  const std::string body = webhook_body(
      {change_value({text_message("wamid.M1", "5527999990001", "oi", at(0)),
                     text_message("wamid.M2", "5527999990002", "bom dia", at(0))},
                    {}, {{"5527999990001", "Maria"}, {"5527999990002", "João"}}),
       change_value({text_message("wamid.M3", "5527999990001", "preciso de ajuda", at(1))},
                    {status_of("wamid.OUT1", "5527999990001", "delivered", at(0)),
                     status_of("wamid.OUT1", "5527999990001", "read", at(1))})});
  auto r = post_signed(body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["items"], 5);
  EXPECT_EQ(r.json()["new_items"], 5);
  // Re-delivered (Meta re-sends until it hears 2xx): kept, but nothing new.
  r = post_signed(body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["new_items"], 0);
  EXPECT_EQ(count("whatsapp_webhook_batches"), 2);
  EXPECT_EQ(count("whatsapp_inbound"), 5);

  EXPECT_EQ(process_after_pause(), 5);
  // The statuses land on the message they are about; read, the furthest, stays.
  std::optional<store::WhatsAppMessage> out;
  database->db().read(
      [&](store::Connection& c) { out = store::load_whatsapp_message(c, "wamid.OUT1"); });
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, "read");
  // Each message opened its sender's 24-hour window.
  database->db().read([&](store::Connection& c) {
    EXPECT_TRUE(store::whatsapp_window_open(c, "5527999990001", clock.now()));
    EXPECT_TRUE(store::whatsapp_window_open(c, "+5527999990002", clock.now()));
    EXPECT_FALSE(store::whatsapp_window_open(c, "5527999990003", clock.now()));
  });
  // One call per person, with all of their messages, in order.
  EXPECT_THAT(handler.calls,
              ::testing::UnorderedElementsAre(std::vector<std::string>{"wamid.M1", "wamid.M3"},
                                              std::vector<std::string>{"wamid.M2"}));
  r = post_signed(body);
  EXPECT_EQ(r.json()["new_items"], 0);
  EXPECT_EQ(process_after_pause(), 0);
  EXPECT_EQ(handler.calls.size(), 2u);
}

TEST_P(WhatsAppWebhookApiTest, QuickMessagesWaitForThePauseAndAreTakenTogether) {
  auto r = post_signed(webhook_body(
      {change_value({text_message("wamid.F1", "5527999990001", "minha impressora", at(0))}, {})}));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(desk->whatsapp_inbox().process_due(), 0) << "still typing";
  clock.advance(std::chrono::seconds(2));
  r = post_signed(webhook_body(
      {change_value({text_message("wamid.F2", "5527999990001", "não imprime", at(2))}, {})}));
  clock.advance(std::chrono::seconds(2));
  EXPECT_EQ(desk->whatsapp_inbox().process_due(), 0) << "the second message restarted the pause";
  EXPECT_EQ(process_after_pause(), 2);
  EXPECT_THAT(handler.calls,
              ::testing::ElementsAre(std::vector<std::string>{"wamid.F1", "wamid.F2"}));
}

TEST_P(WhatsAppWebhookApiTest, AFailedProcessingIsTriedAgainAndInTheEndKeptAsFailed) {
  handler.failures = 1;
  post_signed(
      webhook_body({change_value({text_message("wamid.R1", "5527999990001", "oi", at(0))}, {})}));
  EXPECT_EQ(process_after_pause(), 1);
  EXPECT_TRUE(handler.calls.empty());
  auto row = [&] {
    std::optional<store::WhatsAppInboundItem> item;
    database->db().read(
        [&](store::Connection& c) { item = store::load_whatsapp_item(c, "message:wamid.R1"); });
    return *item;
  };
  EXPECT_EQ(row().state, "pending");
  EXPECT_EQ(row().last_error, "falha simulada");
  EXPECT_EQ(process_after_pause(), 0) << "waits for its retry time";
  clock.advance(std::chrono::minutes(1));
  EXPECT_EQ(desk->whatsapp_inbox().process_due(), 1);
  EXPECT_EQ(handler.calls.size(), 1u);
  EXPECT_EQ(row().state, "done");
  EXPECT_EQ(row().outcome, "lida");

  // A message that always fails ends 'failed', kept with its error.
  handler.failures = 1000;
  post_signed(
      webhook_body({change_value({text_message("wamid.R2", "5527999990002", "oi", at(0))}, {})}));
  for (int i = 0; i < 20; ++i) {
    clock.advance(std::chrono::hours(1));
    desk->whatsapp_inbox().process_due();
  }
  std::optional<store::WhatsAppInboundItem> failed;
  database->db().read(
      [&](store::Connection& c) { failed = store::load_whatsapp_item(c, "message:wamid.R2"); });
  EXPECT_EQ(failed->state, "failed");
  EXPECT_EQ(failed->attempts, 8);
}

TEST_P(WhatsAppWebhookApiTest, ASignedBodyThatIsNoWebhookIsKeptWithItsReason) {
  for (const auto& body :
       {std::string("não é json"), std::string(R"({"object":"page","entry":[]})"),
        std::string(R"({"object":"whatsapp_business_account","entry":[{"changes":[{"field":)"
                    R"("messages","value":{"messages":[{"from":"5527999990001"}]}}]}]})")}) {
    SCOPED_TRACE(body);
    auto r = post_signed(body);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["items"], 0);
  }
  EXPECT_EQ(count("whatsapp_webhook_batches"), 3);
  EXPECT_EQ(count("whatsapp_inbound"), 0);
  std::int64_t with_problem = 0;
  database->db().read([&](store::Connection& c) {
    with_problem = c.query_one(
                        "SELECT count(*) FROM whatsapp_webhook_batches "
                        "WHERE problem LIKE 'Webhook do WhatsApp inválido: %'")
                       ->integer(0);
  });
  EXPECT_EQ(with_problem, 3);
}

TEST_P(WhatsAppWebhookApiTest, ChangesForAnotherNumberOrFieldAreNotProcessed) {
  auto value = change_value({text_message("wamid.X1", "5527999990001", "oi", at(0))}, {});
  value["metadata"]["phone_number_id"] = "999";
  auto r = post_signed(webhook_body({value}));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["items"], 0);
}

class WhatsAppOffApiTest : public ApiTest {};

TEST_P(WhatsAppOffApiTest, WithoutConfigurationTheWebhookIsNotFound) {
  auto r = raw("GET", "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=&hub.challenge=1");
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(r.json()["detail"].get<std::string>(), ::testing::HasSubstr("não está configurado"));
  r = raw("POST", "/webhooks/whatsapp", {{"Content-Type", "application/json"}}, "{}");
  EXPECT_EQ(r.status, 404);
}

GUICHE_ON_BOTH_ENGINES(WhatsAppWebhookApiTest);
INSTANTIATE_TEST_SUITE_P(Engines, WhatsAppOffApiTest, ::testing::Values(Engine::sqlite),
                         engine_name);

}  // namespace
}  // namespace guiche::testing
