// A broadcast to 1,000 status page subscribers through a real SMTP server
// (aiosmtpd) that goes down in the middle of it (docs/domain.md,
// "Subscribers"): once the server is back and the outbox has retried, each
// subscriber has received the message exactly once, with its one-click
// unsubscribe headers (RFC 8058), and the organizations' contacts theirs.
//
// The sink is stopped between two of the worker's rounds, after a few
// hundred messages left: a round in flight when a server dies may have had a
// message accepted whose answer never came, which SMTP cannot tell from a
// lost one (the retry keeps its Message-ID, so the receiver may drop it).
#include <gmock/gmock.h>

#include "app/incidents/status_notices.hpp"
#include "store/outbox_rows.hpp"
#include "support/incident_world.hpp"
#include "support/smtp_sink.hpp"
#include "support/subscription_world.hpp"
#include "transports/email/delivery_worker.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

class SubscriberBroadcastTest : public IncidentTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = IncidentTest::desk_config();
    config.subscription_requests_per_ip = 10'000;  // the 1,000 subscribe from one test
    return config;
  }
  int count_where(const std::string& status) {
    int n = 0;
    database->db().read([&](store::Connection& c) {
      n = static_cast<int>(
          c.query_one("SELECT count(*) FROM outbox WHERE status = ?", {status})->integer(0));
    });
    return n;
  }
  SmtpSink sink = shared_sink();
};

TEST_P(SubscriberBroadcastTest, AnSmtpOutageMidBroadcastLosesAndDuplicatesNothing) {
  ASSERT_NE(sink.port, 0);
  // A sink of this test's own, so stopping it disturbs nobody else.
  const int port = sink.port + 31 + (GetParam() == Engine::postgres ? 1 : 0);
  const std::string maildir = run_sink_script(sink, port, "start");
  ASSERT_FALSE(maildir.empty());

  constexpr int kSubscribers = 1000;
  std::vector<std::string> addresses;
  for (int i = 0; i < kSubscribers; ++i) {
    char address[64];
    std::snprintf(address, sizeof address, "assinante%04d@example.org", i);
    addresses.push_back(address);
    // Some choose the network, some everything, some the network and SIGEFES.
    std::vector<std::int64_t> ids;
    if (i % 3 == 0) ids = {network.id};
    if (i % 3 == 2) ids = {network.id, sigefes.id};
    subscribe_confirmed(*desk, database->db(), address, ids);
  }
  // The confirmation links are not this test's subject: as if long delivered.
  database->db().write([&](store::Connection& c) { c.query("UPDATE outbox SET status = 'sent'"); });

  schedule_network(ascom);  // published at once: ASCOM wrote it
  const int contacts = count_where("pending") - kSubscribers;
  ASSERT_GE(contacts, 1) << "SEGER's and SESA's managers hear too";

  ManualClock worker_clock(clock.now());
  mail::DeliveryConfig config;
  config.smtp.host = "127.0.0.1";
  config.smtp.port = port;
  config.smtp.tls = mail::SmtpConfig::Tls::none;
  config.smtp.timeout = 10s;
  config.batch = 50;
  config.backoff_base = 1000ms;
  config.backoff_cap = 4000ms;
  config.max_attempts = 100;
  mail::DeliveryWorker worker(database->db(), worker_clock, config, false);

  while (count_where("sent") - kSubscribers < 300) ASSERT_GT(worker.deliver_due(), 0);
  run_sink_script(sink, port, "stop");  // the outage
  const int sent_before = count_where("sent");
  for (int round = 0; round < 5; ++round) {
    worker.deliver_due();
    worker_clock.advance(4000ms);
  }
  EXPECT_EQ(count_where("sent"), sent_before) << "nothing leaves while the server is down";
  int failed_attempts = 0;
  database->db().read([&](store::Connection& c) {
    failed_attempts = static_cast<int>(
        c.query_one("SELECT count(*) FROM outbox WHERE last_error IS NOT NULL")->integer(0));
  });
  EXPECT_GT(failed_attempts, 0);

  ASSERT_EQ(run_sink_script(sink, port, "start"), maildir);
  for (int round = 0; round < 500 && count_where("pending") + count_where("sending") > 0; ++round) {
    worker.deliver_due();
    worker_clock.advance(4000ms);
  }
  run_sink_script(sink, port, "stop");
  EXPECT_EQ(count_where("pending") + count_where("sending") + count_where("failed"), 0);

  std::vector<store::OutboxMessage> broadcast;
  database->db().read([&](store::Connection& c) {
    for (const auto& r : c.query(std::string("SELECT ") + store::kOutboxColumns +
                                 " FROM outbox WHERE template_key <> "
                                 "'status_subscription_confirm' ORDER BY id")) {
      broadcast.push_back(store::outbox_message_from(r));
    }
  });
  ASSERT_EQ(broadcast.size(), static_cast<std::size_t>(kSubscribers + contacts));
  // Each row's message arrived once, to its recipient; each subscriber had one row.
  auto received = received_recipients(maildir);
  std::map<std::string, int> per_address;
  for (const auto& m : broadcast) {
    EXPECT_EQ(received[m.message_id], std::vector<std::string>{m.recipient_address})
        << m.message_id;
    for (const auto& to : received[m.message_id]) ++per_address[to];
  }
  for (const auto& address : addresses) EXPECT_EQ(per_address[address], 1) << address;

  const auto raw = received_message(maildir, broadcast.back().message_id);
  EXPECT_THAT(raw, HasSubstr("List-Unsubscribe: <http://127.0.0.1:8080/status/assinatura/"
                             "cancelar?token="));
  EXPECT_THAT(raw, HasSubstr("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
}

GUICHE_ON_BOTH_ENGINES(SubscriberBroadcastTest);

}  // namespace
}  // namespace guiche::testing
