// Nobody sees or changes a ticket, attachment or person they have no business
// with (docs/domain.md, "Principles"). What cannot be seen is not_found, never
// forbidden: the answer must not reveal that it exists.
#include <gmock/gmock.h>

#include <algorithm>
#include <map>

#include "app/accounts/accounts.hpp"
#include "app/attachments/attachments.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::_;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

constexpr const char* kPublicText = "Orientações para redefinir a senha do SIGEFES.\n";
constexpr const char* kInternalText = "Log interno do servidor de autenticação.\n";

class AuthorizationTest : public DeskTest {
 protected:
  // A SEGER request routed to SGSIS and in progress, with an internal note, a
  // time entry, a public and an internal attachment.
  struct WorkedTicket {
    Ticket ticket;
    store::AttachmentRecord public_file, internal_file;
  };

  WorkedTicket worked_ticket() {
    Ticket t = register_sis(w.requester_seger, "SIGEFES recusa a senha");
    t = desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
    const auto analyst = as(w.analyst_sis);
    desk->work().change_status(analyst, t.id, Status::in_progress);
    desk->work().add_internal_note(analyst, t.id, "Credencial provisória no cofre: zebraquadrada.");
    desk->work().log_time(analyst, t.id, 15, "Análise do log");
    auto public_file =
        desk->attachments().attach(analyst, t.id, "orientacoes.txt", kPublicText, true);
    auto internal_file =
        desk->attachments().attach(analyst, t.id, "log-servidor.txt", kInternalText, false);
    return {desk->tickets().ticket(analyst, t.id), public_file, internal_file};
  }

  // Another requester of SEGER (not a manager).
  Person seger_colleague(const app::Actor& by, std::optional<std::string> password = {}) {
    Person p;
    p.name = "Lúcia Servidora";
    p.login = "lucia.servidora";
    p.emails = {"lucia@seger.es.gov.br"};
    p.organization_id = w.seger.id;
    p.roles = {{Role::requester, std::nullopt}};
    return desk->directory().create_person(by, {p, std::move(password)});
  }

  std::vector<std::int64_t> visible_ids(const app::Actor& a, const std::string& text = "") {
    store::TicketFilter f;
    f.text = text;
    f.limit = 200;
    std::vector<std::int64_t> out;
    for (const auto& t : desk->tickets().list_tickets(a, f).tickets) out.push_back(t.id);
    std::sort(out.begin(), out.end());
    return out;
  }

  // Every agent-side action on `id`, each mapped to its outcome. Cheap to
  // call only when all are expected to fail (a success changes the ticket).
  std::map<std::string, std::string> agent_actions(const app::Actor& a, std::int64_t id) {
    return {
        {"triage", outcome([&] {
           desk->work().triage(a, id, {std::nullopt, std::nullopt, 2, 2, std::nullopt});
         })},
        {"route", outcome([&] { desk->work().route(a, id, w.sgdba.id, std::nullopt); })},
        {"assign", outcome([&] { desk->work().assign(a, id, std::nullopt); })},
        {"change_status",
         outcome([&] { desk->work().change_status(a, id, Status::pending_third_party); })},
        {"ask_requester", outcome([&] { desk->work().reply(a, id, "Qual é a matrícula?", true); })},
        {"resolve", outcome([&] { desk->work().resolve(a, id, "Senha redefinida.", 10); })},
        {"log_time", outcome([&] { desk->work().log_time(a, id, 5, "Verificação"); })},
        {"internal_note",
         outcome([&] { desk->work().add_internal_note(a, id, "Nota da equipe."); })},
    };
  }
};

std::vector<std::string> kinds_of(const std::vector<TicketEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.emplace_back(event_kind_code(e.kind));
  return out;
}

std::string message_of(const std::optional<DomainError>& e) {
  return e ? e->what() : "(none)";
}

TEST_P(AuthorizationTest, RequesterOfAnotherOrganizationFindsNothing) {
  const WorkedTicket x = worked_ticket();
  const Ticket& t = x.ticket;
  // The owner sees all of it, so the refusals below are about who asks.
  const auto owner = as(w.requester_seger);
  EXPECT_EQ(desk->tickets().ticket(owner, t.id).id, t.id);
  EXPECT_EQ(desk->tickets().ticket_by_protocol(owner, t.protocol).id, t.id);
  EXPECT_EQ(desk->attachments().attachments(owner, t.id).size(), 1u);
  EXPECT_EQ(desk->attachments().read_attachment(owner, x.public_file.id).bytes, kPublicText);
  EXPECT_THAT(visible_ids(owner), ElementsAre(t.id));
  EXPECT_THAT(visible_ids(owner, "sigefes"), ElementsAre(t.id));

  const auto stranger = as(w.requester_sesa);
  EXPECT_EQ(outcome([&] { desk->tickets().ticket(stranger, t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->tickets().ticket_by_protocol(stranger, t.protocol); }),
            "not_found");
  EXPECT_EQ(outcome([&] { desk->tickets().history(stranger, t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->attachments().attachments(stranger, t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->attachments().read_attachment(stranger, x.public_file.id); }),
            "not_found");
  EXPECT_EQ(outcome([&] { desk->attachments().read_attachment(stranger, x.internal_file.id); }),
            "not_found");
  EXPECT_THAT(visible_ids(stranger), IsEmpty());
  EXPECT_THAT(visible_ids(stranger, "SIGEFES"), IsEmpty());
  EXPECT_THAT(visible_ids(stranger, "senha"), IsEmpty());
  EXPECT_EQ(outcome([&] { desk->directory().person(stranger, w.requester_seger.id); }),
            "not_found");
  EXPECT_EQ(outcome([&] { desk->directory().person(stranger, w.manager_seger.id); }), "not_found");

  // The answers are exactly those for things that do not exist.
  const std::int64_t missing = 987654;
  EXPECT_EQ(message_of(error_of([&] { desk->tickets().ticket(stranger, t.id); })),
            message_of(error_of([&] { desk->tickets().ticket(stranger, missing); })));
  EXPECT_EQ(
      message_of(error_of([&] { desk->tickets().ticket_by_protocol(stranger, t.protocol); })),
      message_of(error_of([&] { desk->tickets().ticket_by_protocol(stranger, "2026-654321"); })));
  EXPECT_EQ(message_of(
                error_of([&] { desk->attachments().read_attachment(stranger, x.public_file.id); })),
            message_of(error_of([&] { desk->attachments().read_attachment(stranger, missing); })));
  EXPECT_EQ(message_of(error_of([&] { desk->directory().person(stranger, w.requester_seger.id); })),
            message_of(error_of([&] { desk->directory().person(stranger, missing); })));

  // A colleague of the same organization who is not its manager sees nothing either.
  const auto colleague = as(seger_colleague(as(w.admin)));
  EXPECT_EQ(outcome([&] { desk->tickets().ticket(colleague, t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->tickets().history(colleague, t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->attachments().read_attachment(colleague, x.public_file.id); }),
            "not_found");
  EXPECT_EQ(outcome([&] { desk->directory().person(colleague, w.requester_seger.id); }),
            "not_found");
  EXPECT_THAT(visible_ids(colleague, "SIGEFES"), IsEmpty());
}

TEST_P(AuthorizationTest, OrgManagerSeesEveryTicketOfTheirOrganizationAndNoOther) {
  const Ticket own = register_sis(w.requester_seger, "Planilha de férias");
  const Person colleague = seger_colleague(as(w.manager_seger));
  app::RegisterRequest r;
  r.requester_id = colleague.id;
  r.service_code = "SUP-TEC";
  r.subject = "Planilha não abre";
  r.description = "A planilha de diárias não abre no LibreOffice.";
  const Ticket by_phone = desk->intake().register_request(as(w.attendant, Channel::phone), r);
  const Ticket routed = desk->work().route(as(w.attendant), register_sis(w.requester_seger).id,
                                           w.sgsis.id, std::nullopt);
  const Ticket other_org = register_sis(w.requester_sesa, "Planilha da saúde");

  const auto manager = as(w.manager_seger);
  std::vector<std::int64_t> seger_ids{own.id, by_phone.id, routed.id};
  std::sort(seger_ids.begin(), seger_ids.end());
  EXPECT_EQ(visible_ids(manager), seger_ids);
  for (auto id : seger_ids) {
    EXPECT_EQ(desk->tickets().ticket(manager, id).organization_id, w.seger.id);
    EXPECT_FALSE(desk->tickets().history(manager, id).empty());
  }
  EXPECT_EQ(desk->directory().person(manager, colleague.id).id, colleague.id);
  EXPECT_EQ(outcome([&] { desk->tickets().ticket(manager, other_org.id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->tickets().history(manager, other_org.id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->directory().person(manager, w.requester_sesa.id); }), "not_found");
  // Changing someone of another organization is as impossible as changing nobody.
  Person moved = w.requester_sesa;
  moved.organization_id = w.seger.id;
  const auto foreign = error_of([&] { desk->directory().update_person(manager, moved); });
  ASSERT_TRUE(foreign.has_value());
  EXPECT_EQ(foreign->kind(), DomainError::Kind::not_found);
  moved.id = 987654;
  EXPECT_EQ(message_of(foreign),
            message_of(error_of([&] { desk->directory().update_person(manager, moved); })));
  EXPECT_EQ(desk->directory().person(as(w.admin), w.requester_sesa.id).organization_id, w.sesa.id);
  std::vector<std::int64_t> planilha{own.id, by_phone.id};
  std::sort(planilha.begin(), planilha.end());
  EXPECT_EQ(visible_ids(manager, "planilha"), planilha);

  // Filters narrow what may be seen; they never widen it.
  store::TicketFilter f;
  f.organization_id = w.sesa.id;
  EXPECT_THAT(desk->tickets().list_tickets(manager, f).tickets, IsEmpty());
  f = {};
  f.requester_id = w.requester_sesa.id;
  EXPECT_THAT(desk->tickets().list_tickets(manager, f).tickets, IsEmpty());
  f = {};
  f.unit_id = w.sgsis.id;
  ASSERT_EQ(desk->tickets().list_tickets(manager, f).tickets.size(), 1u);
  EXPECT_EQ(desk->tickets().list_tickets(manager, f).tickets[0].id, routed.id);
}

TEST_P(AuthorizationTest, RequestersNeverSeeInternalNotesNorInternalAttachments) {
  const WorkedTicket x = worked_ticket();
  const Ticket& t = x.ticket;
  for (const Person& p : {w.requester_seger, w.manager_seger}) {
    const auto requester_side = as(p);
    const auto events = desk->tickets().history(requester_side, t.id);
    EXPECT_THAT(kinds_of(events),
                ElementsAre("created", "routed", "status_changed", "attachment_added"))
        << p.name;
    for (const auto& e : events) {
      EXPECT_TRUE(e.is_public);
      EXPECT_EQ(e.data.dump().find("zebraquadrada"), std::string::npos);
      EXPECT_EQ(e.data.dump().find("log-servidor"), std::string::npos);
    }
    const auto files = desk->attachments().attachments(requester_side, t.id);
    ASSERT_EQ(files.size(), 1u) << p.name;
    EXPECT_EQ(files[0].id, x.public_file.id);
    EXPECT_EQ(
        outcome([&] { desk->attachments().read_attachment(requester_side, x.internal_file.id); }),
        "not_found")
        << p.name;
    // Not even as a yes/no answer through the search box.
    EXPECT_THAT(visible_ids(requester_side, "zebraquadrada"), IsEmpty()) << p.name;
  }
  // Staff working the ticket see everything.
  for (const Person& p : {w.analyst_sis, w.manager_gesin, w.attendant}) {
    const auto staff = as(p);
    EXPECT_THAT(kinds_of(desk->tickets().history(staff, t.id)),
                ElementsAre("created", "routed", "status_changed", "internal_note", "time_logged",
                            "attachment_added", "attachment_added"))
        << p.name;
    EXPECT_EQ(desk->attachments().attachments(staff, t.id).size(), 2u) << p.name;
    EXPECT_EQ(desk->attachments().read_attachment(staff, x.internal_file.id).bytes, kInternalText)
        << p.name;
  }
  // What a requester attaches is always public, whatever they ask for.
  const auto file = desk->attachments().attach(as(w.requester_seger), t.id, "print.txt",
                                               "Tela de erro.\n", false);
  EXPECT_TRUE(file.is_public);
}

TEST_P(AuthorizationTest, AnalystOutsideTheUnitNeitherSeesNorChangesTheTicket) {
  const WorkedTicket x = worked_ticket();
  const Ticket& t = x.ticket;
  for (const Person& p : {w.analyst_dba, w.relations_agent}) {
    const auto outsider = as(p);
    EXPECT_THAT(agent_actions(outsider, t.id), Each(Pair(_, "not_found"))) << p.name;
    EXPECT_EQ(outcome([&] { desk->work().cancel(outsider, t.id, "Duplicado"); }), "not_found");
    EXPECT_EQ(outcome([&] { desk->work().link(outsider, t.id, t.id + 1, "related"); }),
              "not_found");
    EXPECT_EQ(outcome([&] { desk->attachments().attach(outsider, t.id, "a.txt", "texto\n"); }),
              "not_found");
    EXPECT_EQ(outcome([&] { desk->tickets().ticket(outsider, t.id); }), "not_found");
    EXPECT_EQ(outcome([&] { desk->tickets().history(outsider, t.id); }), "not_found");
    EXPECT_EQ(outcome([&] { desk->attachments().attachments(outsider, t.id); }), "not_found");
    EXPECT_EQ(outcome([&] { desk->attachments().read_attachment(outsider, x.public_file.id); }),
              "not_found");
    EXPECT_THAT(visible_ids(outsider), IsEmpty());
  }
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), t.id).version, t.version);  // nothing moved
}

TEST_P(AuthorizationTest, TheUnitItsManagersAndTheCentralWorkTheTicket) {
  Ticket t = desk->work().route(as(w.attendant), register_sis(w.requester_seger).id, w.sgsis.id,
                                std::nullopt);
  const auto analyst = as(w.analyst_sis);
  t = desk->work().triage(analyst, t.id, {std::nullopt, std::nullopt, 2, 2, std::nullopt});
  t = desk->work().assign(analyst, t.id, w.analyst_sis.id);
  t = desk->work().change_status(analyst, t.id, Status::in_progress);
  t = desk->work().reply(analyst, t.id, "Qual é a sua matrícula?", true);
  EXPECT_EQ(t.status, Status::pending_requester);
  t = desk->work().add_internal_note(analyst, t.id, "Aguardando a matrícula.");
  t = desk->work().log_time(analyst, t.id, 5, "Conferência");

  // The manager of GESIN works SGSIS's tickets, which lie below it.
  const auto manager = as(w.manager_gesin);
  t = desk->work().change_status(manager, t.id, Status::in_progress);
  t = desk->work().add_internal_note(manager, t.id, "Priorizar: folha de março.");
  t = desk->work().resolve(manager, t.id, "Acesso criado.", 20);
  EXPECT_EQ(t.status, Status::resolved);

  // The central de serviços works any ticket, in any unit.
  Ticket dba = desk->work().route(as(w.attendant), register_sis(w.requester_sesa).id, w.sgdba.id,
                                  std::nullopt);
  EXPECT_EQ(outcome([&] { desk->tickets().ticket(manager, dba.id); }), "not_found");
  const auto attendant = as(w.attendant);
  dba = desk->work().change_status(attendant, dba.id, Status::in_progress);
  dba = desk->work().add_internal_note(attendant, dba.id, "Cliente ligou cobrando.");
  dba = desk->work().log_time(attendant, dba.id, 3, "Ligação");
  dba = desk->work().resolve(attendant, dba.id, "Orientado por telefone.", 5);
  EXPECT_EQ(dba.status, Status::resolved);

  // Routing away ends the analyst's access.
  Ticket moved =
      desk->work().route(attendant, register_sis(w.requester_seger).id, w.sgsis.id, std::nullopt);
  moved = desk->work().route(analyst, moved.id, w.sgdba.id, std::nullopt, "É banco de dados.");
  EXPECT_EQ(outcome([&] { desk->tickets().ticket(analyst, moved.id); }), "not_found");
  EXPECT_EQ(desk->tickets().ticket(as(w.analyst_dba), moved.id).unit_id, w.sgdba.id);
}

TEST_P(AuthorizationTest, RequesterSideCannotDoAgentWorkOnTheirOwnTicket) {
  const WorkedTicket x = worked_ticket();
  const Ticket& t = x.ticket;
  const Ticket other = register_sis(w.requester_seger, "Outro pedido");
  for (const Person& p : {w.requester_seger, w.manager_seger}) {
    const auto requester_side = as(p);
    EXPECT_THAT(agent_actions(requester_side, t.id), Each(Pair(_, "forbidden"))) << p.name;
    EXPECT_EQ(outcome([&] { desk->work().link(requester_side, t.id, other.id, "related"); }),
              "forbidden");
    EXPECT_EQ(
        outcome([&] { desk->work().change_status(requester_side, t.id, Status::in_progress); }),
        "forbidden");
  }
  // A plain reply is theirs to make.
  EXPECT_EQ(desk->work().reply(as(w.requester_seger), t.id, "Obrigada!").status,
            Status::in_progress);
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), t.id).version, t.version + 1);
}

TEST_P(AuthorizationTest, OnlyTheRequesterSideEvaluatesAndReopens) {
  Ticket t = desk->work().route(as(w.attendant), register_sis(w.requester_seger).id, w.sgsis.id,
                                std::nullopt);
  t = desk->work().resolve(as(w.analyst_sis), t.id, "Acesso criado.", 15);
  const Person colleague = seger_colleague(as(w.admin));
  for (const Person& p : {w.requester_sesa, colleague, w.analyst_dba}) {
    EXPECT_EQ(outcome([&] { desk->work().evaluate(as(p), t.id, 5, ""); }), "not_found") << p.name;
    EXPECT_EQ(outcome([&] { desk->work().reopen(as(p), t.id, "Não funcionou"); }), "not_found")
        << p.name;
  }
  for (const Person& p : {w.analyst_sis, w.manager_gesin, w.attendant, w.admin}) {
    EXPECT_EQ(outcome([&] { desk->work().evaluate(as(p), t.id, 5, ""); }), "forbidden") << p.name;
    EXPECT_EQ(outcome([&] { desk->work().reopen(as(p), t.id, "Não funcionou"); }), "forbidden")
        << p.name;
  }
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), t.id).version, t.version);
  // The organization's manager speaks for it; the requester reopens.
  t = desk->work().evaluate(as(w.manager_seger), t.id, 4, "Rápido.");
  EXPECT_EQ(t.rating, 4);
  t = desk->work().reopen(as(w.requester_seger), t.id, "Falta o perfil de consulta.");
  EXPECT_EQ(t.status, Status::reopened);
}

TEST_P(AuthorizationTest, OrgManagerProposalWaitsForTheCentralDeServicos) {
  const auto manager = as(w.manager_seger);
  const Person lucia = seger_colleague(manager);  // org managers register their requesters
  auto record = desk->authorizations().authorize_requester(
      manager, {w.seger.id, lucia.id, AuthorizationDocument::oficio, "Ofício 77/2026",
                Date{std::chrono::year{2026} / 3 / 1}});
  EXPECT_EQ(record.state, AuthorizationState::pending);
  EXPECT_EQ(record.entered_by, w.manager_seger.id);
  EXPECT_FALSE(record.decided_by.has_value());

  Ticket t = register_sis(lucia);
  EXPECT_FALSE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.relations.id);
  EXPECT_THAT(t.audience_reason, ::testing::HasSubstr("não é requisitante autorizado"));

  for (const Person& p : {lucia, w.requester_seger, w.manager_seger, w.analyst_sis, w.manager_gesin,
                          w.relations_agent}) {
    EXPECT_EQ(outcome([&] { desk->authorizations().decide_authorization(as(p), record.id, true); }),
              "forbidden")
        << p.name;
  }
  record = desk->authorizations().decide_authorization(as(w.attendant), record.id, true);
  EXPECT_EQ(record.state, AuthorizationState::confirmed);
  EXPECT_EQ(record.decided_by, w.attendant.id);
  EXPECT_EQ(outcome([&] {
              desk->authorizations().decide_authorization(as(w.attendant), record.id, false);
            }),
            "conflict");

  t = register_sis(lucia);
  EXPECT_TRUE(t.audience_admitted);
  EXPECT_EQ(t.unit_id, w.central.id);
}

TEST_P(AuthorizationTest, RevocationWaitsForConfirmationKeepsTheRecordAndEndsOnItsDate) {
  const auto manager = as(w.manager_seger);
  const auto find = [&](std::int64_t person_id) {
    for (const auto& r : desk->authorizations().authorizations(manager, w.seger.id)) {
      if (r.person_id == person_id) return r;
    }
    ADD_FAILURE() << "no authorization for person " << person_id;
    return AuthorizedRequester{};
  };
  const Date last_day{std::chrono::year{2026} / 3 / 10};
  auto record = desk->authorizations().revoke_authorization(
      manager, find(w.requester_seger.id).id, last_day, "Servidora cedida a outro órgão.");
  EXPECT_FALSE(record.valid_until.has_value());
  EXPECT_EQ(record.revocation_requested_until, last_day);
  EXPECT_TRUE(register_sis(w.requester_seger).audience_admitted);  // not yet confirmed
  EXPECT_EQ(outcome([&] {
              desk->authorizations().decide_authorization(as(w.requester_seger), record.id, true);
            }),
            "forbidden");

  record = desk->authorizations().decide_authorization(as(w.attendant), record.id, true);
  EXPECT_EQ(record.valid_until, last_day);
  EXPECT_EQ(record.revoked_by, w.attendant.id);
  EXPECT_FALSE(record.revocation_requested_until.has_value());
  // Revoking keeps the record.
  const auto kept = find(w.requester_seger.id);
  EXPECT_EQ(kept.id, record.id);
  EXPECT_EQ(kept.state, AuthorizationState::confirmed);
  EXPECT_EQ(kept.valid_until, last_day);
  EXPECT_EQ(kept.document_number, "Ofício 45/2026");

  // The last day counts in Vitória's time, then the requests go to client relations.
  clock.set(*parse_instant("2026-03-11T02:59:00Z"));  // 23:59 on the 10th in Vitória
  EXPECT_TRUE(register_sis(w.requester_seger).audience_admitted);
  clock.set(*parse_instant("2026-03-11T03:00:00Z"));
  const Ticket after = register_sis(w.requester_seger);
  EXPECT_FALSE(after.audience_admitted);
  EXPECT_EQ(after.unit_id, w.relations.id);

  // A revocation the central turns down leaves the authorization as it was.
  auto other = desk->authorizations().revoke_authorization(
      manager, find(w.manager_seger.id).id, Date{std::chrono::year{2026} / 3 / 31}, "Engano.");
  other = desk->authorizations().decide_authorization(as(w.attendant), other.id, false);
  EXPECT_FALSE(other.valid_until.has_value());
  EXPECT_FALSE(other.revocation_requested_until.has_value());
  EXPECT_TRUE(register_sis(w.manager_seger).audience_admitted);
}

TEST_P(AuthorizationTest, OrgManagerKeepsOnlyTheirOwnOrganizationsList) {
  const auto manager = as(w.manager_seger);
  const auto sesa_records = desk->authorizations().authorizations(as(w.attendant), w.sesa.id);
  ASSERT_EQ(sesa_records.size(), 1u);
  const auto authorizations_before = count("authorizations");
  const Date day{std::chrono::year{2026} / 3 / 1};

  EXPECT_EQ(outcome([&] { desk->authorizations().authorizations(manager, w.sesa.id); }),
            "not_found");
  EXPECT_EQ(outcome([&] {
              desk->authorizations().authorize_requester(
                  manager,
                  {w.sesa.id, w.requester_sesa.id, AuthorizationDocument::oficio, "Ofício 1", day});
            }),
            "not_found");
  EXPECT_EQ(outcome([&] {
              desk->authorizations().revoke_authorization(manager, sesa_records[0].id, day, "x");
            }),
            "not_found");
  for (const Person& p : {w.requester_seger, w.requester_sesa}) {
    EXPECT_EQ(outcome([&] { desk->authorizations().authorizations(as(p), w.seger.id); }),
              "not_found")
        << p.name;
    EXPECT_EQ(outcome([&] {
                desk->authorizations().authorize_requester(
                    as(p), {w.seger.id, p.id, AuthorizationDocument::oficio, "Ofício 2", day});
              }),
              "not_found")
        << p.name;
  }
  // Naming someone of another organization tells no more than naming nobody.
  const auto into_seger = [&](std::int64_t person_id) {
    return error_of([&] {
      desk->authorizations().authorize_requester(
          manager, {w.seger.id, person_id, AuthorizationDocument::oficio, "Ofício 3", day});
    });
  };
  const auto foreign = into_seger(w.requester_sesa.id);
  ASSERT_TRUE(foreign.has_value());
  EXPECT_EQ(foreign->kind(), DomainError::Kind::validation);
  EXPECT_EQ(message_of(foreign), message_of(into_seger(987654)));
  EXPECT_EQ(count("authorizations"), authorizations_before);
}

TEST_P(AuthorizationTest, ConfirmationCanBeSwitchedOffPerOrganization) {
  Organization seger = w.seger;
  seger.authorization_changes_need_confirmation = false;
  desk->directory().update_organization(as(w.admin), seger);
  const Person lucia = seger_colleague(as(w.manager_seger));
  const auto record = desk->authorizations().authorize_requester(
      as(w.manager_seger), {w.seger.id, lucia.id, AuthorizationDocument::contract,
                            "Contrato 012/2025", Date{std::chrono::year{2026} / 3 / 1}});
  EXPECT_EQ(record.state, AuthorizationState::confirmed);
  EXPECT_TRUE(register_sis(lucia).audience_admitted);
}

TEST_P(AuthorizationTest, InitialPasswordMustBeChangedBeforeAnythingElse) {
  const Ticket someone_elses = register_sis(w.requester_seger);
  const Person lucia = seger_colleague(as(w.admin), "Prodest#2026");
  EXPECT_TRUE(lucia.must_change_password);
  desk->authorizations().authorize_requester(
      as(w.attendant), {w.seger.id, lucia.id, AuthorizationDocument::oficio, "Ofício 90/2026",
                        Date{std::chrono::year{2026} / 3 / 1}});
  const auto signed_in = desk->accounts().authenticate("lucia.servidora", "Prodest#2026");
  ASSERT_TRUE(signed_in.has_value());
  EXPECT_TRUE(signed_in->must_change_password);

  const auto tickets_before = count("tickets");
  const auto first = as(lucia);
  app::RegisterRequest r;
  r.requester_id = lucia.id;
  r.service_code = "SUP-TEC";
  r.subject = "Impressora";
  r.description = "A impressora não imprime.";
  const auto everything = [&] {
    const auto id = someone_elses.id;
    return std::map<std::string, std::string>{
        {"register_request", outcome([&] { desk->intake().register_request(first, r); })},
        {"list_tickets", outcome([&] { desk->tickets().list_tickets(first, {}); })},
        {"ticket", outcome([&] { desk->tickets().ticket(first, id); })},
        {"ticket_by_protocol",
         outcome([&] { desk->tickets().ticket_by_protocol(first, "2026-000001"); })},
        {"history", outcome([&] { desk->tickets().history(first, id); })},
        {"attachments", outcome([&] { desk->attachments().attachments(first, id); })},
        {"read_attachment", outcome([&] { desk->attachments().read_attachment(first, 1); })},
        {"attach", outcome([&] { desk->attachments().attach(first, id, "a.txt", "texto\n"); })},
        {"reply", outcome([&] { desk->work().reply(first, id, "Olá"); })},
        {"evaluate", outcome([&] { desk->work().evaluate(first, id, 5, ""); })},
        {"reopen", outcome([&] { desk->work().reopen(first, id, "De novo"); })},
        {"cancel", outcome([&] { desk->work().cancel(first, id, "Engano"); })},
        {"services", outcome([&] { desk->directory().services(first); })},
        {"service_by_code", outcome([&] { desk->directory().service_by_code(first, "SUP-TEC"); })},
        {"organizations", outcome([&] { desk->directory().organizations(first); })},
        {"person", outcome([&] { desk->directory().person(first, lucia.id); })},
        {"find_people", outcome([&] { desk->directory().find_people(first, "Maria"); })},
        {"authorizations",
         outcome([&] { desk->authorizations().authorizations(first, w.seger.id); })},
    };
  };
  EXPECT_THAT(everything(), Each(Pair(_, "forbidden")));

  // Wrong or unchanged passwords do not count.
  auto e = error_of([&] { desk->accounts().change_password(first, "errada-123", "Nova-senha-1"); });
  ASSERT_TRUE(e.has_value());
  EXPECT_TRUE(names_field(*e, "current_password"));
  e = error_of([&] { desk->accounts().change_password(first, "Prodest#2026", "Prodest#2026"); });
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->kind(), DomainError::Kind::validation);
  e = error_of([&] { desk->accounts().change_password(first, "Prodest#2026", "curta"); });
  ASSERT_TRUE(e.has_value());
  EXPECT_TRUE(names_field(*e, "password"));
  EXPECT_EQ(outcome([&] { desk->tickets().list_tickets(as(lucia), {}); }), "forbidden");
  EXPECT_EQ(count("tickets"), tickets_before);

  desk->accounts().change_password(first, "Prodest#2026", "Nova-senha-segura-1");
  EXPECT_FALSE(desk->accounts().authenticate("lucia.servidora", "Prodest#2026").has_value());
  const auto signed_again = desk->accounts().authenticate("lucia.servidora", "Nova-senha-segura-1");
  ASSERT_TRUE(signed_again.has_value());
  EXPECT_FALSE(signed_again->must_change_password);
  const auto now = as(lucia);
  const Ticket own = desk->intake().register_request(now, r);
  EXPECT_TRUE(own.audience_admitted);
  EXPECT_THAT(visible_ids(now), ElementsAre(own.id));
}

GUICHE_ON_BOTH_ENGINES(AuthorizationTest);

}  // namespace
}  // namespace guiche::testing
