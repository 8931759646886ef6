// WhatsApp notices through the fake Cloud API (scripts/test-servers/
// whatsapp_cloud.py): free-form inside the 24-hour window, templates outside
// it or when WhatsApp answers 131047, backoff on 130429/131056, an expired
// token marking the channel broken without losing a message, and uploaded
// files sent by id. The worker's rounds are driven with the manual clock.
#include <gmock/gmock.h>

#include <thread>

#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/whatsapp/whatsapp_templates.hpp"
#include "store/channel_health_rows.hpp"
#include "store/outbox_rows.hpp"
#include "store/whatsapp_message_rows.hpp"
#include "store/whatsapp_window_rows.hpp"
#include "support/desk_world.hpp"
#include "support/whatsapp_fake.hpp"
#include "transports/outbox_worker.hpp"
#include "transports/whatsapp/whatsapp_transport.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

class WhatsAppDeliveryTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = DeskTest::desk_config();
    c.notice_channels = {"email", "whatsapp"};
    c.whatsapp.templates = app::load_whatsapp_templates(GUICHE_WHATSAPP_TEMPLATES);
    return c;
  }
  void SetUp() override {
    DeskTest::SetUp();
    fake = std::make_unique<WhatsAppFake>();
    start_worker(WhatsAppFake::token());
    w.requester_seger.phone = "+55 27 99999-0001";
    w.requester_seger.notice_preference = NoticePreference::whatsapp;
    w.requester_seger = desk->directory().update_person(as(w.admin), w.requester_seger);
  }
  void TearDown() override {
    worker.reset();
    fake.reset();
    DeskTest::TearDown();
  }
  // A worker as `guiche serve` runs it, with the token `token`.
  void start_worker(const std::string& token, int max_attempts = 1000) {
    worker.reset();
    transports::WorkerConfig config;
    config.batch = 100;
    config.backoff_base = 1s;
    config.backoff_cap = 8s;
    config.max_attempts = max_attempts;
    transports::WhatsAppTransportConfig wa;
    wa.api = {fake->api_url(), fake->phone_number_id(), token};
    wa.api.timeout = 5s;
    worker = std::make_unique<transports::OutboxWorker>(
        database->db(), clock,
        std::make_unique<transports::WhatsAppTransport>(database->db(), clock, wa), config, false);
  }
  int drain() {
    int rounds = 0;
    while (worker->deliver_due() > 0 && rounds < 10'000) ++rounds;
    return rounds;
  }
  void open_window(const std::string& wa_id, Instant at) {
    database->db().write([&](store::Connection& c) { store::touch_whatsapp_window(c, wa_id, at); });
  }
  std::vector<store::OutboxMessage> whatsapp_rows() {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) {
      for (auto& m : store::list_messages(c, "", std::nullopt, 100'000))
        if (m.channel == "whatsapp") out.push_back(m);
    });
    return out;
  }
  std::vector<store::WhatsAppMessage> recorded(std::int64_t outbox_id) {
    std::vector<store::WhatsAppMessage> out;
    database->db().read(
        [&](store::Connection& c) { out = store::whatsapp_messages_of_outbox(c, outbox_id); });
    return out;
  }
  Ticket register_support(const std::string& subject = "Impressora parada") {
    app::RegisterRequest r;
    r.requester_id = w.requester_seger.id;
    r.service_code = "SUP-TEC";
    r.subject = subject;
    r.description = "A impressora do 3º andar não imprime.";
    r.channel = Channel::whatsapp;
    return desk->intake().register_request(as(w.attendant, Channel::phone), r);
  }

  std::unique_ptr<WhatsAppFake> fake;
  std::unique_ptr<transports::OutboxWorker> worker;
};

TEST_P(WhatsAppDeliveryTest, InsideTheWindowTheShortTextGoesFreeForm) {
  // WhatsApp names this account by the old 12-digit form: the same window.
  open_window("552799990001", clock.now() - 1h);
  const Ticket t = register_support();
  drain();
  const auto sent = fake->sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["to"], "5527999990001");
  EXPECT_EQ(sent[0]["type"], "text");
  const std::string body = sent[0]["request"]["text"]["body"];
  EXPECT_THAT(body, HasSubstr("*Protocolo:* " + t.protocol));
  EXPECT_LT(body.size(), 400u);  // the short text, not the e-mail
  const auto rows = whatsapp_rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].status, "sent");
  const auto messages = recorded(rows[0].id);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].wamid, sent[0]["id"]);
  EXPECT_EQ(messages[0].kind, "free_form");
  EXPECT_EQ(messages[0].ticket_id, t.id);
  EXPECT_EQ(messages[0].status, "accepted");
}

TEST_P(WhatsAppDeliveryTest, OutsideTheWindowTheApprovedTemplateGoes) {
  open_window("5527999990001", clock.now() - 25h);  // closed an hour ago
  const Ticket t = register_support();
  drain();
  const auto sent = fake->sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["type"], "template");
  const auto& tmpl = sent[0]["request"]["template"];
  EXPECT_EQ(tmpl["name"], "guiche_registro");
  EXPECT_EQ(tmpl["language"]["code"], "pt_BR");
  const auto& parameters = tmpl["components"][0]["parameters"];
  ASSERT_EQ(parameters.size(), 4u);
  EXPECT_EQ(parameters[0]["text"], "Maria Solicitante");
  EXPECT_EQ(parameters[1]["text"], t.protocol);
  EXPECT_EQ(recorded(whatsapp_rows()[0].id)[0].kind, "template");
}

TEST_P(WhatsAppDeliveryTest, WindowClosedAnswerSwitchesTheRowToItsTemplateAtOnce) {
  open_window("5527999990001", clock.now() - 1h);
  fake->fail(131047, 1);
  register_support();
  EXPECT_EQ(worker->deliver_due(), 1);
  EXPECT_EQ(fake->attempts(), 2);  // the free-form refused, then the template
  const auto sent = fake->sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["type"], "template");
  const auto rows = whatsapp_rows();
  EXPECT_EQ(rows[0].status, "sent");
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_EQ(recorded(rows[0].id)[0].kind, "template");
}

TEST_P(WhatsAppDeliveryTest, RateLimitsBackOffAndSendLater) {
  open_window("5527999990001", clock.now());
  fake->fail(130429, 1);
  register_support("Primeira");
  EXPECT_EQ(worker->deliver_due(), 1);
  auto rows = whatsapp_rows();
  EXPECT_EQ(rows[0].status, "pending");
  EXPECT_THAT(rows[0].last_error.value_or(""), HasSubstr("130429"));
  EXPECT_EQ(worker->deliver_due(), 0);  // waits for its backoff
  EXPECT_TRUE(fake->sent().empty());
  clock.advance(1s);
  // Past the row's own backoff, the number as a whole still waits out the
  // throughput limit (WhatsAppTransportConfig::throttle_hold, 30 s).
  EXPECT_EQ(worker->deliver_due(), 0);
  EXPECT_EQ(fake->attempts(), 1);
  clock.advance(30s);
  fake->fail(131056, 1);
  EXPECT_EQ(worker->deliver_due(), 1);
  rows = whatsapp_rows();
  EXPECT_THAT(rows[0].last_error.value_or(""), HasSubstr("131056"));
  clock.advance(2s);
  drain();
  EXPECT_EQ(fake->sent().size(), 1u);
  EXPECT_EQ(whatsapp_rows()[0].status, "sent");
}

TEST_P(WhatsAppDeliveryTest, AnExpiredTokenBreaksTheChannelAndLosesNothing) {
  fake->control("config", {{"token", "token-novo"}});  // ours is refused from now on (190)
  start_worker(WhatsAppFake::token(), 3);
  open_window("5527999990001", clock.now());
  for (auto subject : {"Um", "Dois", "Três"}) register_support(subject);
  drain();
  std::optional<store::ChannelHealth> health;
  database->db().read([&](store::Connection& c) { health = store::channel_health(c, "whatsapp"); });
  ASSERT_TRUE(health.has_value());
  EXPECT_EQ(health->state, "broken");
  EXPECT_THAT(health->reason, HasSubstr("190"));
  EXPECT_THAT(health->reason, ::testing::Not(HasSubstr(WhatsAppFake::token())));
  // Hours go by, well past the rows' attempts: one probe a minute, nothing fails.
  for (int minute = 0; minute < 30; ++minute) {
    clock.advance(61s);
    drain();
  }
  EXPECT_EQ(fake->attempts(), 31);
  for (const auto& r : whatsapp_rows()) {
    EXPECT_EQ(r.status, "pending");
    EXPECT_LE(r.attempts, 1);
  }
  // The admin sets the new token and restarts the server.
  start_worker("token-novo", 3);
  clock.advance(61s);
  drain();
  EXPECT_EQ(fake->sent().size(), 3u);
  for (const auto& r : whatsapp_rows()) EXPECT_EQ(r.status, "sent");
  database->db().read([&](store::Connection& c) { health = store::channel_health(c, "whatsapp"); });
  EXPECT_FALSE(health.has_value());
}

TEST_P(WhatsAppDeliveryTest, StatusesArrivingOutOfOrderEndAsRead) {
  // The fake posts its status webhooks to its own receiver, signed.
  fake->control("config", {{"webhook_url", fake->sink_url()}, {"app_secret", "segredo-app"}});
  open_window("5527999990001", clock.now());
  register_support();
  drain();
  const std::string wamid = fake->sent().at(0)["id"];
  auto sink = [&] {
    std::vector<nlohmann::json> out;
    const auto answer = fake->get("sink");
    for (const auto& r : answer["received"]) out.push_back(r);
    return out;
  };
  for (int i = 0; i < 200 && sink().size() < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  fake->control("statuses", {{"statuses",
                              {{{"id", wamid}, {"status", "read"}},
                               {{"id", wamid}, {"status", "delivered"}},
                               {{"id", wamid}, {"status", "sent"}}}}});
  const auto received = sink();
  ASSERT_EQ(received.size(), 4u);  // sent, delivered, read after the send; the reversed batch
  // The inbound side applies each status as it comes; the last batch came reversed.
  for (const auto& batch : {received[3], received[0]}) {
    EXPECT_TRUE(batch["valid"].get<bool>());
    const auto statuses = batch["body"]["entry"][0]["changes"][0]["value"]["statuses"];
    database->db().write([&](store::Connection& c) {
      for (const auto& s : statuses) {
        EXPECT_TRUE(
            store::record_whatsapp_status(c, s["id"], s["status"], clock.now(), std::nullopt, ""));
      }
    });
  }
  std::optional<store::WhatsAppMessage> m;
  database->db().read([&](store::Connection& c) { m = store::load_whatsapp_message(c, wamid); });
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->status, "read");
  EXPECT_FALSE(m->error_code.has_value());
}

TEST_P(WhatsAppDeliveryTest, AStatusBeforeTheSendIsRecordedKeepsBoth) {
  database->db().write([&](store::Connection& c) {
    EXPECT_TRUE(store::record_whatsapp_status(c, "wamid.cedo", "failed", clock.now(), 131026,
                                              "Message undeliverable"));
    EXPECT_FALSE(
        store::record_whatsapp_status(c, "wamid.cedo", "lido", clock.now(), std::nullopt, ""));
    store::WhatsAppMessage sent;
    sent.wamid = "wamid.cedo";
    sent.wa_id = "5527999990001";
    sent.kind = "template";
    sent.created_at = clock.now();
    store::record_whatsapp_sent(c, sent);
    EXPECT_TRUE(
        store::record_whatsapp_status(c, "wamid.cedo", "delivered", clock.now(), std::nullopt, ""));
  });
  std::optional<store::WhatsAppMessage> m;
  database->db().read(
      [&](store::Connection& c) { m = store::load_whatsapp_message(c, "wamid.cedo"); });
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->status, "failed");
  EXPECT_EQ(m->error_code, 131026);
  EXPECT_EQ(m->error_title, "Message undeliverable");
  EXPECT_EQ(m->kind, "template");
  EXPECT_EQ(m->wa_id, "5527999990001");
}

TEST_P(WhatsAppDeliveryTest, AFileIsUploadedAndSentByItsId) {
  transports::WhatsAppTransportConfig wa;
  wa.api = {fake->api_url(), fake->phone_number_id(), WhatsAppFake::token()};
  transports::WhatsAppTransport transport(database->db(), clock, wa);
  const std::string pdf = "%PDF-1.4\n% laudo\n";
  const auto sent = transport.send_file("+55 27 99999-0001", pdf, "application/pdf", "laudo.pdf",
                                        "Laudo técnico");
  ASSERT_TRUE(sent.result.ok()) << sent.result.error_message << sent.result.transport_error;
  const auto got = fake->sent();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0]["type"], "document");
  const auto& document = got[0]["request"]["document"];
  EXPECT_EQ(document["filename"], "laudo.pdf");
  EXPECT_EQ(document["caption"], "Laudo técnico");
  transports::CloudApiClient client(wa.api);
  const auto file = client.download(document["id"]);
  ASSERT_TRUE(file.result.ok());
  EXPECT_EQ(file.bytes, pdf);
  EXPECT_EQ(file.mime_type, "application/pdf");
}

GUICHE_ON_BOTH_ENGINES(WhatsAppDeliveryTest);

}  // namespace
}  // namespace guiche::testing
