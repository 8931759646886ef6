// Delivery to a real SMTP server (aiosmtpd): what arrives, retries with
// backoff, an outage while 1,000 notices are produced, and two workers
// sharing one PostgreSQL outbox.
#include <gmock/gmock.h>

#include <set>
#include <thread>

#include "app/directory/directory.hpp"
#include "app/outbox/outbox_admin.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"
#include "support/smtp_sink.hpp"
#include "transports/email/delivery_worker.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

// Real time, starting where the test's manual clock stands (messages are
// stamped with the manual clock; the worker must see them as due).
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

class DeliveryTest : public DeskTest {
 protected:
  mail::DeliveryConfig config_for(int port) {
    mail::DeliveryConfig config;
    config.smtp.host = "127.0.0.1";
    config.smtp.port = port;
    config.smtp.tls = mail::SmtpConfig::Tls::none;
    config.smtp.timeout = 10s;
    config.from = {"Central de Serviços", "nao-responda@guiche.localhost"};
    config.poll = 20ms;
    config.backoff_base = 20ms;
    config.backoff_cap = 200ms;
    config.max_attempts = 1000;
    return config;
  }
  std::vector<store::OutboxMessage> all_messages() {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) {
      for (std::optional<std::int64_t> before;;) {
        auto page = store::list_messages(c, "", before, 200);
        if (page.empty()) break;
        before = page.back().id;
        out.insert(out.end(), page.begin(), page.end());
      }
    });
    return out;
  }
  // Waits until no message is pending or sending (or the deadline passes).
  bool wait_until_delivered(std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      bool busy = false;
      database->db().read([&](store::Connection& c) {
        busy = !store::list_messages(c, "pending", {}, 1).empty() ||
               !store::list_messages(c, "sending", {}, 1).empty();
      });
      if (!busy) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  SmtpSink sink = shared_sink();
};

TEST_P(DeliveryTest, NoticesArriveAsMultipartWithTheirMessageId) {
  ASSERT_NE(sink.port, 0);
  Ticket t = register_sis(w.requester_seger, "Acesso à folha de março");
  RunningClock running(clock.now());
  mail::DeliveryWorker worker(database->db(), running, config_for(sink.port), false);
  EXPECT_GE(worker.deliver_due(), 1);
  auto messages = all_messages();
  const auto& m = messages.front();
  ASSERT_EQ(m.ticket_id, t.id);
  EXPECT_EQ(m.status, "sent");
  EXPECT_EQ(m.attempts, 1);
  EXPECT_TRUE(m.sent_at.has_value());
  const std::string received = received_message(sink.maildir, m.message_id);
  ASSERT_FALSE(received.empty());
  EXPECT_THAT(received, HasSubstr("X-RcptTo: maria@seger.es.gov.br"));
  EXPECT_THAT(received, HasSubstr("X-MailFrom: nao-responda@guiche.localhost"));
  EXPECT_THAT(received, HasSubstr("multipart/alternative"));
  EXPECT_THAT(received, HasSubstr("Subject: =?UTF-8?B?"));
  EXPECT_THAT(received, HasSubstr("protocolo 2026-000001"));
}

TEST_P(DeliveryTest, AnInitialPasswordLeavesByMailAndIsNotKeptInTheOutbox) {
  ASSERT_NE(sink.port, 0);
  Person p;
  p.name = "Nádia Nova";
  p.login = "nadia";
  p.emails = {"nadia@sedu.es.gov.br"};
  p.roles = {{Role::requester, std::nullopt}};
  desk->directory().create_person(as(w.admin), {p, std::string("senha-inicial-123")});
  RunningClock running(clock.now());
  mail::DeliveryWorker worker(database->db(), running, config_for(sink.port), false);
  EXPECT_GE(worker.deliver_due(), 1);
  for (const auto& m : all_messages()) {
    if (m.template_key != "first_access") continue;
    EXPECT_EQ(m.status, "sent");
    EXPECT_THAT(received_message(sink.maildir, m.message_id), HasSubstr("senha-inicial-123"));
    EXPECT_EQ(m.text_body, store::kSentCredentialsNote);
    EXPECT_EQ(m.html_body, "");
    return;
  }
  FAIL() << "no first-access message";
}

TEST_P(DeliveryTest, FailuresBackOffThenFailAndAnAdminRetries) {
  ASSERT_NE(sink.port, 0);
  Ticket t = register_sis(w.requester_seger);
  ManualClock worker_clock(clock.now());
  auto config = config_for(sink.port + 7);  // nobody listens there
  config.smtp.user = "guiche";
  config.smtp.password = "segredo-do-smtp";
  config.backoff_base = 1000ms;
  config.backoff_cap = 3000ms;
  config.max_attempts = 4;
  EXPECT_EQ(mail::backoff_delay(config, 1), 1000ms);
  EXPECT_EQ(mail::backoff_delay(config, 2), 2000ms);
  EXPECT_EQ(mail::backoff_delay(config, 3), 3000ms);
  EXPECT_EQ(mail::backoff_delay(config, 30), 3000ms);
  mail::DeliveryWorker down(database->db(), worker_clock, config, false);
  EXPECT_EQ(down.deliver_due(), 1);
  auto m = all_messages().front();
  EXPECT_EQ(m.status, "pending");
  EXPECT_EQ(m.attempts, 1);
  EXPECT_EQ(m.next_attempt_at, worker_clock.now() + 1000ms);
  ASSERT_TRUE(m.last_error);
  EXPECT_THAT(*m.last_error, ::testing::Not(HasSubstr("segredo")));
  EXPECT_EQ(down.deliver_due(), 0);  // not due yet
  for (auto wait : {1000ms, 2000ms, 3000ms}) {
    worker_clock.advance(wait);
    EXPECT_EQ(down.deliver_due(), 1);
  }
  m = all_messages().front();
  EXPECT_EQ(m.status, "failed");
  EXPECT_EQ(m.attempts, 4);
  worker_clock.advance(1h);
  EXPECT_EQ(down.deliver_due(), 0);  // given up

  // Only admins retry; a sent message is not sent again.
  EXPECT_THROW(desk->outbox().retry_outbox(as(w.analyst_sis), m.id), DomainError);
  auto retried = desk->outbox().retry_outbox(as(w.admin), m.id);
  EXPECT_EQ(retried.status, "pending");
  EXPECT_EQ(retried.attempts, 0);
  RunningClock running(clock.now());
  mail::DeliveryWorker up(database->db(), running, config_for(sink.port), false);
  EXPECT_EQ(up.deliver_due(), 1);
  EXPECT_EQ(all_messages().front().status, "sent");
  EXPECT_THROW(desk->outbox().retry_outbox(as(w.admin), m.id), DomainError);
  EXPECT_EQ(desk->outbox().outbox(as(w.admin), "sent", {}, 50).size(), 1u);
  EXPECT_THROW(desk->outbox().outbox(as(w.admin), "lost", {}, 50), DomainError);
  EXPECT_EQ(received_message_ids(sink.maildir)[m.message_id], 1);
  (void)t;
}

// Nothing is lost (docs/domain.md, "The outbox"): the SMTP server is stopped
// while 1,000 notifications are produced, then started; every message arrives
// exactly once.
TEST_P(DeliveryTest, OutageOfTheMailServerDelaysButNeverLosesOrDuplicates) {
  ASSERT_NE(sink.port, 0);
  // A sink of this test's own, so stopping it disturbs nobody else.
  const int port = sink.port + 1 + (GetParam() == Engine::postgres ? 1 : 0);
  const std::string maildir = run_sink_script(sink, port, "start");
  run_sink_script(sink, port, "stop");
  std::vector<Ticket> tickets;
  for (int i = 0; i < 10; ++i) {
    Ticket t = register_sis(w.requester_seger, "Chamado " + std::to_string(i));
    tickets.push_back(desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id));
  }
  RunningClock running(clock.now());
  mail::DeliveryWorker worker(database->db(), running, config_for(port));
  const auto sofia = as(w.analyst_sis);
  for (int i = 0; i < 990; ++i) {
    desk->work().reply(sofia, tickets[i % 10].id,
                       "Atualização " + std::to_string(i) + " do atendimento.");
  }
  auto messages = all_messages();
  ASSERT_EQ(messages.size(), 1000u);
  std::this_thread::sleep_for(500ms);  // the worker keeps failing meanwhile
  int attempted = 0;
  for (const auto& m : all_messages()) {
    EXPECT_NE(m.status, "sent");
    attempted += m.attempts > 0;
  }
  EXPECT_GT(attempted, 0);
  run_sink_script(sink, port, "start");
  ASSERT_TRUE(wait_until_delivered(180s));
  auto received = received_message_ids(maildir);
  run_sink_script(sink, port, "stop");
  for (const auto& m : all_messages()) {
    EXPECT_EQ(m.status, "sent") << m.id;
    EXPECT_EQ(received[m.message_id], 1) << m.message_id;
  }
}

GUICHE_ON_BOTH_ENGINES(DeliveryTest);

// Two nodes (two connection pools) deliver from one PostgreSQL outbox.
class SharedOutboxTest : public DeliveryTest {};

TEST_P(SharedOutboxTest, TwoWorkersNeverSendAMessageTwice) {
  ASSERT_NE(sink.port, 0);
  database->db().write([&](store::Connection& c) {
    for (int i = 0; i < 400; ++i) {
      store::OutboxMessage m;
      m.template_key = "agent_reply";
      m.recipient_name = "Maria";
      m.recipient_address = "maria@seger.es.gov.br";
      m.subject = "[SA 2026-000001] Mensagem " + std::to_string(i);
      m.text_body = "Texto " + std::to_string(i);
      m.next_attempt_at = clock.now();
      m.created_at = clock.now();
      store::enqueue_message(c, m, "guiche.localhost");
    }
  });
  auto other_node = store::open_database(database->url(), database->data_dir());
  RunningClock running(clock.now());
  auto config = config_for(sink.port);
  config.batch = 5;
  {
    mail::DeliveryWorker first(database->db(), running, config);
    mail::DeliveryWorker second(*other_node, running, config);
    ASSERT_TRUE(wait_until_delivered(120s));
  }
  auto received = received_message_ids(sink.maildir);
  for (const auto& m : all_messages()) {
    EXPECT_EQ(m.status, "sent");
    EXPECT_EQ(m.attempts, 1);
    EXPECT_EQ(received[m.message_id], 1) << m.message_id;
  }
}

INSTANTIATE_TEST_SUITE_P(Postgres, SharedOutboxTest,
                         ::testing::Values(::guiche::testing::Engine::postgres),
                         ::guiche::testing::engine_name);

}  // namespace
}  // namespace guiche::testing
