// Manifestações through the application layer on both engines
// (app/manifestations/manifestations.hpp): each type and identification,
// the protocol and follow-up code, the 30 calendar days with one extension
// and one complement that pauses them (tests/domain/data/manifestation_*.cases
// hold the rules), the answer by e-mail, linking tickets, the settings; a
// confidential author's identity only for the ouvidoria; bad input stores
// nothing.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using std::chrono::days;

class ManifestationsTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    ombudsman = create_ombudsman();
  }
  app::Manifestations& m() { return desk->manifestations(); }

  static app::ManifestationForm form(const std::string& kind = "complaint",
                                     const std::string& identification = "identified") {
    app::ManifestationForm f;
    f.kind = kind;
    f.identification = identification;
    f.service_code = "SUP-TEC";
    f.subject = "Atendimento demorado";
    f.description = "Esperei três dias por uma resposta ao meu chamado.";
    f.name = "Ana Cidadã";
    f.email = "ana@exemplo.com.br";
    f.cpf = "529.982.247-25";
    return f;
  }
  std::vector<store::OutboxMessage> mail_to(const std::string& address) {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) {
      for (auto& msg : store::list_messages(c, "", {}, 200)) {
        if (msg.recipient_address == address) out.push_back(msg);
      }
    });
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
  }
  std::vector<std::string> event_kinds(const app::ManifestationView& v) {
    std::vector<std::string> out;
    for (const auto& e : v.events) out.push_back(e.kind);
    return out;
  }

  Person ombudsman;
  const std::string here = "203.0.113.7";
};

TEST_P(ManifestationsTest, EachTypeAndIdentificationGetsAProtocolACodeAndThirtyDays) {
  int n = 0;
  for (const char* kind : {"complaint", "report", "praise", "suggestion", "request_for_action"}) {
    for (const char* identification : {"identified", "confidential", "anonymous"}) {
      SCOPED_TRACE(std::string(kind) + " " + identification);
      const bool may = std::string(identification) != "anonymous" ||
                       std::string(kind) == "complaint" || std::string(kind) == "report";
      auto f = form(kind, identification);
      if (std::string(identification) == "anonymous") f.answer_channel = "tracking";
      if (!may) {
        EXPECT_EQ(outcome([&] { m().register_manifestation(std::nullopt, f); }), "validation");
        continue;
      }
      const auto r = m().register_manifestation(std::nullopt, f);
      ++n;
      char expected[32];
      std::snprintf(expected, sizeof expected, "OUV-2026-%06d", n);
      EXPECT_EQ(r.manifestation.protocol, expected);
      EXPECT_THAT(r.tracking_code, ::testing::MatchesRegex("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"));
      EXPECT_EQ(format_date(r.manifestation.due_on), "2026-04-01");  // 30 calendar days
      EXPECT_EQ(r.manifestation.status, ManifestationStatus::open);
      const auto seen = m().track(r.manifestation.protocol, r.tracking_code, here);
      EXPECT_EQ(manifestation_kind_code(seen.manifestation.kind), kind);
      EXPECT_EQ(identification_code(seen.manifestation.identification), identification);
      EXPECT_EQ(seen.manifestation.service_name, "Solicitar Suporte de Tecnologia");
    }
  }
  EXPECT_EQ(n, 12);
  EXPECT_EQ(count("manifestations"), 12);
}

TEST_P(ManifestationsTest, AnAnonymousOneKeepsNothingThatNamesItsAuthor) {
  auto f = form("report", "anonymous");
  f.answer_channel = "";
  const auto r = m().register_manifestation(std::nullopt, f);
  const auto v = m().read(as(ombudsman), r.manifestation.id);
  EXPECT_EQ(v.manifestation.manifestant.name, "");
  EXPECT_EQ(v.manifestation.manifestant.email, "");
  EXPECT_EQ(v.manifestation.manifestant.cpf, "");
  EXPECT_EQ(v.manifestation.answer_channel, AnswerChannel::tracking);
  EXPECT_TRUE(mail_to("ana@exemplo.com.br").empty());
  f.answer_channel = "email";
  EXPECT_EQ(outcome([&] { m().register_manifestation(std::nullopt, f); }), "validation");
}

TEST_P(ManifestationsTest, TheReceiptByEmailCarriesTheProtocolAndTheCode) {
  const auto r = m().register_manifestation(std::nullopt, form());
  const auto sent = mail_to("ana@exemplo.com.br");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_THAT(sent[0].subject, ::testing::HasSubstr(r.manifestation.protocol));
  EXPECT_THAT(sent[0].subject, ::testing::Not(::testing::HasSubstr("[SA")));
  EXPECT_THAT(sent[0].text_body, ::testing::HasSubstr(r.tracking_code));
  EXPECT_THAT(sent[0].text_body, ::testing::HasSubstr("01/04/2026"));
}

TEST_P(ManifestationsTest, BadInputIsRefusedFieldByFieldAndStoresNothing) {
  const auto before = count("manifestations");
  const auto outbox = count("outbox");
  auto bad = form();
  bad.kind = "xingamento";
  bad.subject = " ";
  bad.email = "ana@";
  bad.cpf = "111.111.111-11";
  bad.phone = "12";
  const auto e = error_of([&] { m().register_manifestation(std::nullopt, bad); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind(), DomainError::Kind::validation);
  std::set<std::string> fields;
  for (const auto& f : e->fields()) {
    fields.insert(f.field);
    EXPECT_TRUE(looks_pt_br(f.message)) << f.message;
  }
  EXPECT_EQ(fields, (std::set<std::string>{"kind", "subject", "email", "cpf", "phone"}));
  auto praise = form("praise", "anonymous");
  EXPECT_EQ(outcome([&] { m().register_manifestation(std::nullopt, praise); }), "validation");
  auto unknown = form();
  unknown.service_code = "NAO-EXISTE";
  EXPECT_EQ(outcome([&] { m().register_manifestation(std::nullopt, unknown); }), "validation");
  auto by_mail = form();
  by_mail.email = "";
  by_mail.answer_channel = "email";
  EXPECT_EQ(outcome([&] { m().register_manifestation(std::nullopt, by_mail); }), "validation");
  EXPECT_EQ(count("manifestations"), before);
  EXPECT_EQ(count("manifestation_events"), 0);
  EXPECT_EQ(count("outbox"), outbox);
}

TEST_P(ManifestationsTest, AWrongCodeRevealsNothingMoreThanAnUnknownProtocol) {
  const auto r = m().register_manifestation(std::nullopt, form());
  const auto wrong = error_of([&] { m().track(r.manifestation.protocol, "AAAA-BBBB-CCCC", here); });
  const auto unknown = error_of([&] { m().track("OUV-2026-000999", r.tracking_code, here); });
  const auto garbage = error_of([&] { m().track("qualquer coisa", "x", here); });
  ASSERT_TRUE(wrong && unknown && garbage);
  EXPECT_EQ(wrong->kind(), DomainError::Kind::not_found);
  EXPECT_EQ(std::string(wrong->what()), unknown->what());
  EXPECT_EQ(std::string(wrong->what()), garbage->what());
  // As people type them: lower case, no dashes.
  std::string typed = r.tracking_code;
  std::erase(typed, '-');
  for (auto& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(m().track("ouv-2026-1", typed, "198.51.100.1").manifestation.id, r.manifestation.id);
  // Guessing from one address is slowed down.
  for (int i = 0; i < 10; ++i) {
    (void)outcome([&] { m().track(r.manifestation.protocol, "AAAA-BBBB-CCCC", here); });
  }
  EXPECT_EQ(outcome([&] { m().track(r.manifestation.protocol, r.tracking_code, here); }),
            "rate_limited");
}

TEST_P(ManifestationsTest, AConfidentialAuthorIsKnownOnlyToTheOuvidoria) {
  const auto r = m().register_manifestation(std::nullopt, form("complaint", "confidential"));
  const auto t = register_sis(w.requester_sesa, "Chamado citado na reclamação");
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  m().link_ticket(as(ombudsman), r.manifestation.id, t.protocol);

  const auto by_ouvidoria = m().read(as(ombudsman), r.manifestation.id);
  EXPECT_EQ(by_ouvidoria.manifestation.manifestant.name, "Ana Cidadã");
  EXPECT_TRUE(by_ouvidoria.may_work);
  for (const Person* staff : {&w.analyst_sis, &w.admin, &w.attendant}) {
    SCOPED_TRACE(staff->name);
    const auto v = m().read(as(*staff), r.manifestation.id);
    EXPECT_FALSE(v.manifestation.identity_shown);
    EXPECT_EQ(v.manifestation.manifestant.name, "");
    EXPECT_EQ(v.manifestation.manifestant.email, "");
    EXPECT_EQ(v.manifestation.manifestant.cpf, "");
    EXPECT_FALSE(v.may_work);
    ASSERT_EQ(m().of_ticket(as(*staff), t.id).size(), 1u);
    EXPECT_EQ(m().of_ticket(as(*staff), t.id)[0].manifestation.manifestant.name, "");
  }
  // Those who cannot see the ticket do not learn the manifestação exists.
  EXPECT_EQ(outcome([&] { m().read(as(w.requester_seger), r.manifestation.id); }), "not_found");
  EXPECT_EQ(outcome([&] { m().read(as(w.analyst_dba), r.manifestation.id); }), "not_found");
  EXPECT_EQ(outcome([&] { m().queue(as(w.admin), 50, std::nullopt); }), "forbidden");
  EXPECT_EQ(outcome([&] { m().answer(as(w.admin), r.manifestation.id, "Resposta"); }), "forbidden");
  // An identified author is named to staff who read it through a ticket.
  const auto named = m().register_manifestation(std::nullopt, form("complaint", "identified"));
  m().link_ticket(as(ombudsman), named.manifestation.id, t.protocol);
  EXPECT_EQ(m().read(as(w.analyst_sis), named.manifestation.id).manifestation.manifestant.name,
            "Ana Cidadã");
}

TEST_P(ManifestationsTest, TheDeadlineIsExtendedOnceWithAReason) {
  const auto r = m().register_manifestation(std::nullopt, form());
  const auto id = r.manifestation.id;
  EXPECT_EQ(outcome([&] { m().extend(as(ombudsman), id, "  "); }), "validation");
  const auto v = m().extend(as(ombudsman), id, "Depende de resposta da SEGER.");
  // 2026-05-01 is Labour Day and then a weekend: the end moves to Monday.
  EXPECT_EQ(format_date(v.manifestation.due_on), "2026-05-04");
  EXPECT_EQ(v.manifestation.extension_reason, "Depende de resposta da SEGER.");
  EXPECT_EQ(outcome([&] { m().extend(as(ombudsman), id, "De novo"); }), "conflict");
  const auto mails = mail_to("ana@exemplo.com.br");
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_THAT(mails[1].text_body, ::testing::HasSubstr("Depende de resposta da SEGER."));
  const auto seen = m().track(r.manifestation.protocol, r.tracking_code, here);
  EXPECT_THAT(event_kinds(seen), ::testing::ElementsAre("registered", "extended"));
}

TEST_P(ManifestationsTest, TheComplementPausesTheClockOnce) {
  const auto r = m().register_manifestation(std::nullopt, form());
  const auto id = r.manifestation.id;
  auto v = m().request_complement(as(ombudsman), id, "Qual o número do chamado?");
  EXPECT_EQ(v.manifestation.status, ManifestationStatus::awaiting_complement);
  EXPECT_EQ(format_date(*v.complement_due_on), "2026-03-22");
  EXPECT_EQ(outcome([&] { m().answer(as(ombudsman), id, "Resposta"); }), "conflict");
  EXPECT_EQ(outcome([&] { m().archive(as(ombudsman), id); }), "conflict");
  clock.advance(days{7});
  EXPECT_EQ(outcome([&] {
              m().complement(r.manifestation.protocol, "AAAA-BBBB-CCCC", "2026-000123", here);
            }),
            "not_found");
  v = m().complement(r.manifestation.protocol, r.tracking_code, "É o chamado 2026-000123.", here);
  EXPECT_EQ(v.manifestation.status, ManifestationStatus::open);
  EXPECT_EQ(v.manifestation.paused_days, 7);
  EXPECT_EQ(format_date(v.manifestation.due_on), "2026-04-08");
  EXPECT_EQ(
      outcome([&] { m().complement(r.manifestation.protocol, r.tracking_code, "Mais um", here); }),
      "conflict");
  EXPECT_EQ(outcome([&] { m().request_complement(as(ombudsman), id, "Outra pergunta"); }),
            "conflict");
  v = m().answer(as(ombudsman), id, "Seu chamado foi priorizado.");
  EXPECT_EQ(v.manifestation.status, ManifestationStatus::answered);
  const auto seen = m().track(r.manifestation.protocol, r.tracking_code, here);
  EXPECT_EQ(seen.manifestation.answer, "Seu chamado foi priorizado.");
  EXPECT_THAT(event_kinds(seen), ::testing::ElementsAre("registered", "complement_requested",
                                                        "complemented", "answered"));
  const auto mails = mail_to("ana@exemplo.com.br");
  ASSERT_EQ(mails.size(), 3u);  // receipt, complement request, answer
  EXPECT_THAT(mails[2].text_body, ::testing::HasSubstr("Seu chamado foi priorizado."));
  EXPECT_EQ(outcome([&] { m().answer(as(ombudsman), id, "De novo"); }), "conflict");
}

TEST_P(ManifestationsTest, WithoutTheComplementInItsDaysItIsArchived) {
  const auto r = m().register_manifestation(std::nullopt, form());
  m().request_complement(as(ombudsman), r.manifestation.id, "Qual sistema?");
  clock.advance(days{20});
  EXPECT_EQ(outcome([&] { m().archive(as(ombudsman), r.manifestation.id); }), "conflict");
  clock.advance(days{1});
  EXPECT_TRUE(m().read(as(ombudsman), r.manifestation.id).complement_window_over);
  const auto v = m().archive(as(ombudsman), r.manifestation.id);
  EXPECT_EQ(v.manifestation.status, ManifestationStatus::archived);
}

TEST_P(ManifestationsTest, TheQueueRunsByDueDateAndWarnsBeforeTheEnd) {
  const auto first = m().register_manifestation(std::nullopt, form());
  clock.advance(days{3});
  const auto second = m().register_manifestation(std::nullopt, form("suggestion"));
  const auto third = m().register_manifestation(std::nullopt, form("praise"));
  m().answer(as(ombudsman), third.manifestation.id, "Obrigado!");
  auto q = m().queue(as(ombudsman), 50, std::nullopt);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].manifestation.id, first.manifestation.id);
  EXPECT_EQ(q[1].manifestation.id, second.manifestation.id);
  EXPECT_EQ(q[0].standing, DueStanding::on_time);
  clock.advance(days{24});  // 2026-03-29: three days before 2026-04-01
  q = m().queue(as(ombudsman), 50, std::nullopt);
  EXPECT_EQ(q[0].standing, DueStanding::due_soon);
  clock.advance(days{4});
  EXPECT_EQ(m().queue(as(ombudsman), 50, std::nullopt)[0].standing, DueStanding::overdue);
  const auto page =
      m().queue(as(ombudsman), 1,
                store::QueueCursor{format_date(q[0].manifestation.due_on), q[0].manifestation.id});
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].manifestation.id, second.manifestation.id);
  EXPECT_EQ(m().recent(as(ombudsman), 10, std::nullopt).size(), 3u);
}

TEST_P(ManifestationsTest, LinkingATicketIsTheOuvidoriasAndHiddenFromTheAuthor) {
  const auto r = m().register_manifestation(std::nullopt, form());
  const auto t = register_sis(w.requester_seger);
  EXPECT_EQ(outcome([&] { m().link_ticket(as(ombudsman), r.manifestation.id, "2026-999999"); }),
            "validation");
  const auto v = m().link_ticket(as(ombudsman), r.manifestation.id, t.protocol);
  ASSERT_EQ(v.tickets.size(), 1u);
  EXPECT_EQ(v.tickets[0].protocol, t.protocol);
  EXPECT_EQ(outcome([&] { m().link_ticket(as(ombudsman), r.manifestation.id, t.protocol); }),
            "conflict");
  const auto seen = m().track(r.manifestation.protocol, r.tracking_code, here);
  EXPECT_THAT(event_kinds(seen), ::testing::ElementsAre("registered"));
  EXPECT_TRUE(seen.tickets.empty());
}

TEST_P(ManifestationsTest, AdminsSetTheOuvidoriasDaysWithinTheLaw) {
  ManifestationSettings s;
  s.unit_id = w.central.id;
  s.answer_days = 20;
  s.extension_days = 10;
  EXPECT_EQ(outcome([&] { m().update_settings(as(ombudsman), s); }), "forbidden");
  auto too_long = s;
  too_long.answer_days = 31;
  EXPECT_EQ(outcome([&] { m().update_settings(as(w.admin), too_long); }), "validation");
  auto unknown = s;
  unknown.calendar = "marte";
  EXPECT_EQ(outcome([&] { m().update_settings(as(w.admin), unknown); }), "validation");
  m().update_settings(as(w.admin), s);
  EXPECT_EQ(m().settings().answer_days, 20);
  const auto r = m().register_manifestation(std::nullopt, form());
  EXPECT_EQ(format_date(r.manifestation.due_on), "2026-03-23");  // Sunday the 22nd is closed
  EXPECT_EQ(r.manifestation.unit_id, w.central.id);
  const auto v = m().extend(as(ombudsman), r.manifestation.id, "Análise técnica.");
  EXPECT_EQ(format_date(v.manifestation.due_on), "2026-04-01");
}

TEST_P(ManifestationsTest, ASignedInAuthorIsLinkedToTheirPerson) {
  const auto r = m().register_manifestation(as(w.requester_seger), form("suggestion"));
  EXPECT_EQ(m().read(as(ombudsman), r.manifestation.id).manifestation.manifestant.person_id,
            w.requester_seger.id);
}

TEST_P(ManifestationsTest, TheOuvidoriaIsWarnedOnceNearTheEndAndOnceAfterIt) {
  const auto r = m().register_manifestation(std::nullopt, form());  // due 2026-04-01
  const auto waiting = m().register_manifestation(std::nullopt, form("suggestion"));
  m().request_complement(as(ombudsman), waiting.manifestation.id, "Qual sistema?");
  EXPECT_EQ(m().warn_deadlines(), 0);
  clock.advance(days{24});  // 2026-03-26: six days left
  EXPECT_EQ(m().warn_deadlines(), 0);
  clock.advance(days{1});  // five days left: the warning days
  EXPECT_EQ(m().warn_deadlines(), 1);
  EXPECT_EQ(m().warn_deadlines(), 0);
  auto mails = mail_to("otto@prodest.es.gov.br");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_THAT(mails[0].subject, ::testing::HasSubstr(r.manifestation.protocol));
  EXPECT_THAT(mails[0].text_body, ::testing::HasSubstr("vence em 01/04/2026"));
  EXPECT_THAT(mails[0].text_body, ::testing::HasSubstr("/ouvidoria/manifestacoes/" +
                                                       std::to_string(r.manifestation.id)));
  clock.advance(days{6});  // 2026-04-02
  EXPECT_EQ(m().warn_deadlines(), 1);
  EXPECT_EQ(m().warn_deadlines(), 0);
  mails = mail_to("otto@prodest.es.gov.br");
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_THAT(mails[1].text_body, ::testing::HasSubstr("venceu em 01/04/2026"));
  // A new due date is warned of afresh.
  m().extend(as(ombudsman), r.manifestation.id, "Análise técnica.");
  EXPECT_EQ(m().warn_deadlines(), 0);
  EXPECT_EQ(mail_to("otto@prodest.es.gov.br").size(), 2u);
}

TEST_P(ManifestationsTest, ManyWarnedAlreadyDoNotHideTheNextOnes) {
  // More manifestações already warned of than one round reads (200), then one more.
  for (int i = 0; i < 201; ++i) m().register_manifestation(std::nullopt, form("suggestion"));
  clock.advance(days{27});  // 2026-03-29: all due soon
  EXPECT_EQ(m().warn_deadlines(), 200);
  EXPECT_EQ(m().warn_deadlines(), 1);
  EXPECT_EQ(m().warn_deadlines(), 0);
  clock.advance(days{1});
  m().register_manifestation(std::nullopt, form());  // due 2026-04-29
  clock.advance(days{25});                           // 2026-04-24
  // 201 overdue and the late one due soon, 200 a round.
  EXPECT_EQ(m().warn_deadlines(), 200);
  EXPECT_EQ(m().warn_deadlines(), 2);
  EXPECT_EQ(m().warn_deadlines(), 0);
}

GUICHE_ON_BOTH_ENGINES(ManifestationsTest);

}  // namespace
}  // namespace guiche::testing
