// `guiche serve` and the WhatsApp channel: without every setting it is off and
// says which setting is missing (never a secret's value); with them,
// "whatsapp" joins the notice channels and a worker sends the queued
// WhatsApp notices to the Cloud API (the fake, scripts/test-servers/).
#include <gmock/gmock.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <thread>

#include "app/directory/directory.hpp"
#include "app/whatsapp/whatsapp_templates.hpp"
#include "support/child_process.hpp"
#include "support/desk_world.hpp"
#include "support/http_client.hpp"
#include "support/whatsapp_fake.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char* const kAppSecret = "segredo-do-app-31415";
const char* const kVerifyToken = "verificacao-27182";

class ServeWhatsAppTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = DeskTest::desk_config();
    c.notice_channels = {"email", "whatsapp"};  // as the server will run
    c.whatsapp.templates = app::load_whatsapp_templates(GUICHE_WHATSAPP_TEMPLATES);
    return c;
  }
  void TearDown() override {
    for (auto name :
         {"GUICHE_WHATSAPP_TOKEN", "GUICHE_WHATSAPP_APP_SECRET", "GUICHE_WHATSAPP_VERIFY_TOKEN"})
      ::unsetenv(name);
    DeskTest::TearDown();
  }
  // Runs serve with `extra` arguments until it listens, then stops it; its output.
  std::string serve(
      const std::vector<std::string>& extra, const std::function<void()>& while_up = [] {}) {
    database->close();  // the server owns it from here
    const auto port = free_loopback_port();
    std::vector<std::string> args = {"serve", "--listen", "127.0.0.1:" + std::to_string(port),
                                     "--data", database->data_dir()};
    if (!database->url().empty()) {
      args.push_back("--database");
      args.push_back(database->url());
    }
    args.insert(args.end(), extra.begin(), extra.end());
    Child server(args, database->data_dir() + "/serve-whatsapp.log");
    for (int i = 0; i < 200 && http_request(port, "GET", "/api/v1/health").status == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    while_up();
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait_exit(std::chrono::seconds(10)), 0) << server.output();
    return server.output();
  }
};

TEST_P(ServeWhatsAppTest, APartialSetupLeavesTheChannelOffAndSaysWhatIsMissing) {
  ::setenv("GUICHE_WHATSAPP_TOKEN", "token-que-nao-aparece-0001", 1);
  const auto output = serve({"--whatsapp-api-url", "http://127.0.0.1:9/v21.0"});
  EXPECT_THAT(output, HasSubstr("Canal WhatsApp desligado: faltam --whatsapp-phone-number-id, "
                                "GUICHE_WHATSAPP_APP_SECRET e GUICHE_WHATSAPP_VERIFY_TOKEN."));
  EXPECT_THAT(output, Not(HasSubstr("token-que-nao-aparece-0001")));
}

TEST_P(ServeWhatsAppTest, AFullSetupSendsTheQueuedNotices) {
  WhatsAppFake fake;
  w.requester_seger.phone = "+55 27 99999-0001";
  w.requester_seger.notice_preference = NoticePreference::whatsapp;
  w.requester_seger = desk->directory().update_person(as(w.admin), w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  ::setenv("GUICHE_WHATSAPP_TOKEN", WhatsAppFake::token().c_str(), 1);
  ::setenv("GUICHE_WHATSAPP_APP_SECRET", kAppSecret, 1);
  ::setenv("GUICHE_WHATSAPP_VERIFY_TOKEN", kVerifyToken, 1);
  std::vector<nlohmann::json> sent;
  const auto output = serve(
      {"--whatsapp-api-url", fake.api_url(), "--whatsapp-phone-number-id", fake.phone_number_id()},
      [&] {
        for (int i = 0; i < 200 && sent.empty(); ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          sent = fake.sent();
        }
      });
  ASSERT_EQ(sent.size(), 1u) << output;
  EXPECT_EQ(sent[0]["type"], "template");  // nobody wrote to us: no window
  EXPECT_EQ(sent[0]["request"]["template"]["components"][0]["parameters"][1]["text"], t.protocol);
  EXPECT_THAT(output, HasSubstr("Canal WhatsApp ligado"));
  for (const std::string& secret :
       {WhatsAppFake::token(), std::string(kAppSecret), std::string(kVerifyToken)}) {
    EXPECT_THAT(output, Not(HasSubstr(secret)));
  }
}

// Meta heard 200, so it will not send the message again: the desk kept it before answering, and
// a server killed at once (SIGKILL: no shutdown of any kind) answers it after the restart.
TEST_P(ServeWhatsAppTest, AMessageAnsweredWith200SurvivesASigkill) {
  WhatsAppFake fake;
  ::setenv("GUICHE_WHATSAPP_TOKEN", WhatsAppFake::token().c_str(), 1);
  ::setenv("GUICHE_WHATSAPP_APP_SECRET", kAppSecret, 1);
  ::setenv("GUICHE_WHATSAPP_VERIFY_TOKEN", kVerifyToken, 1);
  database->close();
  const auto port = free_loopback_port();
  std::vector<std::string> args = {"serve",
                                   "--listen",
                                   "127.0.0.1:" + std::to_string(port),
                                   "--data",
                                   database->data_dir(),
                                   "--whatsapp-api-url",
                                   fake.api_url(),
                                   "--whatsapp-phone-number-id",
                                   fake.phone_number_id()};
  if (!database->url().empty()) {
    args.push_back("--database");
    args.push_back(database->url());
  }
  fake.control("config",
               {{"webhook_url", "http://127.0.0.1:" + std::to_string(port) + "/webhooks/whatsapp"},
                {"app_secret", kAppSecret}});
  auto wait_up = [&] {
    for (int i = 0; i < 200 && http_request(port, "GET", "/api/v1/health").status == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  };
  {
    Child first(args, database->data_dir() + "/serve-killed.log");
    wait_up();
    const auto posted = fake.control(
        "inbound", {{"messages", {{{"from", "5527998887766"}, {"type", "text"}, {"text", "Oi"}}}}});
    ASSERT_EQ(posted.value("status", 0), 200) << posted.dump();
    // Within the pause that gathers quick messages: nothing was answered yet.
    first.signal(SIGKILL);
    first.wait_exit(std::chrono::seconds(10));
  }
  ASSERT_TRUE(fake.sent().empty());
  Child second(args, database->data_dir() + "/serve-restarted.log");
  wait_up();
  std::vector<nlohmann::json> sent;
  for (int i = 0; i < 300 && sent.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    sent = fake.sent();
  }
  ASSERT_EQ(sent.size(), 1u) << second.output();
  EXPECT_EQ(sent[0]["to"], "5527998887766");
  EXPECT_THAT(sent[0]["request"].dump(), HasSubstr("LGPD"));
  second.signal(SIGTERM);
  EXPECT_EQ(second.wait_exit(std::chrono::seconds(10)), 0) << second.output();
}

GUICHE_ON_BOTH_ENGINES(ServeWhatsAppTest);

}  // namespace
}  // namespace guiche::testing
