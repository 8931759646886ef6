// Which events notify whom, written to the outbox in the change's own
// transaction (docs/domain.md, "The outbox"), on both engines.
#include <gmock/gmock.h>

#include <map>

#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/outbox/outbox_admin.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class NotificationTest : public DeskTest {
 protected:
  std::vector<store::OutboxMessage> outbox_of(std::int64_t ticket_id) {
    std::vector<store::OutboxMessage> out;
    database->db().read(
        [&](store::Connection& c) { out = store::messages_of_ticket(c, ticket_id); });
    return out;
  }
  // "key -> address" for each message of the ticket, in order.
  std::vector<std::string> sent_of(std::int64_t ticket_id) {
    std::vector<std::string> out;
    for (const auto& m : outbox_of(ticket_id))
      out.push_back(m.template_key + " -> " + m.recipient_address);
    return out;
  }
  Ticket routed_to_sofia() {
    Ticket t = register_sis(w.requester_seger);
    return desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  }
};

TEST_P(NotificationTest, PhoneRegistrationTellsTheRequesterProtocolAndDeadline) {
  app::RegisterRequest r;
  r.requester_id = w.requester_seger.id;
  r.service_code = "SIS-ACESSO";
  r.subject = "Acesso ao SIGEFES";
  r.description = "Nova servidora precisa de acesso.";
  r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "123456"}};
  Ticket t = desk->intake().register_request(as(w.attendant, Channel::phone), r);
  auto messages = outbox_of(t.id);
  ASSERT_EQ(messages.size(), 1u);
  const auto& m = messages[0];
  EXPECT_EQ(m.template_key, "registration");
  EXPECT_EQ(m.recipient_address, "maria@seger.es.gov.br");
  EXPECT_EQ(m.status, "pending");
  EXPECT_EQ(m.subject, "[SA 2026-000001] Solicitação registrada: Acesso ao SIGEFES");
  EXPECT_THAT(m.text_body, HasSubstr("protocolo 2026-000001"));
  EXPECT_THAT(m.text_body, HasSubstr("Serviço: Acesso a sistemas corporativos"));
  EXPECT_THAT(m.text_body, HasSubstr("Prazo estimado: "));
  EXPECT_THAT(m.text_body, ::testing::ContainsRegex("Prazo estimado: [0-9]{2}/[0-9]{2}/2026"));
  EXPECT_THAT(m.html_body, HasSubstr("<strong>2026-000001</strong>"));
  EXPECT_THAT(m.message_id,
              ::testing::MatchesRegex("<outbox-[0-9]+\\.[0-9a-f]+@guiche\\.localhost>"));
}

TEST_P(NotificationTest, ProjectsHaveTheirDeadlineToBeAgreed) {
  app::RegisterRequest r;
  r.requester_id = w.requester_seger.id;
  r.service_code = "PROJ-SIS";
  r.subject = "Novo sistema de frota";
  r.description = "Precisamos de um sistema para a frota.";
  Ticket t = desk->intake().register_request(as(w.requester_seger), r);
  auto messages = outbox_of(t.id);
  ASSERT_EQ(messages.size(), 1u);  // the receipt goes out on every channel
  EXPECT_THAT(messages[0].text_body, HasSubstr("Prazo estimado: a combinar"));
}

TEST_P(NotificationTest, AgentRepliesAndRequestsForInformationGoToTheRequesterOnly) {
  Ticket t = routed_to_sofia();
  const auto sofia = as(w.analyst_sis);
  desk->work().change_status(sofia, t.id, Status::in_progress);
  desk->work().reply(sofia, t.id, "Qual o perfil de acesso?", true);
  desk->work().reply(as(w.requester_seger), t.id, "Executor de despesa.");
  desk->work().reply(sofia, t.id, "Perfil <executor> em análise.");
  EXPECT_THAT(sent_of(t.id), ::testing::ElementsAre("registration -> maria@seger.es.gov.br",
                                                    "information_request -> maria@seger.es.gov.br",
                                                    "agent_reply -> maria@seger.es.gov.br"));
  const auto reply = outbox_of(t.id).back();
  EXPECT_THAT(reply.text_body, HasSubstr("Sofia Analista escreveu"));
  EXPECT_THAT(reply.text_body, HasSubstr("Perfil <executor> em análise."));
  EXPECT_THAT(reply.html_body, HasSubstr("Perfil &lt;executor&gt; em análise."));
}

TEST_P(NotificationTest, ResolutionClosingAndReopeningReachTheOtherSide) {
  Ticket t = routed_to_sofia();
  const auto sofia = as(w.analyst_sis);
  desk->work().change_status(sofia, t.id, Status::in_progress);
  desk->work().resolve(sofia, t.id, "Acesso criado com perfil executor.", 95);
  auto resolution = outbox_of(t.id).back();
  EXPECT_EQ(resolution.template_key, "resolution");
  EXPECT_THAT(resolution.text_body, HasSubstr("Acesso criado com perfil executor."));
  EXPECT_THAT(resolution.text_body, HasSubstr("1 h 35 min"));
  EXPECT_THAT(resolution.text_body, HasSubstr("/chamados/2026-000001#avaliar"));
  EXPECT_THAT(resolution.text_body, HasSubstr("/chamados/2026-000001#reabrir"));

  desk->work().reopen(as(w.requester_seger), t.id, "Continua sem acesso.");
  auto reopening = outbox_of(t.id).back();
  EXPECT_EQ(reopening.template_key, "reopening");
  EXPECT_EQ(reopening.recipient_address, "sofia@prodest.es.gov.br");
  EXPECT_THAT(reopening.text_body, HasSubstr("Continua sem acesso."));

  desk->work().resolve(sofia, t.id, "Perfil corrigido.", 10);
  clock.advance(std::chrono::days(8));
  EXPECT_EQ(desk->work().close_expired_resolutions(), 1);
  EXPECT_THAT(sent_of(t.id), ::testing::ElementsAre("registration -> maria@seger.es.gov.br",
                                                    "resolution -> maria@seger.es.gov.br",
                                                    "reopening -> sofia@prodest.es.gov.br",
                                                    "resolution -> maria@seger.es.gov.br",
                                                    "closing -> maria@seger.es.gov.br"));
}

TEST_P(NotificationTest, NobodyIsToldOfTheirOwnAction) {
  // Sofia asks for help on her own ticket and answers it herself: no notice.
  app::RegisterRequest r;
  r.requester_id = w.analyst_sis.id;
  r.service_code = "SUP-TEC";
  r.subject = "Monitor piscando";
  r.description = "O monitor pisca.";
  Ticket t = desk->intake().register_request(as(w.analyst_sis), r);
  t = desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().change_status(as(w.analyst_sis), t.id, Status::in_progress);
  desk->work().reply(as(w.analyst_sis), t.id, "Troquei o cabo.");
  desk->work().resolve(as(w.analyst_sis), t.id, "Cabo trocado.", 5);
  EXPECT_THAT(sent_of(t.id), ::testing::ElementsAre("registration -> sofia@prodest.es.gov.br"));
}

TEST_P(NotificationTest, SlaWarningAndBreachGoToTheUnitOnceEach) {
  Ticket t = routed_to_sofia();
  std::size_t before = outbox_of(t.id).size();
  for (int step = 0; step < 24 * 30; ++step) {  // 30 days, hour by hour
    clock.advance(std::chrono::hours(1));
    desk->sla().record_sla_warnings();
  }
  EXPECT_EQ(desk->sla().record_sla_warnings(), 0);
  std::map<std::string, int> notices;
  for (const auto& m : outbox_of(t.id)) {
    if (m.template_key.starts_with("sla_")) {
      EXPECT_EQ(m.recipient_address, "sofia@prodest.es.gov.br");
      EXPECT_THAT(m.subject, HasSubstr("[SA 2026-000001]"));
      ++notices[m.template_key];
    }
  }
  // Two targets (first response, resolution), each warned once and breached once.
  EXPECT_EQ(notices["sla_warning"], 2);
  EXPECT_EQ(notices["sla_breach"], 2);
  EXPECT_EQ(outbox_of(t.id).size(), before + 4);
}

TEST_P(NotificationTest, FirstAccessCredentialsAreSentWithThePerson) {
  Person p;
  p.name = "Nádia Nova";
  p.login = "nadia";
  p.emails = {"nadia@sedu.es.gov.br"};
  p.roles = {{Role::requester, std::nullopt}};
  desk->directory().create_person(as(w.admin), {p, std::string("senha-inicial-123")});
  std::vector<store::OutboxMessage> all;
  database->db().read([&](store::Connection& c) { all = store::list_messages(c, "", {}, 10); });
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front().template_key, "first_access");
  EXPECT_EQ(all.front().recipient_address, "nadia@sedu.es.gov.br");
  EXPECT_THAT(all.front().text_body, HasSubstr("Usuário: nadia"));
  EXPECT_THAT(all.front().text_body, HasSubstr("senha-inicial-123"));
}

TEST_P(NotificationTest, ARefusedChangeWritesNoMessage) {
  Ticket t = routed_to_sofia();
  const auto before = count("outbox");
  EXPECT_THROW(desk->work().resolve(as(w.analyst_sis), t.id, "Feito.", 0), DomainError);
  EXPECT_THROW(desk->work().resolve(as(w.requester_seger), t.id, "Feito.", 5), DomainError);
  EXPECT_EQ(count("outbox"), before);
}

TEST_P(NotificationTest, AdminTemplatesChangeWhatIsSentNotTheTag) {
  // The default is rendered first, so a template kept parsed (mail/templates.cpp)
  // must not outlive an admin's edit.
  Ticket before = register_sis(w.requester_seger);
  EXPECT_EQ(outbox_of(before.id).back().text_body.find("Oi Maria"), std::string::npos);
  mail::Template tmpl = desk->outbox().message_template(as(w.admin), "registration").value;
  tmpl.subject = "Recebemos seu pedido {{protocol}}";
  tmpl.text = "Oi {{name}}, protocolo {{protocol}}.";
  auto saved = desk->outbox().save_message_template(as(w.admin), tmpl);
  EXPECT_FALSE(saved.is_default);
  Ticket t = register_sis(w.requester_seger);
  auto m = outbox_of(t.id).back();
  EXPECT_EQ(m.subject, "[SA 2026-000002] Recebemos seu pedido 2026-000002");
  EXPECT_EQ(m.text_body, "Oi Maria Solicitante, protocolo 2026-000002.");
  EXPECT_FALSE(desk->outbox().message_template(as(w.admin), "registration").is_default);
  EXPECT_THROW(desk->outbox().message_template(as(w.analyst_sis), "registration"), DomainError);
  tmpl.text = "{{#aberto}} sem fim";
  EXPECT_THROW(desk->outbox().save_message_template(as(w.admin), tmpl), DomainError);
  tmpl.key = "inexistente";
  EXPECT_THROW(desk->outbox().save_message_template(as(w.admin), tmpl), DomainError);
}

GUICHE_ON_BOTH_ENGINES(NotificationTest);

}  // namespace
}  // namespace guiche::testing
