// Webhook deliveries to a real receiver on 127.0.0.1 (scripts/test-servers/
// webhook_receiver.py), which checks every signature with the secret: the
// payload, retries after 500s, a receiver down while 1,000 events happen
// (each delivery arrives once, in order per ticket), and 410 Gone turning the
// subscription off. The worker's rounds are driven with the manual clock.
#include <gmock/gmock.h>

#include <map>
#include <set>
#include <thread>

#include "app/tickets/ticket_work.hpp"
#include "app/webhooks/webhooks.hpp"
#include "store/webhook_rows.hpp"
#include "support/desk_world.hpp"
#include "support/webhook_receiver.hpp"
#include "transports/outbox_worker.hpp"
#include "transports/webhook/webhook_transport.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

const std::string kSecret = "segredo-de-teste-1234";

class WebhookDeliveryTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    receiver = std::make_unique<WebhookReceiver>(kSecret);
    transports::WorkerConfig config;
    config.batch = 50;
    config.backoff_base = 1s;
    config.backoff_cap = 8s;
    config.max_attempts = 1000;
    transports::WebhookConfig http;
    http.timeout = 5s;
    worker = std::make_unique<transports::OutboxWorker>(
        database->db(), clock,
        std::make_unique<transports::WebhookTransport>(database->db(), clock, http), config, false);
  }
  void TearDown() override {
    worker.reset();
    receiver.reset();
    DeskTest::TearDown();
  }

  app::Webhook subscribe(std::vector<std::string> events) {
    return desk->webhooks().create(as(w.admin),
                                   {"Painel da SEGER", receiver->url(), kSecret, events, true});
  }
  // Rounds until one claims nothing.
  int drain() {
    int rounds = 0;
    while (worker->deliver_due() > 0 && rounds < 10'000) ++rounds;
    return rounds;
  }
  std::vector<store::OutboxMessage> deliveries_of(std::int64_t hook) {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) {
      out = store::webhook_deliveries(c, hook, std::nullopt, 100'000);
    });
    return {out.rbegin(), out.rend()};  // oldest first
  }
  std::vector<nlohmann::json> accepted() {
    std::vector<nlohmann::json> out;
    for (auto& r : receiver->received()) {
      if (r["status"] == 204) out.push_back(r);
    }
    return out;
  }

  std::unique_ptr<WebhookReceiver> receiver;
  std::unique_ptr<transports::OutboxWorker> worker;
};

TEST_P(WebhookDeliveryTest, DeliveriesAreSignedAndCarryTheDocumentedPayload) {
  const auto all = subscribe({"ticket_created", "status_changed", "public_reply", "resolved"});
  const auto resolved_only = desk->webhooks().create(
      as(w.admin), {"Só resoluções", receiver->url("/resolvidos"), kSecret, {"resolved"}, true});
  Ticket t = register_sis(w.requester_seger, "Acesso ao SIGEFES");
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().reply(as(w.analyst_sis), t.id, "Liberamos o acesso.");
  desk->work().resolve(as(w.analyst_sis), t.id, "Acesso liberado.", 15);
  drain();

  const auto got = receiver->received();
  ASSERT_FALSE(got.empty());
  for (const auto& r : got) {
    EXPECT_TRUE(r["valid"].get<bool>()) << r.dump();
    EXPECT_EQ(r["status"], 204);
    EXPECT_EQ(r["delivery"], std::to_string(r["body"]["id"].get<std::int64_t>()));
    EXPECT_EQ(r["event"], r["body"]["event"]);
  }
  std::vector<std::string> events;
  for (const auto& r : got) {
    if (r["path"] == "/hook") events.push_back(r["event"]);
  }
  // An event's own kind first, then the status change it caused.
  EXPECT_THAT(events, ::testing::ElementsAre("ticket_created", "status_changed", "public_reply",
                                             "resolved", "status_changed"));
  const auto& created = got.front()["body"];
  EXPECT_EQ(created["event"], "ticket_created");
  EXPECT_EQ(created["occurred_at"], "2026-03-02T12:00:00.000Z");
  EXPECT_EQ(created["ticket"]["id"], t.id);
  EXPECT_EQ(created["ticket"]["protocol"], t.protocol);
  EXPECT_EQ(created["ticket"]["subject"], "Acesso ao SIGEFES");
  EXPECT_EQ(created["ticket"]["service_id"], w.sis_access.id);
  EXPECT_EQ(created["data"]["channel"], "portal");
  for (const auto& r : got) {
    if (r["event"] == "status_changed") {
      EXPECT_EQ(r["body"]["data"]["from"], "new");
      EXPECT_EQ(r["body"]["data"]["to"], "assigned");
      EXPECT_EQ(r["body"]["data"]["cause"], "routed");
      break;
    }
  }
  int resolved_seen = 0;
  for (const auto& r : got) {
    if (r["path"] != "/resolvidos") continue;
    ++resolved_seen;
    EXPECT_EQ(r["event"], "resolved");
    EXPECT_EQ(r["body"]["data"]["resolution"], "Acesso liberado.");
    EXPECT_EQ(r["body"]["ticket"]["status"], "resolved");
  }
  EXPECT_EQ(resolved_seen, 1);
  for (const auto& m : deliveries_of(all.id)) {
    EXPECT_EQ(m.status, "sent");
    EXPECT_EQ(m.response_code, 204);
  }
  EXPECT_EQ(deliveries_of(resolved_only.id).size(), 1u);
}

TEST_P(WebhookDeliveryTest, NothingIsQueuedWithoutASubscriptionThatWantsTheEvent) {
  subscribe({"sla_breach"});
  Ticket t = register_sis(w.requester_seger);
  desk->work().reply(as(w.attendant), t.id, "Recebido.");
  EXPECT_EQ(count("outbox WHERE channel = 'webhook'"), 0);
}

TEST_P(WebhookDeliveryTest, AnErrorAnswerIsRetriedWithBackoffAndTheNextWaitsItsTurn) {
  const auto hook = subscribe({"ticket_created", "public_reply"});
  receiver->answer(500);
  Ticket t = register_sis(w.requester_seger);
  desk->work().reply(as(w.attendant), t.id, "Primeira.");
  EXPECT_EQ(worker->deliver_due(), 1);  // only the ticket's first delivery
  auto rows = deliveries_of(hook.id);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].status, "pending");
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_EQ(rows[0].response_code, 500);
  EXPECT_THAT(rows[0].last_error.value_or(""), HasSubstr("HTTP 500"));
  EXPECT_EQ(rows[1].attempts, 0);
  // Not before its backoff, and the reply still waits behind it.
  EXPECT_EQ(worker->deliver_due(), 0);
  clock.advance(1s);
  EXPECT_EQ(worker->deliver_due(), 1);
  EXPECT_EQ(deliveries_of(hook.id)[0].attempts, 2);
  receiver->answer(0);
  clock.advance(2s);
  drain();
  const auto got = accepted();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0]["event"], "ticket_created");
  EXPECT_EQ(got[1]["event"], "public_reply");
  EXPECT_EQ(got[1]["body"]["data"]["text"], "Primeira.");
  for (const auto& m : deliveries_of(hook.id)) EXPECT_EQ(m.status, "sent");
}

TEST_P(WebhookDeliveryTest, AReceiverDownDuringAThousandEventsGetsEachOnceInOrderPerTicket) {
  const auto hook = subscribe({"ticket_created", "public_reply"});
  std::vector<Ticket> tickets;
  for (int i = 0; i < 5; ++i) {
    tickets.push_back(register_sis(w.requester_seger, "Chamado " + std::to_string(i)));
  }
  const int replies = 199;  // 5 creations + 5 × 199 replies = 1,000 events
  auto reply = [&](int n) {
    const auto& t = tickets[static_cast<std::size_t>(n % 5)];
    desk->work().reply(as(w.attendant), t.id, "Resposta " + std::to_string(n / 5));
  };
  int n = 0;
  for (; n < 150; ++n) reply(n);
  drain();
  receiver->stop();
  for (; n < 5 * replies; ++n) {
    reply(n);
    if (n % 40 == 0) {
      worker->deliver_due();  // fails: nobody listens
      clock.advance(3s);
    }
  }
  worker->deliver_due();
  clock.advance(30s);
  receiver->start();
  for (int i = 0; i < 200; ++i) {
    clock.advance(8s);
    drain();
    if (count("outbox WHERE channel = 'webhook' AND status IN ('pending', 'sending')") == 0) break;
  }

  const auto got = accepted();
  EXPECT_EQ(got.size(), 1000u);
  std::set<std::string> ids;
  std::map<std::int64_t, std::vector<nlohmann::json>> per_ticket;
  for (const auto& r : got) {
    EXPECT_TRUE(r["valid"].get<bool>());
    EXPECT_TRUE(ids.insert(r["delivery"].get<std::string>()).second) << "twice: " << r["delivery"];
    per_ticket[r["ticket_id"].get<std::int64_t>()].push_back(r["body"]);
  }
  ASSERT_EQ(per_ticket.size(), 5u);
  for (const auto& [ticket, bodies] : per_ticket) {
    ASSERT_EQ(bodies.size(), 200u) << ticket;
    EXPECT_EQ(bodies[0]["event"], "ticket_created");
    for (std::size_t i = 1; i < bodies.size(); ++i) {
      EXPECT_EQ(bodies[i]["data"]["text"], "Resposta " + std::to_string(i - 1)) << ticket;
      EXPECT_LT(bodies[i - 1]["id"].get<std::int64_t>(), bodies[i]["id"].get<std::int64_t>());
    }
  }
  const auto rows = deliveries_of(hook.id);
  EXPECT_EQ(rows.size(), 1000u);
  for (const auto& m : rows) EXPECT_EQ(m.status, "sent") << m.id;
}

TEST_P(WebhookDeliveryTest, A410GoneTurnsTheSubscriptionOffWithAVisibleReason) {
  const auto hook = subscribe({"ticket_created", "public_reply"});
  receiver->answer(410);
  Ticket t = register_sis(w.requester_seger);
  desk->work().reply(as(w.attendant), t.id, "Segue.");
  EXPECT_EQ(worker->deliver_due(), 1);
  const auto off = desk->webhooks().get(as(w.admin), hook.id);
  EXPECT_FALSE(off.active);
  EXPECT_EQ(off.disabled_reason.value_or(""),
            "O receptor respondeu 410 Gone em 02/03/2026 12:00 UTC.");
  auto rows = deliveries_of(hook.id);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].status, "failed");
  EXPECT_EQ(rows[0].response_code, 410);
  EXPECT_EQ(rows[1].status, "pending");
  // Its waiting deliveries stop, and new changes queue nothing for it.
  clock.advance(1h);
  EXPECT_EQ(worker->deliver_due(), 0);
  desk->work().reply(as(w.attendant), t.id, "Mais uma.");
  EXPECT_EQ(deliveries_of(hook.id).size(), 2u);
  EXPECT_EQ(receiver->received().size(), 1u);
  // Turned on again, what waited goes out (the 410 one stays failed until retried).
  receiver->answer(0);
  app::WebhookChange on;
  on.active = true;
  const auto back = desk->webhooks().update(as(w.admin), hook.id, on);
  EXPECT_TRUE(back.active);
  EXPECT_FALSE(back.disabled_reason);
  drain();
  EXPECT_EQ(deliveries_of(hook.id)[1].status, "sent");
  desk->webhooks().retry(as(w.admin), hook.id, rows[0].id);
  drain();
  EXPECT_EQ(deliveries_of(hook.id)[0].status, "sent");
  EXPECT_EQ(accepted().size(), 2u);
}

GUICHE_ON_BOTH_ENGINES(WebhookDeliveryTest);

// Real time from where the manual clock stands (deliveries are stamped with
// it; threaded workers must see them as due).
class RunningClock final : public Clock {
 public:
  explicit RunningClock(Instant start) : start_(start), origin_(std::chrono::steady_clock::now()) {}
  Instant now() const override {
    return start_ + std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - origin_);
  }

 private:
  Instant start_;
  std::chrono::steady_clock::time_point origin_;
};

// Two nodes (two connection pools) deliver from one PostgreSQL outbox: the
// claim skips rows the other holds and a ticket's next delivery while its
// earlier one is unsent, so each arrives once and in order.
class SharedWebhookOutboxTest : public WebhookDeliveryTest {};

TEST_P(SharedWebhookOutboxTest, TwoNodesDeliverEachOnceInOrderPerTicket) {
  subscribe({"ticket_created", "public_reply"});
  std::vector<Ticket> tickets;
  for (int i = 0; i < 4; ++i) tickets.push_back(register_sis(w.requester_seger));
  for (int n = 0; n < 4 * 50; ++n) {
    desk->work().reply(as(w.attendant), tickets[static_cast<std::size_t>(n % 4)].id,
                       "Resposta " + std::to_string(n / 4));
  }
  auto other_node = store::open_database(database->url(), database->data_dir());
  RunningClock running(clock.now());
  transports::WorkerConfig config;
  config.batch = 3;
  config.poll = 20ms;
  {
    transports::OutboxWorker first(
        database->db(), running,
        std::make_unique<transports::WebhookTransport>(database->db(), running), config);
    transports::OutboxWorker second(
        *other_node, running, std::make_unique<transports::WebhookTransport>(*other_node, running),
        config);
    for (int i = 0; i < 1200; ++i) {
      if (count("outbox WHERE channel = 'webhook' AND status <> 'sent'") == 0) break;
      std::this_thread::sleep_for(50ms);
    }
  }
  const auto got = accepted();
  EXPECT_EQ(got.size(), 204u);
  EXPECT_EQ(got.size(), receiver->received().size());  // no failed attempt either
  std::set<std::string> ids;
  std::map<std::int64_t, std::int64_t> last_id;
  for (const auto& r : got) {
    EXPECT_TRUE(ids.insert(r["delivery"].get<std::string>()).second) << "twice: " << r["delivery"];
    const auto ticket = r["ticket_id"].get<std::int64_t>();
    const auto id = r["body"]["id"].get<std::int64_t>();
    EXPECT_LT(last_id[ticket], id) << "out of order on ticket " << ticket;
    last_id[ticket] = id;
  }
}

INSTANTIATE_TEST_SUITE_P(Postgres, SharedWebhookOutboxTest,
                         ::testing::Values(::guiche::testing::Engine::postgres),
                         ::guiche::testing::engine_name);

}  // namespace
}  // namespace guiche::testing
