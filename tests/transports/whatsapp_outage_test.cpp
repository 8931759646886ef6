// The WhatsApp provider down for 10 minutes (simulated with the manual
// clock) while 500 notices are produced: once it is back, each arrives
// exactly once (counted on the fake's list of accepted sends), and the
// notices of people whose 24-hour window closed in the meantime go as
// templates, the others free-form.
#include <gmock/gmock.h>

#include <map>

#include "app/directory/directory.hpp"
#include "app/notices/notices.hpp"
#include "app/whatsapp/whatsapp_templates.hpp"
#include "store/outbox_rows.hpp"
#include "store/whatsapp_window_rows.hpp"
#include "support/desk_world.hpp"
#include "support/whatsapp_fake.hpp"
#include "transports/outbox_worker.hpp"
#include "transports/whatsapp/whatsapp_transport.hpp"

namespace guiche::testing {
namespace {

using namespace std::chrono_literals;

class WhatsAppOutageTest : public DeskTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = DeskTest::desk_config();
    c.notice_channels = {"email", "whatsapp"};
    c.whatsapp.templates = app::load_whatsapp_templates(GUICHE_WHATSAPP_TEMPLATES);
    return c;
  }
};

TEST_P(WhatsAppOutageTest, EachNoticeArrivesOnceAndClosedWindowsGetTemplates) {
  WhatsAppFake fake;
  transports::WorkerConfig config;
  config.batch = 100;
  config.backoff_base = 1s;
  config.backoff_cap = 8s;
  transports::WhatsAppTransportConfig wa;
  wa.api = {fake.api_url(), fake.phone_number_id(), WhatsAppFake::token()};
  wa.api.timeout = 5s;
  transports::OutboxWorker worker(
      database->db(), clock,
      std::make_unique<transports::WhatsAppTransport>(database->db(), clock, wa), config, false);

  // Ten people on WhatsApp: the first five wrote 23 h 55 min ago (their
  // windows close 5 minutes into the outage), the others just now.
  std::vector<Person> people;
  std::map<std::string, bool> closes;  // digits -> window closes during the outage
  for (int i = 0; i < 10; ++i) {
    Person p;
    p.name = "Pessoa " + std::to_string(i);
    p.emails = {"p" + std::to_string(i) + "@ex.gov.br"};
    p.organization_id = w.seger.id;
    p.roles = {{Role::requester, std::nullopt}};
    const std::string digits = "55279999900" + std::to_string(10 + i);
    p.phone = "+" + digits;
    p.notice_preference = NoticePreference::whatsapp;
    people.push_back(desk->directory().create_person(as(w.admin), {p, std::nullopt}));
    closes[digits] = i < 5;
    database->db().write([&](store::Connection& c) {
      store::touch_whatsapp_window(c, digits, clock.now() - (i < 5 ? 23h + 55min : 0min));
    });
  }
  app::DeskContext context(database->db(), clock, desk_config());
  app::Notices notices(context);

  fake.down("close");
  for (int minute = 0; minute < 10; ++minute) {
    database->db().write([&](store::Connection& c) {
      for (int k = 0; k < 50; ++k) {
        const int n = minute * 50 + k;
        notices.enqueue(c, "agent_reply", people[n % 10], std::nullopt,
                        {{"protocol", "2026-000001"},
                         {"subject", "Aviso"},
                         {"service", ""},
                         {"ticket_url", "http://127.0.0.1/sa/2026-000001"},
                         {"agent", "Sofia"},
                         {"text", "Aviso número " + std::to_string(n) + "."}},
                        clock.now(), Channel::whatsapp);
      }
    });
    for (int round = 0; round < 10 && worker.deliver_due() > 0; ++round) {
    }
    clock.advance(1min);
  }
  EXPECT_TRUE(fake.sent().empty());
  EXPECT_GT(fake.attempts(), 0);  // it was tried, and refused, during the outage
  fake.down("");
  for (int i = 0; i < 20; ++i) {
    while (worker.deliver_due() > 0) {
    }
    clock.advance(10s);
  }

  const auto sent = fake.sent();
  EXPECT_EQ(sent.size(), 500u);
  std::map<int, int> times;
  int templates = 0;
  for (const auto& m : sent) {
    const bool closed = closes.at(m["to"]);
    std::string text;
    if (m["type"] == "template") {
      ++templates;
      EXPECT_TRUE(closed) << m.dump();
      text = m["request"]["template"]["components"][0]["parameters"][2]["text"];
    } else {
      EXPECT_FALSE(closed) << m.dump();
      text = m["request"]["text"]["body"];
    }
    const auto at = text.find("Aviso número ");
    ASSERT_NE(at, std::string::npos) << text;
    ++times[std::stoi(text.substr(at + 13))];
  }
  EXPECT_EQ(templates, 250);
  EXPECT_EQ(times.size(), 500u);
  for (const auto& [n, count] : times) EXPECT_EQ(count, 1) << "aviso " << n;
  EXPECT_EQ(count("outbox WHERE channel = 'whatsapp' AND status = 'sent'"), 500);
}

GUICHE_ON_BOTH_ENGINES(WhatsAppOutageTest);

}  // namespace
}  // namespace guiche::testing
