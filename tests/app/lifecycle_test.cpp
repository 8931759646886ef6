// The whole life of an SA (docs/domain.md, "Statuses"), through the application layer.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;

class LifecycleTest : public DeskTest {};

std::vector<std::string> event_kinds(const std::vector<TicketEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.emplace_back(event_kind_code(e.kind));
  return out;
}

TEST_P(LifecycleTest, PhoneRequestLivesFromRegistrationToClosingByTheWindow) {
  const auto attendant = as(w.attendant, Channel::phone);
  app::RegisterRequest r;
  r.requester_id = w.requester_seger.id;
  r.service_code = "SIS-ACESSO";
  r.subject = "Acesso ao SIGEFES para nova servidora";
  r.description = "A servidora Joana precisa lançar empenhos a partir de segunda.";
  r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "3344556"}, {"urgente", "sim"}};
  Ticket t = desk->intake().register_request(attendant, r);
  EXPECT_EQ(t.protocol, "2026-000001");
  EXPECT_EQ(t.channel, Channel::phone);
  EXPECT_EQ(t.registered_by, w.attendant.id);
  EXPECT_EQ(t.status, Status::new_);
  EXPECT_EQ(t.unit_id, w.central.id);
  EXPECT_TRUE(t.audience_admitted);
  EXPECT_EQ(t.form_answers["urgente"], true);

  clock.advance(std::chrono::minutes(10));
  t = desk->work().triage(attendant, t.id,
                          {std::nullopt, Category::service_request, 2, 2, std::nullopt});
  EXPECT_EQ(t.status, Status::triage);
  EXPECT_EQ(t.priority, 5);
  t = desk->work().route(attendant, t.id, w.sgsis.id, std::nullopt, "Acesso de sistema");
  EXPECT_EQ(t.status, Status::assigned);
  EXPECT_EQ(t.unit_id, w.sgsis.id);

  const auto analyst = as(w.analyst_sis);
  t = desk->work().assign(analyst, t.id, w.analyst_sis.id);
  t = desk->work().change_status(analyst, t.id, Status::in_progress);
  clock.advance(std::chrono::hours(1));
  t = desk->work().reply(analyst, t.id, "Qual o perfil de acesso necessário?", true);
  EXPECT_EQ(t.status, Status::pending_requester);
  EXPECT_TRUE(t.first_response_at.has_value());
  t = desk->work().add_internal_note(analyst, t.id, "Conferir com a SEGER o perfil de ordenador.");

  clock.advance(std::chrono::hours(2));
  t = desk->work().reply(as(w.requester_seger), t.id, "Perfil de executor de despesa.");
  EXPECT_EQ(t.status, Status::in_progress);

  t = desk->work().log_time(analyst, t.id, 20, "Criação do usuário");
  t = desk->work().resolve(analyst, t.id, "Acesso criado com perfil executor.", 25);
  EXPECT_EQ(t.status, Status::resolved);
  EXPECT_EQ(t.time_spent_minutes, 45);

  const auto requester = as(w.requester_seger);
  t = desk->work().evaluate(requester, t.id, 2, "Faltou o perfil de consulta.");
  EXPECT_EQ(t.rating, 2);
  clock.advance(std::chrono::hours(24));
  t = desk->work().reopen(requester, t.id, "O perfil de consulta não foi incluído.");
  EXPECT_EQ(t.status, Status::reopened);
  EXPECT_EQ(t.reopen_count, 1);
  EXPECT_FALSE(t.rating.has_value());  // the survey was about the earlier resolution

  t = desk->work().change_status(analyst, t.id, Status::in_progress);
  t = desk->work().resolve(analyst, t.id, "Perfil de consulta incluído.", 10);
  EXPECT_EQ(desk->work().close_expired_resolutions(), 0);  // still inside the window
  clock.advance(std::chrono::days(7) + std::chrono::minutes(1));
  EXPECT_EQ(desk->work().close_expired_resolutions(), 1);
  t = desk->tickets().ticket(analyst, t.id);
  EXPECT_EQ(t.status, Status::closed);
  EXPECT_TRUE(t.closed_at.has_value());
  EXPECT_THROW(desk->work().reopen(requester, t.id, "De novo"), DomainError);

  const auto events = desk->tickets().history(analyst, t.id);
  EXPECT_THAT(
      event_kinds(events),
      ElementsAre("created", "triaged", "routed", "assigned", "status_changed", "public_reply",
                  "internal_note", "public_reply", "time_logged", "resolved", "evaluated",
                  "reopened", "status_changed", "resolved", "closed"));
  EXPECT_EQ(events.front().channel, Channel::phone);
  EXPECT_EQ(events.front().actor_id, w.attendant.id);
  EXPECT_FALSE(events.back().actor_id.has_value());  // the system closed it
  for (std::size_t i = 1; i < events.size(); ++i) {
    EXPECT_EQ(events[i].seq, events[i - 1].seq + 1);
    EXPECT_GE(events[i].at, events[i - 1].at);
  }
  // The requester's view of the same story has no internal note nor time entry.
  EXPECT_THAT(event_kinds(desk->tickets().history(requester, t.id)),
              ElementsAre("created", "triaged", "routed", "assigned", "status_changed",
                          "public_reply", "public_reply", "resolved", "evaluated", "reopened",
                          "status_changed", "resolved", "closed"));
}

TEST_P(LifecycleTest, NonClientRequestIsRegisteredAndEndsAtClientRelations) {
  Ticket t = register_sis(w.requester_viana);
  EXPECT_FALSE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.relations.id);
  EXPECT_THAT(t.audience_reason, ::testing::HasSubstr("não é cliente"));
  // Client relations sees and decides it; the technical units do not.
  auto relations = as(w.relations_agent);
  EXPECT_EQ(desk->tickets().ticket(relations, t.id).id, t.id);
  EXPECT_THROW(desk->tickets().ticket(as(w.analyst_sis), t.id), DomainError);
  t = desk->work().cancel(relations, t.id, "Órgão sem contrato; orientado a formalizar ofício.");
  EXPECT_EQ(t.status, Status::cancelled);
  const auto events = desk->tickets().history(relations, t.id);
  EXPECT_EQ(events.front().data["audience_reason"], t.audience_reason);
}

TEST_P(LifecycleTest, UnauthorizedPersonOfAClientAlsoGoesToClientRelations) {
  Person p;
  p.name = "Sem Autorização";
  p.emails = {"sem@seger.es.gov.br"};
  p.organization_id = w.seger.id;
  p.roles = {{Role::requester, std::nullopt}};
  p = desk->directory().create_person(as(w.admin), {p, std::nullopt});
  Ticket t = register_sis(p);
  EXPECT_FALSE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.relations.id);
  EXPECT_THAT(t.audience_reason, ::testing::HasSubstr("requisitante autorizado"));
}

TEST_P(LifecycleTest, CitizensMayUseServicesOpenToAnyone) {
  app::RegisterRequest r;
  r.requester_id = w.citizen.id;
  r.service_code = "SUP-TEC";
  r.subject = "Não consigo emitir a segunda via";
  r.description = "O portal mostra erro 500 ao emitir o documento.";
  Ticket t = desk->intake().register_request(as(w.citizen), r);
  EXPECT_TRUE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.central.id);
  EXPECT_EQ(t.category, Category::technical_consultation);
  // ...but not a service for public servants.
  r.service_code = "EMAIL-INST";
  t = desk->intake().register_request(as(w.citizen), r);
  EXPECT_FALSE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.relations.id);
}

TEST_P(LifecycleTest, ProjectsCarryAnAgreedDeadline) {
  app::RegisterRequest r;
  r.requester_id = w.requester_seger.id;
  r.service_code = "PROJ-SIS";
  r.subject = "Novo sistema de diárias";
  r.description = "Substituir as planilhas de diárias por um sistema.";
  Ticket t = desk->intake().register_request(as(w.requester_seger), r);
  EXPECT_EQ(t.category, Category::project);
  EXPECT_FALSE(t.estimated_deadline.has_value());
  EXPECT_FALSE(t.agreed_deadline.has_value());  // "a combinar"
  const Instant agreed = clock.now() + std::chrono::days(90);
  t = desk->work().triage(as(w.attendant), t.id, {std::nullopt, std::nullopt, 2, 3, agreed});
  EXPECT_EQ(t.agreed_deadline, agreed);
}

TEST_P(LifecycleTest, ReopenWindowIsConfigurable) {
  auto config = desk->config();
  config.reopen_window = std::chrono::days(2);
  app::Desk short_window(database->db(), clock, config);
  Ticket t = register_sis(w.requester_seger);
  const auto attendant = as(w.attendant);
  short_window.work().route(attendant, t.id, w.sgsis.id, std::nullopt);
  short_window.work().resolve(as(w.analyst_sis), t.id, "Feito.", 5);
  clock.advance(std::chrono::days(2) + std::chrono::seconds(1));
  EXPECT_THROW(short_window.work().reopen(as(w.requester_seger), t.id, "Não funcionou"),
               DomainError);
  EXPECT_EQ(short_window.work().close_expired_resolutions(), 1);
}

TEST_P(LifecycleTest, LinksAreRecordedOnBothTickets) {
  Ticket a = register_sis(w.requester_seger, "SIGEFES fora do ar");
  Ticket b = register_sis(w.requester_sesa, "SIGEFES lento");
  a = desk->work().link(as(w.attendant), a.id, b.id, "related");
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].other_ticket_id, b.id);
  b = desk->tickets().ticket(as(w.attendant), b.id);
  ASSERT_EQ(b.links.size(), 1u);
  EXPECT_EQ(b.links[0].other_ticket_id, a.id);
}

GUICHE_ON_BOTH_ENGINES(LifecycleTest);

}  // namespace
}  // namespace guiche::testing
