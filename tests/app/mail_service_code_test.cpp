// The service a new e-mail is registered under, on both engines: the code the
// requester quotes (domain/service_code.hpp; app/mail_intake/mail_service.hpp)
// when it names an active public service, else DeskConfig::mail_service_code
// with the reason; the e-mail's audience applies either way. Two messages of
// the mail corpus (tests/mail/corpus/51-*, 52-*) go through the whole intake.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "mail/corpus_files.hpp"
#include "support/desk_world.hpp"
#include "support/raw_mail.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class MailServiceCodeTest : public DeskTest {
 protected:
  app::MailReceipt deliver(const std::string& raw) {
    return desk->mail().receive_mail(as(w.attendant), raw, "mailgate");
  }
  app::MailReceipt deliver(const std::string& subject, const std::string& body,
                           const std::string& from = "Maria Solicitante <maria@seger.es.gov.br>") {
    RawMail m;
    m.from = from;
    m.subject = subject;
    m.body = body;
    m.message_id = "<m" + std::to_string(++sent_) + "@seger.es.gov.br>";
    return deliver(m.str());
  }
  Ticket ticket_of(const app::MailReceipt& r) {
    EXPECT_EQ(r.outcome, "ticket_created") << r.detail;
    return desk->tickets().ticket(as(w.admin), r.ticket_id.value_or(0));
  }
  std::vector<TicketEvent> internal_notes(std::int64_t ticket_id) {
    std::vector<TicketEvent> out;
    for (auto& e : desk->tickets().history(as(w.admin), ticket_id)) {
      if (e.kind == EventKind::internal_note) out.push_back(e);
    }
    return out;
  }
  Service add_service(const std::string& code, bool is_public, bool active) {
    Service s;
    s.code = code;
    s.name = "Serviço " + code;
    s.audience = Audience::anyone;
    s.is_public = is_public;
    auto created = desk->directory().create_service(as(w.admin), s);
    if (!active) {
      created.active = false;
      created = desk->directory().update_service(as(w.admin), created);
    }
    return created;
  }
  int sent_ = 0;
};

TEST_P(MailServiceCodeTest, ACodeOnALabelledLineOfTheTextNamesTheService) {
  const auto r = deliver("Acesso ao SIGEFES", "Bom dia,\n\nCódigo do serviço: sis-acesso\n\nMaria");
  const Ticket t = ticket_of(r);
  EXPECT_EQ(t.service_id, w.sis_access.id);
  // The e-mail cannot fill the form: its required fields wait for triage.
  EXPECT_TRUE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.central.id);
  EXPECT_THAT(r.detail, HasSubstr("Serviço SIS-ACESSO citado no texto do e-mail."));
  EXPECT_TRUE(internal_notes(t.id).empty());
}

TEST_P(MailServiceCodeTest, ACodeInTheSubjectNamesTheService) {
  const Ticket t = ticket_of(deliver("[EMAIL-INST] Caixa cheia", "Minha caixa está cheia."));
  EXPECT_EQ(t.service_id, w.servants.id);
  EXPECT_EQ(ticket_of(deliver("email-inst - caixa cheia", "Idem.")).service_id, w.servants.id);
}

TEST_P(MailServiceCodeTest, TheLabelledLineWinsOverTheSubject) {
  const Ticket t = ticket_of(deliver("[SUP-TEC] Acesso", "Código: SIS-ACESSO"));
  EXPECT_EQ(t.service_id, w.sis_access.id);
}

TEST_P(MailServiceCodeTest, WithoutACodeTheDefaultServiceAndNoWord) {
  const auto r = deliver("Impressora não imprime", "A impressora da sala 12 não imprime.");
  EXPECT_EQ(ticket_of(r).service_id, w.support.id);
  EXPECT_EQ(r.detail.find("serviço"), std::string::npos) << r.detail;
}

TEST_P(MailServiceCodeTest, AnInternalOrInactiveServiceIsNotTakenAndTriageIsTold) {
  add_service("INT-REDE", false, true);
  add_service("SIS-ANTIGO", true, false);
  auto r = deliver("Rede", "Código do serviço: INT-REDE");
  Ticket t = ticket_of(r);
  EXPECT_EQ(t.service_id, w.support.id);
  EXPECT_THAT(r.detail, HasSubstr("O serviço INT-REDE, citado no texto do e-mail, não recebe "
                                  "solicitações por e-mail (serviço interno); registrada no "
                                  "serviço padrão do e-mail (SUP-TEC)."));
  auto notes = internal_notes(t.id);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_THAT(notes[0].data.value("text", ""), HasSubstr("INT-REDE"));
  EXPECT_FALSE(notes[0].is_public);

  r = deliver("[SIS-ANTIGO] erro", "O sistema antigo trava.");
  t = ticket_of(r);
  EXPECT_EQ(t.service_id, w.support.id);
  EXPECT_THAT(r.detail, HasSubstr("citado no assunto do e-mail, não recebe solicitações por "
                                  "e-mail (serviço inativo)"));
}

TEST_P(MailServiceCodeTest, AnUnknownOrAmbiguousCodeFallsBackWithTheReason) {
  auto r = deliver("Pedido", "Código do serviço: XYZ-9");
  EXPECT_EQ(ticket_of(r).service_id, w.support.id);
  EXPECT_THAT(r.detail, HasSubstr("O e-mail informa o serviço \"XYZ-9\", que não é código do "
                                  "catálogo; registrada no serviço padrão do e-mail (SUP-TEC)."));
  r = deliver("SIS-ACESSO e EMAIL-INST", "Preciso dos dois.");
  const Ticket t = ticket_of(r);
  EXPECT_EQ(t.service_id, w.support.id);
  EXPECT_THAT(r.detail, HasSubstr("cita mais de um serviço (EMAIL-INST, SIS-ACESSO)"));
  EXPECT_EQ(internal_notes(t.id).size(), 1u);
}

TEST_P(MailServiceCodeTest, TheEmailsAudienceStillApplies) {
  // SUP-TEC is open to anyone, but e-mail admits only authorized requesters
  // (DeskConfig::mail_audience): a citizen quoting it goes to client relations.
  const Ticket t = ticket_of(deliver("[SUP-TEC] impressora", "Não imprime.", "joao@example.com"));
  EXPECT_EQ(t.service_id, w.support.id);
  EXPECT_FALSE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.relations.id);
}

TEST_P(MailServiceCodeTest, RealMessagesFromTheCorpus) {
  namespace corpus = mail::corpus;
  const std::string dir = GUICHE_MAIL_CORPUS_DIR;
  // Outlook, HTML only: the code in a table beats the one in the subject.
  auto r = deliver(corpus::read_file(dir + "/51-outlook-html-service-code-table.eml"));
  Ticket t = ticket_of(r);
  EXPECT_EQ(t.service_id, w.sis_access.id) << r.detail;
  EXPECT_TRUE(t.audience_admitted);
  // Gmail: "sup-téc – impressora" in an encoded subject; the earlier message
  // quoted below names SIS-DEFEITO, which does not count. João is a citizen.
  r = deliver(corpus::read_file(dir + "/52-gmail-service-code-in-subject.eml"));
  t = ticket_of(r);
  EXPECT_EQ(t.service_id, w.support.id);
  EXPECT_THAT(r.detail, HasSubstr("Serviço SUP-TEC citado no assunto do e-mail."));
  EXPECT_EQ(t.unit_id, w.relations.id);
}

GUICHE_ON_BOTH_ENGINES(MailServiceCodeTest);

// An e-mail that admits anyone never widens a service reserved to some.
class MailServiceCodeOpenAudienceTest : public MailServiceCodeTest {
 protected:
  app::DeskConfig desk_config() override {
    auto config = MailServiceCodeTest::desk_config();
    config.mail_audience = Audience::anyone;
    return config;
  }
};

TEST_P(MailServiceCodeOpenAudienceTest, TheServicesOwnAudienceIsNotWidened) {
  // Vera's municipality is not a client: SIS-ACESSO is for authorized requesters.
  Ticket t = ticket_of(deliver("Acesso", "Código: SIS-ACESSO", "vera@viana.es.gov.br"));
  EXPECT_EQ(t.service_id, w.sis_access.id);
  EXPECT_FALSE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.relations.id);
  // SUP-TEC admits anyone, and so does this desk's e-mail.
  t = ticket_of(deliver("[SUP-TEC] impressora", "Não imprime.", "joao@example.com"));
  EXPECT_TRUE(t.audience_admitted);
}

GUICHE_ON_BOTH_ENGINES(MailServiceCodeOpenAudienceTest);

}  // namespace
}  // namespace guiche::testing
