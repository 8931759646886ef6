// Answer templates, solution templates, macros and bulk actions (issue 19,
// items 2 and 4) on both engines: placeholders filled from the ticket; who
// is offered and who keeps which templates; a macro's steps all or nothing,
// each use an event; a bulk action through the single use cases, naming the
// tickets it skipped.
#include <gmock/gmock.h>

#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "app/expect_error.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/incidents/status_notices.hpp"
#include "app/tickets/bulk_actions.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"
#include "support/incident_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AnswerMacrosTest : public DeskTest {
 protected:
  AnswerTemplate save_template(const Person& who, TemplateKind kind, const std::string& title,
                               const std::string& body,
                               std::optional<std::int64_t> unit = std::nullopt) {
    AnswerTemplate t;
    t.kind = kind;
    t.title = title;
    t.body = body;
    t.unit_id = unit;
    return desk->answer_templates().save(as(who), t);
  }
  Ticket at_sgsis(const std::string& subject = "Acesso ao SIGEFES") {
    return desk->work().route(as(w.attendant), register_sis(w.requester_seger, subject).id,
                              w.sgsis.id, w.analyst_sis.id);
  }
  std::vector<std::string> kinds(const Ticket& t) {
    std::vector<std::string> out;
    for (const auto& e : desk->tickets().history(as(w.admin), t.id)) {
      out.emplace_back(event_kind_code(e.kind));
    }
    return out;
  }
  std::vector<std::string> titles(const std::vector<AnswerTemplate>& ts) {
    std::vector<std::string> out;
    for (const auto& t : ts) out.push_back(t.title);
    return out;
  }
};

TEST_P(AnswerMacrosTest, PlaceholdersAreFilledFromTheTicket) {
  const auto t = at_sgsis();
  const auto tpl = save_template(
      w.admin, TemplateKind::answer, "Recebido",
      "Olá, {{solicitante}}. A SA {{protocolo}} ({{servico}}: {{assunto}}) vence em {{prazo}}. "
      "{{atendente}}");
  const auto text = desk->answer_templates().fill(as(w.analyst_sis), tpl.id, t.id);
  EXPECT_THAT(text, HasSubstr("Olá, Maria Solicitante. A SA " + t.protocol));
  EXPECT_THAT(text, HasSubstr(w.sis_access.name + ": Acesso ao SIGEFES"));
  EXPECT_THAT(text, HasSubstr("/2026 às "));
  EXPECT_THAT(text, HasSubstr("Sofia Analista"));
  // Filled verbatim: escaping is the page's (the template engine's HTML part is not used).
  const auto amp =
      save_template(w.admin, TemplateKind::answer, "E comercial", "A & B {{protocolo}}");
  EXPECT_EQ(desk->answer_templates().fill(as(w.analyst_sis), amp.id, t.id), "A & B " + t.protocol);
  // Only for a ticket the agent works.
  EXPECT_EQ(outcome([&] { desk->answer_templates().fill(as(w.analyst_dba), tpl.id, t.id); }),
            "not_found");
}

TEST_P(AnswerMacrosTest, ABadTextIsRefusedAndNothingIsKept) {
  const auto before = count("answer_templates");
  EXPECT_EQ(outcome([&] {
              save_template(w.admin, TemplateKind::answer, "Errado", "Olá, {{nome_errado}}.");
            }),
            "validation");
  EXPECT_EQ(
      outcome([&] { save_template(w.admin, TemplateKind::answer, "Errado", "Olá, {{#x}}."); }),
      "validation");
  EXPECT_EQ(outcome([&] { save_template(w.admin, TemplateKind::answer, "", "Olá."); }),
            "validation");
  EXPECT_EQ(count("answer_templates"), before);
}

TEST_P(AnswerMacrosTest, UnitManagersKeepTheirUnitsTemplatesAndAgentsFindTheirOwnWhileTyping) {
  // GESIN's manager keeps SGSIS's (below GESIN), not SGDBA's nor shared ones.
  const auto sis = save_template(w.manager_gesin, TemplateKind::answer, "Senha redefinida",
                                 "Sua senha foi redefinida.", w.sgsis.id);
  EXPECT_EQ(outcome([&] {
              save_template(w.manager_gesin, TemplateKind::answer, "DBA", "Texto.", w.sgdba.id);
            }),
            "forbidden");
  EXPECT_EQ(
      outcome([&] { save_template(w.manager_gesin, TemplateKind::answer, "Geral", "Texto."); }),
      "forbidden");
  EXPECT_EQ(outcome([&] {
              save_template(w.analyst_sis, TemplateKind::answer, "Meu", "Texto.", w.sgsis.id);
            }),
            "forbidden");
  auto& answers = desk->answer_templates();
  save_template(w.admin, TemplateKind::answer, "Acesso à rede", "Verifique o cabo.");
  save_template(w.admin, TemplateKind::solution, "Senha trocada", "Senha trocada.");
  const auto dba =
      save_template(w.admin, TemplateKind::answer, "Backup da base", "Restaurado.", w.sgdba.id);
  // Moving SGDBA's into SGSIS is keeping SGDBA's: not GESIN's manager's to do (nor to see).
  auto moved = dba;
  moved.unit_id = w.sgsis.id;
  EXPECT_EQ(outcome([&] { desk->answer_templates().save(as(w.manager_gesin), moved); }),
            "not_found");
  // A shared one they see but do not keep.
  auto shared = answers.offered(as(w.manager_gesin), TemplateKind::answer, "rede").front();
  shared.unit_id = w.sgsis.id;
  EXPECT_EQ(outcome([&] { answers.save(as(w.manager_gesin), shared); }), "forbidden");

  // Accents and case aside, every word typed; answers only.
  EXPECT_THAT(titles(answers.offered(as(w.analyst_sis), TemplateKind::answer, "SENHÁ")),
              ::testing::ElementsAre("Senha redefinida"));
  EXPECT_THAT(titles(answers.offered(as(w.analyst_sis), TemplateKind::answer, "")),
              ::testing::ElementsAre("Acesso à rede", "Senha redefinida"));
  EXPECT_THAT(titles(answers.offered(as(w.analyst_dba), TemplateKind::answer, "")),
              ::testing::ElementsAre("Acesso à rede", "Backup da base"));
  EXPECT_THAT(titles(answers.offered(as(w.analyst_sis), TemplateKind::solution, "senha")),
              ::testing::ElementsAre("Senha trocada"));
  EXPECT_THAT(titles(answers.kept(as(w.manager_gesin))),
              ::testing::ElementsAre("Senha redefinida"));
  EXPECT_EQ(outcome([&] { answers.get(as(w.analyst_dba), sis.id); }), "not_found");
  EXPECT_EQ(outcome([&] { answers.offered(as(w.requester_seger), TemplateKind::answer, ""); }),
            "forbidden");
  EXPECT_EQ(outcome([&] { answers.kept(as(w.analyst_sis)); }), "forbidden");
  // Deactivated: kept, no longer offered.
  auto off = sis;
  off.active = false;
  answers.save(as(w.manager_gesin), off);
  EXPECT_THAT(titles(answers.offered(as(w.analyst_sis), TemplateKind::answer, "senha")),
              ::testing::IsEmpty());
}

TEST_P(AnswerMacrosTest, AMacroAnswersAndResolvesInOneWriteAndEachUseIsAnEvent) {
  const auto reply = save_template(w.admin, TemplateKind::answer, "Senha redefinida",
                                   "Olá, {{solicitante}}. Sua senha foi redefinida.");
  const auto solution = save_template(w.admin, TemplateKind::solution, "Senha redefinida",
                                      "Senha redefinida por {{atendente}}.");
  TicketMacro m;
  m.name = "Senha redefinida — resolver";
  m.reply_template_id = reply.id;
  m.set_status = Status::resolved;
  m.solution_template_id = solution.id;
  m.minutes = 10;
  m = desk->macros().save(as(w.admin), m);

  auto t = at_sgsis();
  const auto events_before = kinds(t).size();
  t = desk->macros().apply(as(w.analyst_sis), m.id, t.id);
  EXPECT_EQ(t.status, Status::resolved);
  EXPECT_EQ(t.resolution, "Senha redefinida por Sofia Analista.");
  EXPECT_EQ(t.time_spent_minutes, 10);
  const auto after = kinds(t);
  EXPECT_THAT(
      std::vector<std::string>(after.begin() + static_cast<long>(events_before), after.end()),
      ::testing::ElementsAre("macro_applied", "public_reply", "resolved"));
  const auto history = desk->tickets().history(as(w.admin), t.id);
  const auto& used = history[events_before];
  EXPECT_FALSE(used.is_public);
  EXPECT_EQ(used.data.value("macro_name", ""), "Senha redefinida — resolver");
  // The same moment for all: one write.
  EXPECT_EQ(history.back().at, used.at);
  // The requester sees the reply, not the macro.
  for (const auto& e : desk->tickets().history(as(w.requester_seger), t.id)) {
    EXPECT_NE(e.kind, EventKind::macro_applied);
  }

  // A second use, a second event.
  TicketMacro note;
  note.name = "Em atendimento";
  note.set_status = Status::in_progress;
  note.minutes = 5;
  note = desk->macros().save(as(w.admin), note);
  auto t2 = at_sgsis("Outro acesso");
  desk->macros().apply(as(w.analyst_sis), note.id, t2.id);
  // Already in progress: the minutes are logged, the status stays.
  t2 = desk->macros().apply(as(w.analyst_sis), note.id, t2.id);
  EXPECT_EQ(t2.time_spent_minutes, 10);
  const auto t2_kinds = kinds(t2);
  EXPECT_EQ(std::count(t2_kinds.begin(), t2_kinds.end(), "macro_applied"), 2);
  EXPECT_EQ(std::count(t2_kinds.begin(), t2_kinds.end(), "status_changed"), 1);
}

TEST_P(AnswerMacrosTest, AMacrosStepsAreAllOrNothing) {
  const auto reply =
      save_template(w.admin, TemplateKind::answer, "Aguarde", "Aguarde, {{solicitante}}.");
  TicketMacro m;
  m.name = "Responder e começar";
  m.reply_template_id = reply.id;
  m.set_status = Status::in_progress;
  m = desk->macros().save(as(w.admin), m);
  // Waiting for triage: the reply could be sent, the status cannot move.
  const auto t = register_sis(w.requester_seger);
  const auto before = kinds(t);
  const auto outbox = count("outbox");
  EXPECT_EQ(outcome([&] { desk->macros().apply(as(w.attendant), m.id, t.id); }), "conflict");
  EXPECT_EQ(kinds(t), before);
  EXPECT_EQ(count("outbox"), outbox);
  // Who does not work the ticket applies nothing; a macro of another unit is unknown.
  const auto routed = at_sgsis();
  EXPECT_EQ(outcome([&] { desk->macros().apply(as(w.analyst_dba), m.id, routed.id); }),
            "not_found");
  TicketMacro dba;
  dba.name = "Do DBA";
  dba.unit_id = w.sgdba.id;
  dba.minutes = 5;
  dba = desk->macros().save(as(w.admin), dba);
  EXPECT_EQ(outcome([&] { desk->macros().apply(as(w.analyst_sis), dba.id, routed.id); }),
            "not_found");
}

TEST_P(AnswerMacrosTest, AMacroIsCheckedWhenKept) {
  const auto dba_reply =
      save_template(w.admin, TemplateKind::answer, "Do DBA", "Texto.", w.sgdba.id);
  const auto before = count("ticket_macros");
  auto attempt = [&](const Person& who, auto change) {
    TicketMacro m;
    m.name = "Macro";
    m.unit_id = w.sgsis.id;
    m.minutes = 5;
    change(m);
    return outcome([&] { desk->macros().save(as(who), m); });
  };
  EXPECT_EQ(attempt(w.manager_gesin, [](TicketMacro& m) { m.minutes.reset(); }), "validation");
  EXPECT_EQ(attempt(w.manager_gesin, [&](TicketMacro& m) { m.reply_template_id = dba_reply.id; }),
            "validation");  // another unit's template
  EXPECT_EQ(attempt(w.manager_gesin, [](TicketMacro& m) { m.set_status = Status::resolved; }),
            "validation");  // no solution
  EXPECT_EQ(attempt(w.manager_gesin, [](TicketMacro& m) { m.set_status = Status::cancelled; }),
            "validation");
  EXPECT_EQ(attempt(w.manager_gesin,
                    [&](TicketMacro& m) {
                      m.set_status = Status::in_progress;
                      m.route_unit_id = w.sgdba.id;
                    }),
            "validation");
  EXPECT_EQ(attempt(w.manager_gesin, [&](TicketMacro& m) { m.unit_id = w.sgdba.id; }), "forbidden");
  EXPECT_EQ(attempt(w.analyst_sis, [](TicketMacro&) {}), "forbidden");
  EXPECT_EQ(count("ticket_macros"), before);
  EXPECT_EQ(attempt(w.manager_gesin, [](TicketMacro&) {}), "ok");
}

TEST_P(AnswerMacrosTest, ABulkActionGoesThroughEachTicketsOwnRulesAndNamesWhatItSkipped) {
  const auto a = at_sgsis("Um");
  const auto b = at_sgsis("Dois");
  // SGDBA's ticket: Sofia (SGSIS) does not see it.
  const auto dba = desk->work().route(as(w.attendant), register_sis(w.requester_seger, "DBA").id,
                                      w.sgdba.id, std::nullopt);
  app::BulkAction start;
  start.kind = app::BulkAction::Kind::status;
  start.status = Status::in_progress;
  const auto report =
      desk->bulk().apply(as(w.analyst_sis), {a.id, dba.id, b.id, a.id, 987654}, start);
  EXPECT_EQ(report.done, 2);
  EXPECT_EQ(report.skipped, 2);
  ASSERT_EQ(report.tickets.size(), 4u);
  EXPECT_TRUE(report.tickets[0].done);
  EXPECT_EQ(report.tickets[0].protocol, a.protocol);
  EXPECT_FALSE(report.tickets[1].done);
  EXPECT_EQ(report.tickets[1].protocol, "");  // nothing told of a ticket not seen
  EXPECT_EQ(report.tickets[1].reason, "Chamado não encontrado.");
  EXPECT_EQ(report.tickets[3].ticket_id, 987654);
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), dba.id).status, Status::assigned);
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), b.id).status, Status::in_progress);
  // Each ticket its own events.
  const auto a_kinds = kinds(a);
  EXPECT_EQ(std::count(a_kinds.begin(), a_kinds.end(), "status_changed"), 1);

  // Once more: the rule refuses what is already done, and says so per ticket.
  const auto again = desk->bulk().apply(as(w.analyst_sis), {a.id}, start);
  EXPECT_EQ(again.skipped, 1);
  EXPECT_THAT(again.tickets[0].reason, HasSubstr("Não é possível passar o chamado"));

  // The attendant routes both to SGDBA; a macro applies to each.
  app::BulkAction route;
  route.kind = app::BulkAction::Kind::route;
  route.unit_id = w.sgdba.id;
  EXPECT_EQ(desk->bulk().apply(as(w.attendant), {a.id, b.id}, route).done, 2);
  TicketMacro m;
  m.name = "Apontar";
  m.minutes = 15;
  m = desk->macros().save(as(w.admin), m);
  app::BulkAction apply;
  apply.kind = app::BulkAction::Kind::macro;
  apply.macro_id = m.id;
  const auto applied = desk->bulk().apply(as(w.analyst_dba), {a.id, b.id}, apply);
  EXPECT_EQ(applied.done, 2);
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), a.id).time_spent_minutes, 15);

  std::vector<std::int64_t> many(101);
  for (std::size_t i = 0; i < many.size(); ++i) many[i] = static_cast<std::int64_t>(i) + 1;
  EXPECT_EQ(outcome([&] { desk->bulk().apply(as(w.attendant), many, route); }), "validation");
  EXPECT_EQ(outcome([&] { desk->bulk().apply(as(w.attendant), {}, route); }), "validation");
  EXPECT_EQ(outcome([&] { desk->bulk().apply(as(w.requester_seger), {a.id}, route); }),
            "forbidden");
}

TEST_P(AnswerMacrosTest, ABulkLinkToANoticeIsEachTicketsOwnLink) {
  const auto i = add_incident_world(*desk, w, as(w.admin));
  app::ReportIncident report;
  report.component_ids = {i.sigefes.id};
  report.impact = "o lançamento da folha";
  const auto notice = desk->status_notices().report_incident(as(w.attendant), report).notice.id;
  const auto a = at_sgsis("Folha fora");
  const auto b = at_sgsis("Folha não abre");
  app::BulkAction link;
  link.kind = app::BulkAction::Kind::notice;
  link.notice_id = notice;
  const auto report_of = desk->bulk().apply(as(w.analyst_sis), {a.id, b.id}, link);
  EXPECT_EQ(report_of.done, 2);
  for (const auto& t : {a, b}) {
    const auto k = kinds(t);
    EXPECT_EQ(std::count(k.begin(), k.end(), "notice_linked"), 1) << t.protocol;
    EXPECT_EQ(desk->notice_tickets().ticket_notices(as(w.admin), t.id).size(), 1u);
  }
  // An unknown notice: every ticket skipped, with the notice's own message.
  link.notice_id = 987654;
  const auto unknown = desk->bulk().apply(as(w.analyst_sis), {a.id}, link);
  EXPECT_EQ(unknown.skipped, 1);
  EXPECT_FALSE(unknown.tickets[0].reason.empty());
}

GUICHE_ON_BOTH_ENGINES(AnswerMacrosTest);

}  // namespace
}  // namespace guiche::testing
