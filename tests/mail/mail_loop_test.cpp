// The mail loop test: our notice goes out through a real SMTP sink, an
// auto-responder answers every message that lands there by feeding its answer
// back through the intake, and nothing more goes out, round after round: no
// new ticket, no reply storm. Once with a well-behaved responder (RFC 3834
// headers) and once with a broken one that looks like a person replying.
#include <gmock/gmock.h>

#include <set>

#include "app/mail_intake/mail_intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"
#include "support/raw_mail.hpp"
#include "support/smtp_sink.hpp"
#include "transports/email/delivery_worker.hpp"

namespace guiche::testing {
namespace {

using namespace std::chrono_literals;

std::string header_of(const std::string& message, const std::string& name) {
  const auto at = message.find("\n" + name + ": ");
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 3;
  return message.substr(start, message.find_first_of("\r\n", start) - start);
}

class MailLoopTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    sink = shared_sink();
    ASSERT_NE(sink.port, 0);
    mail::DeliveryConfig config;
    config.smtp.host = "127.0.0.1";
    config.smtp.port = sink.port;
    config.smtp.tls = mail::SmtpConfig::Tls::none;
    worker = std::make_unique<mail::DeliveryWorker>(database->db(), clock, config, false);
  }
  void TearDown() override {
    worker.reset();
    DeskTest::TearDown();
  }

  // Our messages that reached the sink and have not been answered yet.
  std::vector<std::string> unanswered() {
    std::vector<std::string> ids;
    database->db().read([&](store::Connection& c) {
      for (const auto& r : c.query("SELECT message_id FROM outbox WHERE status = 'sent'"))
        ids.push_back(r.text(0));
    });
    const auto received = received_message_ids(sink.maildir);
    std::vector<std::string> out;
    for (const auto& id : ids) {
      if (received.count(id) && !answered.count(id)) out.push_back(id);
    }
    return out;
  }

  // The auto-responder: one answer per message, back through the intake.
  int answer_everything(bool rfc3834) {
    int answers = 0;
    for (const auto& id : unanswered()) {
      const std::string original = received_message(sink.maildir, id);
      RawMail reply;
      reply.from = header_of(original, "X-RcptTo");
      reply.subject = "Resposta automática: " + header_of(original, "Subject");
      reply.message_id = "<ferias-" + std::to_string(answered.size()) + "-" + id.substr(1);
      reply.headers = {{"In-Reply-To", id}, {"References", id}};
      if (rfc3834) reply.headers.emplace_back("Auto-Submitted", "auto-replied");
      reply.body = "Estou de férias até o dia 20. Sua mensagem será lida na volta.";
      const auto r = desk->mail().receive_mail(as(w.attendant), reply.str(), "mailgate");
      outcomes.push_back(r.outcome);
      answered.insert(id);
      ++answers;
    }
    return answers;
  }

  // Delivers, answers, delivers, ... `rounds` times; returns how many went out.
  int run_loop(bool rfc3834, int rounds) {
    int sent = 0;
    for (int i = 0; i < rounds; ++i) {
      sent += worker->deliver_due();
      answer_everything(rfc3834);
    }
    return sent;
  }

  SmtpSink sink;
  std::unique_ptr<mail::DeliveryWorker> worker;
  std::set<std::string> answered;
  std::vector<std::string> outcomes;
};

TEST_P(MailLoopTest, AnRfc3834AutoResponderGetsOneNoticeAndNothingMore) {
  RawMail request;
  request.from = "maria@seger.es.gov.br";
  const auto r = desk->mail().receive_mail(as(w.attendant), request.str(), "mailgate");
  ASSERT_EQ(r.outcome, "ticket_created");
  const auto events = desk->tickets().history(as(w.admin), *r.ticket_id).size();
  EXPECT_EQ(run_loop(true, 5), 1) << "only the registration notice goes out";
  EXPECT_EQ(outcomes, std::vector<std::string>{"ignored_automatic"});
  EXPECT_EQ(count("tickets"), 1);
  EXPECT_EQ(count("outbox"), 1);
  EXPECT_EQ(desk->tickets().history(as(w.admin), *r.ticket_id).size(), events);
}

TEST_P(MailLoopTest, ABrokenAutoResponderOnlyAddsItsAnswerToTheTicket) {
  // Without Auto-Submitted its answer looks like the requester's reply: it
  // joins the ticket (threaded by In-Reply-To), and a requester's reply
  // notifies nobody, so nothing goes out again.
  RawMail request;
  request.from = "maria@seger.es.gov.br";
  const auto r = desk->mail().receive_mail(as(w.attendant), request.str(), "mailgate");
  ASSERT_EQ(r.outcome, "ticket_created");
  EXPECT_EQ(run_loop(false, 5), 1);
  EXPECT_EQ(outcomes, std::vector<std::string>{"joined"});
  EXPECT_EQ(count("tickets"), 1);
  EXPECT_EQ(count("outbox"), 1);
}

TEST_P(MailLoopTest, AnAgentsReplyReachesTheResponderWhoseAnswerEndsThere) {
  RawMail request;
  request.from = "maria@seger.es.gov.br";
  const auto r = desk->mail().receive_mail(as(w.attendant), request.str(), "mailgate");
  ASSERT_EQ(r.outcome, "ticket_created");
  EXPECT_EQ(run_loop(true, 2), 1);
  desk->work().route(as(w.attendant), *r.ticket_id, w.sgsis.id, w.analyst_sis.id);
  desk->work().reply(as(w.analyst_sis), *r.ticket_id, "Pode nos enviar a sua matrícula?", true);
  EXPECT_EQ(run_loop(true, 5), 1) << "the agent's question, once";
  EXPECT_EQ(outcomes, (std::vector<std::string>{"ignored_automatic", "ignored_automatic"}));
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), *r.ticket_id).status, Status::pending_requester)
      << "an auto-reply is no answer: the clock stays paused";
  EXPECT_EQ(count("outbox"), 2);
}

GUICHE_ON_BOTH_ENGINES(MailLoopTest);

}  // namespace
}  // namespace guiche::testing
