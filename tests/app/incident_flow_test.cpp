// Incident communication through the application layer, on both engines
// (norm NPI-007): a client manager reports, ASCOM acknowledges (6.1 reaches
// the reporter alone), the team confirms (a draft, not public), ASCOM
// publishes (the organizations that use the component are told), leadership
// confirms in its own name (published at once), the team restores and ASCOM
// publishes 6.4; a maintenance (6.5) reaches every client organization; no
// message leaves with a hole in it.
#include <gmock/gmock.h>

#include "app/expect_error.hpp"
#include "app/outbox/outbox_admin.hpp"
#include "store/outbox_rows.hpp"
#include "support/incident_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class IncidentFlowTest : public IncidentTest {
 protected:
  // "key -> address" of every outbox row of a status message, in order.
  std::vector<std::string> sent() {
    std::vector<std::string> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::list_messages(c, "pending", std::nullopt, 500)) {
        if (m.ticket_id || m.template_key == "first_access") continue;
        out.push_back(m.template_key + " -> " + m.recipient_address);
      }
    });
    std::reverse(out.begin(), out.end());  // the list is newest first
    return out;
  }
  std::vector<store::OutboxMessage> messages(const std::string& key) {
    std::vector<store::OutboxMessage> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::list_messages(c, "pending", std::nullopt, 500)) {
        if (m.template_key == key) out.push_back(m);
      }
    });
    return out;
  }
};

TEST_P(IncidentFlowTest, FromReportToRestorationAsTheNormOrders) {
  auto v = report_sigefes(w.manager_seger);
  const auto id = v.notice.id;
  EXPECT_EQ(v.notice.state, NoticeState::reported);
  EXPECT_EQ(v.notice.reporter_kind, ReporterKind::client);
  EXPECT_EQ(v.notice.organization_id, w.seger.id);  // the manager's own organization
  EXPECT_EQ(v.notice.title, "Possível incidente: SIGEFES");
  EXPECT_FALSE(v.notice.public_state);

  v = step(ascom, id, NoticeAction::acknowledge);
  EXPECT_EQ(v.notice.state, NoticeState::acknowledged);
  EXPECT_FALSE(v.notice.public_state) << "the receipt is never public";
  EXPECT_THAT(sent(), ElementsAre("incident_receipt -> otavio@seger.es.gov.br"));
  const auto receipt = messages("incident_receipt").at(0);
  EXPECT_EQ(receipt.subject, "Confirmação de Recebimento de Notificação");
  EXPECT_THAT(receipt.text_body,
              HasSubstr("Prezado, recebemos sua notificação sobre o possível incidente no "
                        "SIGEFES."));
  EXPECT_THAT(receipt.html_body, HasSubstr("<p>Prezado, recebemos"));

  v = step(w.analyst_sis, id, NoticeAction::confirm_general);
  EXPECT_EQ(v.notice.state, NoticeState::confirmed_general);
  EXPECT_FALSE(v.notice.organization_id) << "confirmed in general";
  EXPECT_FALSE(v.notice.public_state) << "the team's message is a draft";
  EXPECT_TRUE(v.has_drafts);
  EXPECT_EQ(sent().size(), 1u);

  v = step(ascom, id, NoticeAction::publish);
  EXPECT_EQ(v.notice.public_state, NoticeState::confirmed_general);
  EXPECT_TRUE(v.notice.first_published_at);
  EXPECT_FALSE(v.has_drafts);
  // SIGEFES is used by SEGER: its manager is told (the reporter among them).
  EXPECT_THAT(sent(), ElementsAre("incident_receipt -> otavio@seger.es.gov.br",
                                  "incident_confirmed -> otavio@seger.es.gov.br"));
  EXPECT_EQ(messages("incident_confirmed").at(0).subject,
            "Central de Serviços Informa: Aviso de Indisponibilidade");
  EXPECT_THAT(messages("incident_confirmed").at(0).text_body,
              HasSubstr("pode afetar o lançamento da folha."));
  EXPECT_EQ(outcome([&] { step(ascom, id, NoticeAction::publish); }), "conflict")
      << "published already";
}

TEST_P(IncidentFlowTest, NothingToPublishIsAConflict) {
  const auto id = report_sigefes(w.analyst_sis).notice.id;
  EXPECT_EQ(outcome([&] { step(ascom, id, NoticeAction::publish); }), "conflict");
}

TEST_P(IncidentFlowTest, LeadershipSpeaksInItsOwnNameAtOnce) {
  const auto id = report_sigefes(w.analyst_sis).notice.id;
  step(w.analyst_sis, id, NoticeAction::confirm_organization);
  auto v = step(director, id, NoticeAction::leadership_confirm);
  EXPECT_EQ(v.notice.state, NoticeState::confirmed_organization);
  // Leadership's own message is out; the team's 6.6 still waits for ASCOM.
  EXPECT_EQ(v.notice.public_state, NoticeState::confirmed_organization);
  EXPECT_TRUE(v.has_drafts);
  const auto& e = v.events.back();
  ASSERT_TRUE(e.message);
  EXPECT_TRUE(e.published_at);
  EXPECT_THAT(e.message->text, HasSubstr("Marcelo Diretor, Diretor Técnico"));
  EXPECT_THAT(sent(), ElementsAre("leadership_confirmation -> otavio@seger.es.gov.br"))
      << "scoped to SEGER: SESA is not told";

  step(ascom, id, NoticeAction::publish);
  EXPECT_EQ(messages("incident_confirmed_organization").at(0).subject,
            "Central de Serviços Informa: Aviso de Indisponibilidade no SEGER");
  step(w.analyst_sis, id, NoticeAction::restore);
  v = step(ascom, id, NoticeAction::publish);
  EXPECT_EQ(v.notice.public_state, NoticeState::restored);
  EXPECT_THAT(messages("incident_restored").at(0).text_body,
              HasSubstr("Informamos que o SIGEFES foi restabelecido e está operando "
                        "normalmente."));
  v = step(director, id, NoticeAction::leadership_restore);
  EXPECT_THAT(v.events.back().message->text, HasSubstr("Marcelo Diretor, Diretor Técnico"));
}

TEST_P(IncidentFlowTest, AMaintenanceIsScheduledByItsTeamAndPublishedToEveryClient) {
  EXPECT_EQ(outcome([&] { schedule_network(w.analyst_sis); }), "forbidden");
  EXPECT_EQ(outcome([&] { schedule_network(w.manager_gesin); }), "forbidden");
  auto v = schedule_network(w.analyst_dba);  // SGDBA is below GEINF
  EXPECT_EQ(v.notice.state, NoticeState::scheduled);
  EXPECT_EQ(v.notice.title, "Manutenção programada: Rede Metropolitana");
  v = step(ascom, v.notice.id, NoticeAction::publish);
  EXPECT_THAT(sent(), UnorderedElementsAre("maintenance_scheduled -> otavio@seger.es.gov.br",
                                           "maintenance_scheduled -> sergio@saude.es.gov.br"));
  // Monday 2026-03-02 09:00 + 24 h, two hours long, in Brasília time.
  EXPECT_THAT(messages("maintenance_scheduled").at(0).text_body,
              HasSubstr("passará por manutenção programada no dia 03/03/2026, das 09:00 às "
                        "11:00 (horário de Brasília)."));
}

TEST_P(IncidentFlowTest, NoMessageLeavesWithAHole) {
  const auto id = report_sigefes(w.analyst_sis, "").notice.id;  // no impact told
  const auto before = count("status_notice_events");
  auto e = error_of([&] { step(w.analyst_sis, id, NoticeAction::confirm_general); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind(), DomainError::Kind::validation);
  EXPECT_TRUE(names_field(*e, "impact"));
  EXPECT_EQ(count("status_notice_events"), before);
  EXPECT_EQ(desk->status_notices().notice(as(w.admin), id).notice.state, NoticeState::reported);
  // Told on the step itself, it goes.
  app::NoticeStep s;
  s.action = NoticeAction::confirm_general;
  s.impact = "o acesso ao sistema";
  EXPECT_EQ(desk->status_notices().act(as(w.analyst_sis), id, s).notice.impact,
            "o acesso ao sistema");
}

TEST_P(IncidentFlowTest, AnEditedTemplateStillHoldingTheNormsBracketsIsRefused) {
  desk->outbox().save_message_template(
      as(w.admin), {"incident_confirmed", "email", "pt-BR", "{{agency}} Informa",
                    "Instabilidade no {{component}}.\n\nData/Hora: [Data e Hora]\n", ""});
  const auto id = report_sigefes(w.analyst_sis).notice.id;
  auto e = error_of([&] { step(w.analyst_sis, id, NoticeAction::confirm_general); });
  ASSERT_TRUE(e);
  EXPECT_TRUE(names_field(*e, "template"));
  EXPECT_THAT(e->fields().at(0).message, HasSubstr("[Data e Hora]"));
}

TEST_P(IncidentFlowTest, OnlyTheStaffAndTheReporterReadANotice) {
  const auto id = report_sigefes(w.manager_seger).notice.id;
  EXPECT_EQ(desk->status_notices().notice(as(w.manager_seger), id).notice.id, id);
  EXPECT_EQ(outcome([&] { desk->status_notices().notice(as(manager_sesa), id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->status_notices().notice(as(w.requester_seger), id); }),
            "not_found");
  EXPECT_EQ(outcome([&] { desk->status_notices().board(as(w.requester_seger)); }), "forbidden");
  EXPECT_EQ(desk->status_notices().board(as(ascom)).size(), 1u);
}

GUICHE_ON_BOTH_ENGINES(IncidentFlowTest);

}  // namespace
}  // namespace guiche::testing
