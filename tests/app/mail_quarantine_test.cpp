// The mail quarantine on both engines: an unreadable message is kept whole;
// attendants (not only admins) list it, download it, retry it and turn it
// into a ticket; everyone else is refused.
#include <gmock/gmock.h>

#include "app/attachments/attachments.hpp"
#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "support/desk_world.hpp"
#include "support/raw_mail.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

// Bytes with no header a mail parser could recognize.
const std::string kGarbage = std::string("\x01\x02 isto nao e um e-mail\r\n\r\nsem cabecalhos\r\n");

class MailQuarantineTest : public DeskTest {
 protected:
  app::MailReceipt deliver(const std::string& raw) {
    return desk->mail().receive_mail(as(w.attendant), raw, "mailgate");
  }
};

TEST_P(MailQuarantineTest, AnUnreadableMessageIsKeptWholeForAttendants) {
  const auto r = deliver(kGarbage);
  ASSERT_EQ(r.outcome, "quarantined") << r.detail;
  EXPECT_THAT(r.detail, HasSubstr("ilegível"));
  EXPECT_EQ(count("tickets"), 0);
  for (const Person* who : {&w.attendant, &w.relations_agent, &w.admin}) {
    auto list = desk->mail().mail_quarantine(as(*who), "pending", std::nullopt, 50);
    ASSERT_EQ(list.size(), 1u) << who->name;
    EXPECT_EQ(list[0].message.id, r.inbound_id);
    EXPECT_EQ(list[0].state, "pending");
    EXPECT_EQ(list[0].attempts, 1);
    EXPECT_EQ(desk->mail().quarantined_raw(as(*who), r.inbound_id), kGarbage);
  }
  EXPECT_EQ(desk->mail().quarantined_text(as(w.attendant), r.inbound_id), "");  // nothing readable
  for (const Person* who : {&w.attendant, &w.relations_agent, &w.admin}) {
    EXPECT_TRUE(desk->mail().may_work_mail_quarantine(as(*who))) << who->name;
  }
  for (const Person* who : {&w.requester_seger, &w.analyst_sis, &w.manager_gesin}) {
    EXPECT_FALSE(desk->mail().may_work_mail_quarantine(as(*who))) << who->name;
    EXPECT_EQ(outcome([&] { desk->mail().quarantined_text(as(*who), r.inbound_id); }), "forbidden");
    EXPECT_EQ(outcome([&] { desk->mail().mail_quarantine(as(*who), "", std::nullopt, 50); }),
              "forbidden");
    EXPECT_EQ(outcome([&] { desk->mail().quarantined_raw(as(*who), r.inbound_id); }), "forbidden");
    EXPECT_EQ(outcome([&] { desk->mail().retry_quarantined(as(*who), r.inbound_id); }),
              "forbidden");
  }
  // The same bytes again are the same message.
  EXPECT_EQ(deliver(kGarbage).outcome, "duplicate");
}

TEST_P(MailQuarantineTest, RetryingCountsAttemptsAndResolvesOnceTheMessageIsHandled) {
  // Paulo (SESA) writes about SEGER's ticket: quarantined, and again on a
  // retry, until he is someone who works the ticket.
  Ticket t = register_sis(w.requester_seger);
  RawMail m;
  m.from = "paulo@saude.es.gov.br";
  m.subject = "[SA " + t.protocol + "]";
  m.message_id = "<paulo-1@saude.es.gov.br>";
  m.body = "<b>Bom</b> dia,\n\nSou da SESA.";
  const auto first = deliver(m.str());
  ASSERT_EQ(first.outcome, "quarantined");
  // The entry names the ticket the message is about, for whoever works it,
  // and its text is there to read (as sent: the pages escape it).
  EXPECT_FALSE(first.ticket_id);             // the receipt: it did not reach the ticket
  EXPECT_FALSE(deliver(m.str()).ticket_id);  // nor does the duplicate's
  EXPECT_THAT(desk->mail().quarantined_text(as(w.attendant), first.inbound_id),
              HasSubstr("<b>Bom</b> dia,\n\nSou da SESA."));
  EXPECT_EQ(desk->mail().quarantined_mail(as(w.attendant), first.inbound_id).message.ticket_id,
            t.id);
  auto again = desk->mail().retry_quarantined(as(w.attendant), first.inbound_id);
  EXPECT_EQ(again.outcome, "quarantined");
  EXPECT_EQ(desk->mail().quarantined_mail(as(w.attendant), first.inbound_id).attempts, 2);

  // Paulo is given a role that lets him work the ticket: the retry now joins it.
  Person paulo = desk->directory().person(as(w.admin), w.requester_sesa.id);
  paulo.roles.push_back({Role::attendant, w.central.id});
  desk->directory().update_person(as(w.admin), paulo);
  again = desk->mail().retry_quarantined(as(w.relations_agent), first.inbound_id);
  EXPECT_EQ(again.outcome, "joined") << again.detail;
  EXPECT_EQ(again.ticket_id, t.id);
  const auto entry = desk->mail().quarantined_mail(as(w.attendant), first.inbound_id);
  EXPECT_EQ(entry.state, "resolved");
  EXPECT_EQ(entry.resolved_by, w.relations_agent.id);
  EXPECT_EQ(entry.message.outcome, "joined");
  EXPECT_TRUE(desk->mail().mail_quarantine(as(w.attendant), "pending", std::nullopt, 50).empty());
  EXPECT_EQ(outcome([&] { desk->mail().retry_quarantined(as(w.attendant), first.inbound_id); }),
            "conflict");
}

TEST_P(MailQuarantineTest, AnAttendantTurnsAQuarantinedMessageIntoATicket) {
  const auto r = deliver(kGarbage);
  Ticket t = desk->mail().ticket_from_quarantine(as(w.attendant), r.inbound_id,
                                                 w.requester_seger.id, "SUP-TEC");
  EXPECT_EQ(t.requester_id, w.requester_seger.id);
  EXPECT_EQ(t.channel, Channel::email);
  EXPECT_EQ(t.unit_id, w.central.id);
  auto files = desk->attachments().attachments(as(w.attendant), t.id);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].filename, "mensagem-original.eml");
  EXPECT_FALSE(files[0].is_public);
  EXPECT_EQ(desk->attachments().read_attachment(as(w.attendant), files[0].id).bytes, kGarbage);
  EXPECT_TRUE(desk->attachments().attachments(as(w.requester_seger), t.id).empty());
  const auto entry = desk->mail().quarantined_mail(as(w.admin), r.inbound_id);
  EXPECT_EQ(entry.state, "resolved");
  EXPECT_EQ(entry.message.ticket_id, t.id);
  // Once only; and bad choices change nothing.
  EXPECT_EQ(outcome([&] {
              desk->mail().ticket_from_quarantine(as(w.attendant), r.inbound_id,
                                                  w.requester_seger.id, "SUP-TEC");
            }),
            "conflict");
  const auto other = deliver(kGarbage + "outro");
  EXPECT_EQ(outcome([&] {
              desk->mail().ticket_from_quarantine(as(w.attendant), other.inbound_id,
                                                  w.requester_seger.id, "NAO-EXISTE");
            }),
            "validation");
  EXPECT_EQ(outcome([&] {
              desk->mail().ticket_from_quarantine(as(w.attendant), other.inbound_id, 999999,
                                                  "SUP-TEC");
            }),
            "validation");
  EXPECT_EQ(outcome([&] {
              desk->mail().ticket_from_quarantine(as(w.requester_seger), other.inbound_id,
                                                  w.requester_seger.id, "SUP-TEC");
            }),
            "forbidden");
  EXPECT_EQ(count("tickets"), 1);
  EXPECT_EQ(desk->mail().quarantined_mail(as(w.admin), other.inbound_id).state, "pending");
}

TEST_P(MailQuarantineTest, AnUnknownSenderWritingAboutATicketWaitsForAnAttendant) {
  Ticket t = register_sis(w.requester_seger);
  const auto people = count("people");
  RawMail m;
  m.from = "estranho@example.org";
  m.subject = "Re: [SA " + t.protocol + "]";
  const auto r = deliver(m.str());
  EXPECT_EQ(r.outcome, "quarantined");
  EXPECT_THAT(r.detail, HasSubstr("não está cadastrado"));
  EXPECT_EQ(count("people"), people) << "no person is created for a message quarantined";
}

GUICHE_ON_BOTH_ENGINES(MailQuarantineTest);

}  // namespace
}  // namespace guiche::testing
