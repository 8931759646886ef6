// No silent loss in intake (issue 17), on both engines: a file the desk's
// policy refuses is kept, held apart (listed for staff with its reason, never
// served to the requester), the requester's receipt names it, an admin
// releases it; the sender's file name is kept; a long subject is stored whole.
// The e-mail cases are messages of the mail corpus (tests/mail/corpus/53-*, 54-*).
#include <gmock/gmock.h>

#include "app/attachments/attachment_policy.hpp"
#include "app/attachments/attachments.hpp"
#include "app/expect_error.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "mail/corpus_files.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"
#include "support/raw_mail.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A program as Windows writes one (what libmagic names application/x-dosexec).
std::string program_bytes() {
  std::string pe(512, '\0');
  pe[0] = 'M';
  pe[1] = 'Z';
  pe[0x3c] = '\x80';
  pe.replace(0x80, 4, std::string("PE\0\0", 4));
  return pe;
}

class HeldAttachmentsTest : public DeskTest {
 protected:
  app::MailReceipt deliver(const std::string& raw) {
    return desk->mail().receive_mail(as(w.attendant), raw, "mailgate");
  }
  std::string corpus_message(const std::string& name) {
    return mail::corpus::expand_markers(
        mail::corpus::read_file(std::string(GUICHE_MAIL_CORPUS_DIR) + "/" + name));
  }
  std::vector<store::OutboxMessage> outbox_of(std::int64_t ticket_id) {
    std::vector<store::OutboxMessage> out;
    database->db().read(
        [&](store::Connection& c) { out = store::messages_of_ticket(c, ticket_id); });
    return out;
  }
  const store::AttachmentRecord* named(const std::vector<store::AttachmentRecord>& files,
                                       const std::string& name) {
    for (const auto& f : files) {
      if (f.filename == name) return &f;
    }
    return nullptr;
  }
};

TEST_P(HeldAttachmentsTest, AProgramByEmailIsKeptHeldAndShownToStaffWithItsReason) {
  const auto r = deliver(corpus_message("53-outlook-dump-exe-and-named-invite.eml"));
  ASSERT_EQ(r.outcome, "ticket_created") << r.detail;
  const std::int64_t ticket = *r.ticket_id;

  // Staff see all three files: the dump (a known extension for bytes without
  // a type) and the invitation under its own name, and the program, held.
  const auto staff_view = desk->attachments().attachments(as(w.attendant), ticket);
  ASSERT_EQ(staff_view.size(), 3u);
  const auto* dump = named(staff_view, "memoria-regulacao.dmp");
  const auto* program = named(staff_view, "atualizador.exe");
  const auto* invite = named(staff_view, "alinhamento-regulacao.ics");
  ASSERT_TRUE(dump && program && invite);
  EXPECT_FALSE(dump->held()) << dump->held_reason;
  EXPECT_EQ(dump->size_bytes, 8192);
  EXPECT_FALSE(invite->held()) << invite->held_reason;
  EXPECT_EQ(invite->content_type, "text/calendar");
  ASSERT_TRUE(program->held());
  EXPECT_THAT(program->held_reason, HasSubstr("executáveis"));
  EXPECT_TRUE(looks_pt_br(program->held_reason)) << program->held_reason;

  // The history tells staff (an internal event with the reason).
  bool held_event = false;
  for (const auto& e : desk->tickets().history(as(w.attendant), ticket)) {
    if (e.kind != EventKind::attachment_held) continue;
    held_event = true;
    EXPECT_FALSE(e.is_public);
    EXPECT_EQ(e.data.value("filename", ""), "atualizador.exe");
    EXPECT_EQ(e.data.value("reason", ""), program->held_reason);
  }
  EXPECT_TRUE(held_event);

  // The requester never gets it as an attachment, nor downloads it; nor does an agent.
  const auto requester_view = desk->attachments().attachments(as(w.requester_seger), ticket);
  EXPECT_EQ(requester_view.size(), 2u);
  EXPECT_FALSE(named(requester_view, "atualizador.exe"));
  EXPECT_EQ(
      outcome([&] { desk->attachments().read_attachment(as(w.requester_seger), program->id); }),
      "not_found");
  EXPECT_EQ(outcome([&] { desk->attachments().read_attachment(as(w.attendant), program->id); }),
            "not_found");
  EXPECT_EQ(desk->attachments().read_attachment(as(w.admin), program->id).bytes.substr(0, 2), "MZ");

  // The requester's receipt (the registration e-mail) names it and says why.
  const auto notices = outbox_of(ticket);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].template_key, "registration");
  EXPECT_THAT(notices[0].text_body, HasSubstr("não foram aceitos"));
  EXPECT_THAT(notices[0].text_body, HasSubstr("atualizador.exe (" + program->held_reason + ")"));
  EXPECT_THAT(notices[0].html_body, HasSubstr("atualizador.exe"));
  EXPECT_THAT(notices[0].text_body, Not(HasSubstr("memoria-regulacao.dmp")));
  // And the requester's page lists it as not accepted.
  const auto not_accepted = desk->attachments().not_accepted(as(w.requester_seger), ticket);
  ASSERT_EQ(not_accepted.size(), 1u);
  EXPECT_EQ(not_accepted[0].filename, "atualizador.exe");
}

TEST_P(HeldAttachmentsTest, AnAdminReleasesAHeldFileAndTheTicketRecordsWho) {
  const auto r = deliver(corpus_message("53-outlook-dump-exe-and-named-invite.eml"));
  ASSERT_TRUE(r.ticket_id) << r.detail;
  std::int64_t held_id = 0;
  for (const auto& f : desk->attachments().attachments(as(w.admin), *r.ticket_id)) {
    if (f.held()) held_id = f.id;
  }
  ASSERT_NE(held_id, 0);
  // Only admins release.
  for (const Person* p : {&w.requester_seger, &w.attendant, &w.analyst_sis, &w.manager_gesin}) {
    const auto refused = outcome([&] { desk->attachments().release(as(*p), held_id); });
    EXPECT_TRUE(refused == "forbidden" || refused == "not_found") << p->name << ": " << refused;
  }
  const auto released = desk->attachments().release(as(w.admin), held_id);
  EXPECT_FALSE(released.held());
  EXPECT_EQ(released.released_by, w.admin.id);
  // A normal attachment from then on: the requester sees and downloads it.
  const auto requester_view = desk->attachments().attachments(as(w.requester_seger), *r.ticket_id);
  EXPECT_TRUE(named(requester_view, "atualizador.exe"));
  EXPECT_EQ(desk->attachments().read_attachment(as(w.requester_seger), held_id).bytes.substr(0, 2),
            "MZ");
  EXPECT_TRUE(desk->attachments().not_accepted(as(w.requester_seger), *r.ticket_id).empty());
  // The event names who released it; releasing again is a conflict.
  bool recorded = false;
  for (const auto& e : desk->tickets().history(as(w.admin), *r.ticket_id)) {
    if (e.kind != EventKind::attachment_released) continue;
    recorded = true;
    EXPECT_EQ(e.actor_id, w.admin.id);
    EXPECT_EQ(e.data.value("attachment_id", 0LL), held_id);
    EXPECT_TRUE(e.is_public);
  }
  EXPECT_TRUE(recorded);
  EXPECT_EQ(outcome([&] { desk->attachments().release(as(w.admin), held_id); }), "conflict");
}

TEST_P(HeldAttachmentsTest, PortalAndApiUploadsGoThroughTheSamePolicy) {
  const Ticket t = register_sis(w.requester_seger);
  const auto records = desk->attachments().attach_all(
      as(w.requester_seger), t.id,
      {{"relatorio.pdf", "%PDF-1.4\n%fake\n"},
       {"setup.exe", program_bytes()},
       {"grande.log", std::string(desk_config().max_attachment_bytes + 1, 'a')},
       {"rotina.bat", "@echo off\r\ndel /q C:\\dados\\*\r\n"},
       {"rastreamento.etl", mail::corpus::generated_bytes(4096)}});
  ASSERT_EQ(records.size(), 5u);
  EXPECT_FALSE(records[0].held());
  EXPECT_THAT(records[1].held_reason, HasSubstr("executáveis"));
  EXPECT_THAT(records[2].held_reason, HasSubstr("excede o limite de 25 MB"));
  EXPECT_THAT(records[3].held_reason, HasSubstr(".bat"));
  EXPECT_FALSE(records[4].held()) << records[4].held_reason;  // a trace, by its extension
  EXPECT_EQ(app::held_lines(records).size(), 3u);
  // Every byte is kept, and the files are rows like any other (backup, check).
  EXPECT_EQ(count("attachments"), 5);
  EXPECT_EQ(desk->attachments().not_accepted(as(w.requester_seger), t.id).size(), 3u);
  // Past what the desk keeps at all, the upload is refused whole (413), as before.
  const auto past = desk_config().max_held_attachment_bytes + 1;
  EXPECT_EQ(outcome([&] {
              desk->attachments().attach(as(w.requester_seger), t.id, "enorme.zip",
                                         std::string(past, 'z'));
            }),
            "too_large");
  EXPECT_EQ(count("attachments"), 5);
}

TEST_P(HeldAttachmentsTest, AReplyByEmailWithAProgramTellsTheRequesterInItsOwnNotice) {
  const Ticket t = register_sis(w.requester_seger);
  RawMail m;
  m.subject = "Re: [SA " + t.protocol + "] acesso";
  m.body = "Segue o instalador que o fornecedor mandou.";
  m.attachment_name = "instalar.cmd";
  m.attachment_text = "format c:";
  const auto r = deliver(m.str());
  ASSERT_EQ(r.outcome, "joined") << r.detail;
  EXPECT_THAT(r.detail, HasSubstr("instalar.cmd"));
  bool told = false;
  for (const auto& n : outbox_of(t.id)) {
    if (n.template_key != "attachments_not_accepted") continue;
    told = true;
    EXPECT_EQ(n.recipient_address, "maria@seger.es.gov.br");
    EXPECT_THAT(n.text_body, HasSubstr("instalar.cmd"));
    EXPECT_THAT(n.subject, HasSubstr("[SA " + t.protocol + "]"));
  }
  EXPECT_TRUE(told);
  const auto files = desk->attachments().attachments(as(w.admin), t.id);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_TRUE(files[0].held());
}

TEST_P(HeldAttachmentsTest, AnInvitationKeepsItsNameAndUnnamedBytesTheirs) {
  // The sender's name, made safe but otherwise as sent.
  EXPECT_EQ(app::safe_attachment_name("Reunião de alinhamento (março).ics", "x"),
            "Reunião de alinhamento (março).ics");
  EXPECT_EQ(app::safe_attachment_name("C:\\Users\\ana\\log\x01\x1b.txt", "x"), "log.txt");
  EXPECT_EQ(app::safe_attachment_name("../../etc/passwd", "x"), "passwd");
  EXPECT_EQ(app::safe_attachment_name("..", "anexo-1"), "anexo-1");
  const std::string long_name = std::string(300, 'a') + ".log";
  const auto kept = app::safe_attachment_name(long_name, "x");
  EXPECT_LE(kept.size(), 255u);
  EXPECT_TRUE(kept.ends_with(".log"));
}

TEST_P(HeldAttachmentsTest, AFiveHundredCharacterSubjectIsStoredWhole) {
  const auto expect = mail::corpus::read_expect(std::string(GUICHE_MAIL_CORPUS_DIR) +
                                                "/54-gmail-500-character-subject.expect");
  std::string subject;
  for (const auto& [key, value] : expect) {
    if (key == "subject") subject = value;
  }
  ASSERT_FALSE(subject.empty());
  // By e-mail.
  const auto r = deliver(corpus_message("54-gmail-500-character-subject.eml"));
  ASSERT_TRUE(r.ticket_id) << r.detail;
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), *r.ticket_id).subject, subject);
  // Through the intake every other channel uses (portal, API, phone).
  const Ticket t = register_sis(w.requester_seger, subject);
  EXPECT_EQ(desk->tickets().ticket(as(w.requester_seger), t.id).subject, subject);
}

GUICHE_ON_BOTH_ENGINES(HeldAttachmentsTest);

}  // namespace
}  // namespace guiche::testing
