// The mail intake on both engines: new requests by the sender's address
// (the client check, docs/domain.md "Mail intake"), threading by subject protocol and by our own
// Message-IDs, replies to resolved and closed tickets, dedup, automatic
// messages, and who may write into a ticket by e-mail.
#include <gmock/gmock.h>

#include "app/attachments/attachments.hpp"
#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/tickets/ticket_merge.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"
#include "support/raw_mail.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class MailIntakeTest : public DeskTest {
 protected:
  app::MailReceipt deliver(const RawMail& m) {
    return desk->mail().receive_mail(as(w.attendant), m.str(), "mailgate");
  }
  std::vector<store::OutboxMessage> outbox_of(std::int64_t ticket_id) {
    std::vector<store::OutboxMessage> out;
    database->db().read(
        [&](store::Connection& c) { out = store::messages_of_ticket(c, ticket_id); });
    return out;
  }
  std::int64_t notices_to(const std::string& address) {
    std::int64_t n = 0;
    database->db().read([&](store::Connection& c) {
      n = c.query_one("SELECT count(*) FROM outbox WHERE recipient_address = ?", {address})
              ->integer(0);
    });
    return n;
  }
  std::string our_message_id(std::int64_t ticket_id) {
    return outbox_of(ticket_id).front().message_id;
  }
  std::vector<TicketEvent> events_of(std::int64_t ticket_id) {
    return desk->tickets().history(as(w.admin), ticket_id);
  }
  // A ticket of Maria's being worked at SGSIS.
  Ticket working_ticket() {
    Ticket t = register_sis(w.requester_seger);
    desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
    return desk->work().change_status(as(w.analyst_sis), t.id, Status::in_progress);
  }
  Ticket resolved_ticket() {
    Ticket t = working_ticket();
    return desk->work().resolve(as(w.analyst_sis), t.id, "Senha redefinida.", 15);
  }
};

TEST_P(MailIntakeTest, AnAuthorizedRequesterOpensARequestAtTheCentral) {
  RawMail m;
  m.message_id = "<novo-1@seger.es.gov.br>";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "ticket_created") << r.detail;
  const Ticket t = desk->tickets().ticket(as(w.admin), *r.ticket_id);
  EXPECT_EQ(t.requester_id, w.requester_seger.id);
  EXPECT_EQ(t.channel, Channel::email);
  EXPECT_EQ(t.unit_id, w.central.id);
  EXPECT_TRUE(t.audience_admitted);
  EXPECT_EQ(t.subject, "Sem acesso ao SIGEFES");
  EXPECT_THAT(t.description, HasSubstr("Não consigo entrar no SIGEFES"));
  EXPECT_EQ(r.protocol, t.protocol);
  // The registration notice with the protocol, as for the portal.
  auto notices = outbox_of(t.id);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].template_key, "registration");
  EXPECT_EQ(notices[0].recipient_address, "maria@seger.es.gov.br");
}

TEST_P(MailIntakeTest, AnUnknownSenderIsRegisteredAndGoesToClientRelations) {
  RawMail m;
  m.from = "Fulano de Tal <Fulano@Example.org>";
  m.message_id = "<desconhecido-1@example.org>";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "ticket_created") << r.detail;
  const Ticket t = desk->tickets().ticket(as(w.admin), *r.ticket_id);
  EXPECT_EQ(t.unit_id, w.relations.id);
  EXPECT_FALSE(t.audience_admitted);
  const Person p = desk->directory().person(as(w.admin), t.requester_id);
  EXPECT_EQ(p.name, "Fulano de Tal");
  EXPECT_EQ(p.emails, std::vector<std::string>{"fulano@example.org"});
  EXPECT_FALSE(p.organization_id);
  EXPECT_THAT(r.detail, HasSubstr("relacionamento com clientes"));
}

TEST_P(MailIntakeTest, ANonClientOrganizationGoesToClientRelations) {
  RawMail m;
  m.from = "vera@viana.es.gov.br";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "ticket_created");
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), *r.ticket_id).unit_id, w.relations.id);
}

TEST_P(MailIntakeTest, JoinsATicketByTheProtocolInTheSubjectWithOrWithoutBrackets) {
  Ticket t = working_ticket();
  RawMail m;
  m.subject = "RE: [SA " + t.protocol + "] Acesso ao SIGEFES";
  m.body =
      "Segue a matrícula pedida: 123456.\n\nEm 02/03/2026, Central escreveu:\n> Qual a matrícula?";
  auto r = deliver(m);
  ASSERT_EQ(r.outcome, "joined") << r.detail;
  EXPECT_EQ(r.ticket_id, t.id);
  auto events = events_of(t.id);
  ASSERT_EQ(events.back().kind, EventKind::public_reply);
  EXPECT_EQ(events.back().channel, Channel::email);
  EXPECT_EQ(events.back().actor_id, w.requester_seger.id);
  EXPECT_FALSE(events.back().data.value("from_agent", true));
  EXPECT_THAT(events.back().data.value("text", ""), HasSubstr("123456"));

  m.subject = "Enc: sa " + t.protocol + " ainda sem acesso";
  m.body = "Continua sem funcionar.";
  r = deliver(m);
  EXPECT_EQ(r.outcome, "joined") << r.detail;
  EXPECT_EQ(r.ticket_id, t.id);
  EXPECT_EQ(count("tickets"), 1);
}

TEST_P(MailIntakeTest, JoinsATicketByInReplyToOneOfOurNotices) {
  Ticket t = working_ticket();
  RawMail m;
  m.subject = "Re: sua solicitação";  // no protocol: the header alone threads it
  m.headers = {{"In-Reply-To", our_message_id(t.id)}};
  m.body = "Obrigada, aguardo.";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "joined") << r.detail;
  EXPECT_EQ(r.ticket_id, t.id);

  RawMail again;
  again.subject = "Outra coisa";
  again.headers = {{"References", "<alheia@example.org> " + our_message_id(t.id)}};
  EXPECT_EQ(deliver(again).ticket_id, t.id);
  EXPECT_EQ(count("tickets"), 1);
}

TEST_P(MailIntakeTest, AnswerToAnInformationRequestResumesTheClock) {
  Ticket t = working_ticket();
  desk->work().reply(as(w.analyst_sis), t.id, "Qual a sua matrícula?", true);
  RawMail m;
  m.subject = "Re: [SA " + t.protocol + "]";
  m.body = "Matrícula 123456.";
  ASSERT_EQ(deliver(m).outcome, "joined");
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), t.id).status, Status::in_progress);
}

TEST_P(MailIntakeTest, FilesComeWithTheMessage) {
  RawMail m;
  m.attachment_name = "erro.txt";
  m.attachment_text = "Erro 500 ao entrar.";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "ticket_created");
  auto files = desk->attachments().attachments(as(w.requester_seger), *r.ticket_id);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].filename, "erro.txt");
  EXPECT_EQ(desk->attachments()
                .read_attachment(as(w.requester_seger), files[0].id)
                .bytes.rfind("Erro 500", 0),
            0u);
}

TEST_P(MailIntakeTest, AReplyToAResolvedTicketAsksToReopenIt) {
  Ticket t = resolved_ticket();
  RawMail m;
  m.subject = "Re: [SA " + t.protocol + "] resolvida";
  m.body = "Continua sem funcionar.";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "reopen_requested") << r.detail;
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), t.id).status, Status::reopened);
  EXPECT_EQ(count("tickets"), 1);
}

TEST_P(MailIntakeTest, AReplyToAClosedTicketOpensANewLinkedOne) {
  Ticket t = resolved_ticket();
  clock.advance(std::chrono::days(8));
  ASSERT_EQ(desk->work().close_expired_resolutions(), 1);
  RawMail m;
  m.subject = "Re: [SA " + t.protocol + "] encerrada";
  m.body = "Voltou a falhar.";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "ticket_created") << r.detail;
  ASSERT_NE(r.ticket_id, t.id);
  const Ticket fresh = desk->tickets().ticket(as(w.admin), *r.ticket_id);
  ASSERT_EQ(fresh.links.size(), 1u);
  EXPECT_EQ(fresh.links[0].other_ticket_id, t.id);
  const Ticket old = desk->tickets().ticket(as(w.admin), t.id);
  EXPECT_EQ(old.status, Status::closed);
  ASSERT_EQ(old.links.size(), 1u);
  EXPECT_EQ(old.links[0].other_ticket_id, fresh.id);
  EXPECT_THAT(fresh.description, HasSubstr(t.protocol));
  // A second delivery of that reply is no second ticket.
  EXPECT_EQ(count("tickets"), 2);
}

TEST_P(MailIntakeTest, AReplyToAMergedDuplicateReachesTheTicketItWasMergedInto) {
  const Ticket survivor = working_ticket();
  Ticket duplicate = register_sis(w.requester_seger, "Também sem acesso");
  desk->merges().merge(as(w.attendant), survivor.id, {duplicate.id});
  RawMail m;
  m.subject = "Re: [SA " + duplicate.protocol + "] unida";
  m.body = "Ainda sem acesso hoje de manhã.";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "joined") << r.detail;
  EXPECT_EQ(r.ticket_id, survivor.id);
  const auto last = events_of(survivor.id).back();
  EXPECT_EQ(last.kind, EventKind::internal_note);
  EXPECT_FALSE(last.is_public);
  EXPECT_THAT(last.data.value("text", ""), HasSubstr("Ainda sem acesso hoje de manhã."));
  EXPECT_THAT(last.data.value("text", ""), HasSubstr(duplicate.protocol));
  EXPECT_EQ(count("tickets"), 2);  // no new request
  // Once the surviving ticket is resolved, a reply opens a new linked request as before.
  desk->work().resolve(as(w.analyst_sis), survivor.id, "Acesso liberado.", 10);
  m.message_id = "<outra-resposta@exemplo.com.br>";
  EXPECT_EQ(deliver(m).outcome, "ticket_created");
}

TEST_P(MailIntakeTest, TheSameMessageIdIsProcessedOnce) {
  RawMail m;
  m.message_id = "<uma-vez@seger.es.gov.br>";
  const auto first = deliver(m);
  const auto second = deliver(m);
  EXPECT_EQ(first.outcome, "ticket_created");
  EXPECT_EQ(second.outcome, "duplicate");
  EXPECT_EQ(second.ticket_id, first.ticket_id);
  EXPECT_EQ(second.protocol, first.protocol);
  EXPECT_EQ(count("tickets"), 1);
  EXPECT_EQ(count("outbox"), 1);
  EXPECT_EQ(count("inbound_messages"), 1);
}

TEST_P(MailIntakeTest, AMessageWithoutMessageIdIsKnownByItsBytes) {
  RawMail m;  // no Message-ID
  EXPECT_EQ(deliver(m).outcome, "ticket_created");
  EXPECT_EQ(deliver(m).outcome, "duplicate");
  m.body += " (de novo, com outro texto)";
  EXPECT_EQ(deliver(m).outcome, "ticket_created");
  EXPECT_EQ(count("tickets"), 2);
}

TEST_P(MailIntakeTest, AutomaticMessagesNeverCreateTicketsNorNotices) {
  Ticket t = working_ticket();
  const auto notices_before = count("outbox");
  const auto events_before = events_of(t.id).size();
  std::vector<RawMail> robots(6);
  robots[0].headers = {{"Auto-Submitted", "auto-replied"}};
  robots[1].headers = {{"Precedence", "bulk"}};
  robots[2].headers = {{"Precedence", "list"}, {"List-Id", "<avisos.example.org>"}};
  robots[3].headers = {{"X-Autoreply", "yes"}};
  robots[4].headers = {{"Return-Path", "<>"}};
  robots[5].from = "MAILER-DAEMON@seger.es.gov.br";
  for (std::size_t i = 0; i < robots.size(); ++i) {
    robots[i].subject = "Resposta automática: [SA " + t.protocol + "] " + std::to_string(i);
    robots[i].message_id = "<robo-" + std::to_string(i) + "@seger.es.gov.br>";
    const auto r = deliver(robots[i]);
    EXPECT_EQ(r.outcome, "ignored_automatic") << i << ": " << r.detail;
    EXPECT_FALSE(r.ticket_id);
  }
  RawMail own;
  own.from = "nao-responda@guiche.localhost";
  EXPECT_EQ(deliver(own).outcome, "ignored_automatic");
  EXPECT_EQ(count("tickets"), 1);
  EXPECT_EQ(count("outbox"), notices_before);
  EXPECT_EQ(events_of(t.id).size(), events_before);
  EXPECT_EQ(count("inbound_messages"), 7);
}

TEST_P(MailIntakeTest, AnotherOrganizationCannotWriteIntoATicketByQuotingItsProtocol) {
  Ticket t = working_ticket();  // SEGER's
  const auto events_before = events_of(t.id).size();
  RawMail m;
  m.from = "paulo@saude.es.gov.br";  // SESA
  m.subject = "[SA " + t.protocol + "] complemento";
  const auto r = deliver(m);
  EXPECT_EQ(r.outcome, "quarantined");
  EXPECT_FALSE(r.ticket_id);
  EXPECT_THAT(r.detail, HasSubstr("não é o solicitante"));
  EXPECT_EQ(events_of(t.id).size(), events_before);
  EXPECT_EQ(desk->mail().mail_quarantine(as(w.attendant), "pending", std::nullopt, 50).size(), 1u);
}

TEST_P(MailIntakeTest, StaffWritingIntoATicketLeaveAnInternalNote) {
  Ticket t = working_ticket();
  RawMail m;
  m.from = "sofia@prodest.es.gov.br";
  m.subject = "Re: [SA " + t.protocol + "]";
  m.body = "Verifiquei o LDAP.";
  ASSERT_EQ(deliver(m).outcome, "joined");
  auto events = events_of(t.id);
  EXPECT_EQ(events.back().kind, EventKind::internal_note);
  EXPECT_FALSE(events.back().is_public);
  EXPECT_TRUE(outbox_of(t.id).size() == 1u) << "nothing goes to the requester";
}

TEST_P(MailIntakeTest, OnlyTheCentralsGatewayAccountDeliversMail) {
  RawMail m;
  EXPECT_EQ(outcome([&] { desk->mail().receive_mail(as(w.requester_seger), m.str(), "mailgate"); }),
            "forbidden");
  EXPECT_EQ(outcome([&] { desk->mail().receive_mail(as(w.attendant), "", "mailgate"); }),
            "validation");
  EXPECT_EQ(count("inbound_messages"), 0);
}

TEST_P(MailIntakeTest, TheLoopGuardCapsNoticesToOneAddressPerHour) {
  for (int i = 0; i < 8; ++i) {
    RawMail m;
    m.from = "robo-sem-cabecalhos@example.org";
    m.subject = "Mensagem " + std::to_string(i);
    m.message_id = "<laco-" + std::to_string(i) + "@example.org>";
    ASSERT_EQ(deliver(m).outcome, "ticket_created");
  }
  EXPECT_EQ(notices_to("robo-sem-cabecalhos@example.org"), 5);
  clock.advance(std::chrono::minutes(61));
  RawMail later;
  later.from = "robo-sem-cabecalhos@example.org";
  later.message_id = "<laco-depois@example.org>";
  deliver(later);
  EXPECT_EQ(notices_to("robo-sem-cabecalhos@example.org"), 6);
}

GUICHE_ON_BOTH_ENGINES(MailIntakeTest);

// The other setting for replies to resolved tickets.
class MailIntakeLinkedTest : public MailIntakeTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = MailIntakeTest::desk_config();
    config.mail_reply_to_closed = app::ReplyToClosed::new_linked_ticket;
    return config;
  }
};

TEST_P(MailIntakeLinkedTest, AReplyToAResolvedTicketOpensANewLinkedOne) {
  Ticket t = resolved_ticket();
  RawMail m;
  m.subject = "Re: [SA " + t.protocol + "]";
  const auto r = deliver(m);
  ASSERT_EQ(r.outcome, "ticket_created") << r.detail;
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), t.id).status, Status::resolved);
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), *r.ticket_id).links.at(0).other_ticket_id, t.id);
}

GUICHE_ON_BOTH_ENGINES(MailIntakeLinkedTest);

}  // namespace
}  // namespace guiche::testing
