// Tickets (SAs) linked to a status notice, through the application layer on
// both engines (app/incidents/notice_tickets.hpp): the desk links and
// unlinks them, idempotently, each change an internal event of the notice
// and of the ticket; who may not see the ticket or read the notice changes
// nothing; a request for a service with an open, published incident finds
// it ("already known"); once restored, the linked SAs still open are
// resolved with one note through the ticket use cases, each requester told
// on their own channel, and what could not be resolved is told back.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/expect_error.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/outbox_rows.hpp"
#include "support/incident_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

using Result = app::LinkedTicketOutcome::Result;

class NoticeTicketsTest : public IncidentTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = IncidentTest::desk_config();
    c.notice_channels = {"email", "whatsapp"};
    return c;
  }
  void SetUp() override {
    IncidentTest::SetUp();
    // SIGEFES is the catalog's SIS-ACESSO, for the "already known" search.
    sigefes.service_id = w.sis_access.id;
    sigefes = desk->status_components().update_component(as(w.admin), sigefes);
  }
  app::NoticeTickets& links() { return desk->notice_tickets(); }
  std::vector<TicketEvent> history(const Ticket& t) {
    return desk->tickets().history(as(w.admin), t.id);
  }
  std::vector<NoticeEvent> timeline(std::int64_t notice_id) {
    return desk->status_notices().notice(as(w.admin), notice_id).events;
  }
  // "channel -> address" of the ticket's resolution notices.
  std::vector<std::string> resolution_sent(const Ticket& t) {
    std::vector<std::string> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::messages_of_ticket(c, t.id)) {
        if (m.template_key == "resolution") out.push_back(m.channel + " -> " + m.recipient_address);
      }
    });
    return out;
  }
  std::vector<std::int64_t> known(const std::optional<Person>& viewer, const Service& s) {
    std::vector<std::int64_t> ids;
    for (const auto& n : links().known_incidents(viewer, s.id)) ids.push_back(n.id);
    return ids;
  }
};

TEST_P(NoticeTicketsTest, LinkingAndUnlinkingAreEventsOfBothAndIdempotent) {
  const auto id = report_sigefes(w.attendant).notice.id;
  const auto t = register_sis(w.requester_seger, "SIGEFES fora do ar");
  const auto events_before = timeline(id).size();

  auto v = links().link_ticket(as(w.attendant), id, t.id);
  EXPECT_THAT(v.ticket_ids, ElementsAre(t.id));
  ASSERT_EQ(v.tickets.size(), 1u);
  EXPECT_EQ(v.tickets[0].protocol, t.protocol);
  EXPECT_EQ(v.tickets[0].subject, "SIGEFES fora do ar");
  EXPECT_EQ(v.tickets[0].requester_name, "Maria Solicitante");
  EXPECT_EQ(v.tickets[0].status, Status::new_);
  EXPECT_TRUE(v.tickets[0].visible);
  ASSERT_EQ(v.events.size(), events_before + 1);
  const auto& linked = v.events.back();
  EXPECT_EQ(linked.action, NoticeAction::link_ticket);
  EXPECT_EQ(linked.state_after, NoticeState::reported) << "the state stays";
  EXPECT_EQ(linked.actor_id, w.attendant.id);
  EXPECT_EQ(linked.data["protocol"], t.protocol);
  EXPECT_FALSE(linked.message);
  EXPECT_FALSE(linked.published_at);
  EXPECT_FALSE(v.has_drafts);
  const auto last = history(t).back();
  EXPECT_EQ(last.kind, EventKind::notice_linked);
  EXPECT_FALSE(last.is_public) << "the notice may not be public";
  EXPECT_EQ(last.data["notice_id"], id);
  EXPECT_EQ(last.data["notice_title"], "Possível incidente: SIGEFES");
  ASSERT_EQ(links().ticket_notices(as(w.attendant), t.id).size(), 1u);
  EXPECT_EQ(links().ticket_notices(as(w.attendant), t.id)[0].id, id);
  // The requester's own history shows nothing of it.
  for (const auto& e : desk->tickets().history(as(w.requester_seger), t.id)) {
    EXPECT_NE(e.kind, EventKind::notice_linked);
  }

  // Again: nothing new anywhere.
  const auto ticket_events = history(t).size();
  v = links().link_ticket(as(w.admin), id, t.id);
  EXPECT_EQ(v.events.size(), events_before + 1);
  EXPECT_EQ(history(t).size(), ticket_events);
  EXPECT_EQ(count("status_notice_tickets"), 1);

  v = links().unlink_ticket(as(w.attendant), id, t.id);
  EXPECT_THAT(v.ticket_ids, IsEmpty());
  EXPECT_EQ(v.events.back().action, NoticeAction::unlink_ticket);
  EXPECT_EQ(history(t).back().kind, EventKind::notice_unlinked);
  EXPECT_THAT(links().ticket_notices(as(w.attendant), t.id), IsEmpty());
  const auto after_unlink = history(t).size();
  v = links().unlink_ticket(as(w.attendant), id, t.id);
  EXPECT_EQ(v.events.size(), events_before + 2);
  EXPECT_EQ(history(t).size(), after_unlink);
  // Linking takes no step of the norm: the status page hears nothing.
  EXPECT_FALSE(desk->status_notices().notice(as(w.admin), id).notice.public_state);
}

TEST_P(NoticeTicketsTest, WhoMayNotSeeTheTicketOrReadTheNoticeChangesNothing) {
  const auto id = report_sigefes(w.manager_seger).notice.id;  // a client manager's report
  const auto t = register_sis(w.requester_seger);
  const auto notice_events = timeline(id).size();
  const auto ticket_events = history(t).size();
  // The requester: the notice is not theirs to read.
  EXPECT_EQ(outcome([&] { links().link_ticket(as(w.requester_seger), id, t.id); }), "not_found");
  // The manager who reported it reads it, but keeps no links.
  EXPECT_EQ(outcome([&] { links().link_ticket(as(w.manager_seger), id, t.id); }), "forbidden");
  // Staff who may not see the ticket (another unit's analyst, ASCOM).
  EXPECT_EQ(outcome([&] { links().link_ticket(as(w.analyst_dba), id, t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { links().link_ticket(as(ascom), id, t.id); }), "not_found");
  // Unknown ids.
  EXPECT_EQ(outcome([&] { links().link_ticket(as(w.attendant), id + 100, t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { links().link_ticket(as(w.attendant), id, t.id + 100); }), "not_found");
  EXPECT_EQ(outcome([&] { links().unlink_ticket(as(w.requester_seger), id, t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { links().ticket_notices(as(w.requester_seger), t.id); }), "forbidden");
  EXPECT_EQ(outcome([&] { links().linkable_notices(as(w.requester_seger)); }), "forbidden");
  EXPECT_EQ(outcome([&] { links().ticket_notices(as(w.analyst_dba), t.id); }), "not_found");
  // A bookkeeping action is no step of the norm.
  app::NoticeStep step;
  step.action = NoticeAction::link_ticket;
  EXPECT_EQ(outcome([&] { desk->status_notices().act(as(w.attendant), id, step); }), "validation");
  EXPECT_EQ(count("status_notice_tickets"), 0);
  EXPECT_EQ(timeline(id).size(), notice_events);
  EXPECT_EQ(history(t).size(), ticket_events);
}

TEST_P(NoticeTicketsTest, ARequestForTheServiceFindsItsOpenPublishedIncidents) {
  const auto id = report_sigefes(w.attendant).notice.id;
  EXPECT_THAT(known(w.requester_seger, w.sis_access), IsEmpty()) << "a report is not public";
  step(w.analyst_sis, id, NoticeAction::confirm_general);
  EXPECT_THAT(known(w.requester_seger, w.sis_access), IsEmpty()) << "a draft is not public";
  step(ascom, id, NoticeAction::publish);
  EXPECT_THAT(known(w.requester_seger, w.sis_access), ElementsAre(id));
  EXPECT_THAT(known(std::nullopt, w.sis_access), ElementsAre(id));
  EXPECT_THAT(known(w.requester_seger, w.support), IsEmpty()) << "another service";

  // One confirmed for SEGER only: SEGER's people and the staff see it.
  app::ReportIncident r;
  r.component_ids = {sigefes.id};
  r.organization_id = w.seger.id;
  r.impact = "a consulta de contracheques";
  const auto scoped = desk->status_notices().report_incident(as(w.attendant), r).notice.id;
  step(w.analyst_sis, scoped, NoticeAction::confirm_organization);
  app::NoticeStep s;
  s.action = NoticeAction::publish;
  desk->status_notices().act(as(ascom), scoped, s);
  const auto scoped_org = desk->status_notices().notice(as(w.admin), scoped).notice.organization_id;
  ASSERT_EQ(scoped_org, w.seger.id);
  EXPECT_THAT(known(w.requester_seger, w.sis_access), ElementsAre(scoped, id));
  EXPECT_THAT(known(w.requester_sesa, w.sis_access), ElementsAre(id));
  EXPECT_THAT(known(std::nullopt, w.sis_access), ElementsAre(id));
  EXPECT_THAT(known(w.attendant, w.sis_access), ElementsAre(scoped, id));

  // Restored: nothing is known to be wrong any more.
  step(w.analyst_sis, id, NoticeAction::restore);
  step(w.analyst_sis, scoped, NoticeAction::restore);
  EXPECT_THAT(known(w.requester_seger, w.sis_access), IsEmpty());
  // A maintenance in progress is known too; a scheduled one is not yet.
  app::ScheduleMaintenance m;
  m.component_ids = {sigefes.id};
  m.impact = "o acesso ao SIGEFES";
  m.starts_at = clock.now() + std::chrono::hours(1);
  m.ends_at = clock.now() + std::chrono::hours(3);
  const auto maintenance = desk->status_notices().schedule_maintenance(as(ascom), m).notice.id;
  EXPECT_THAT(known(w.requester_seger, w.sis_access), IsEmpty());
  step(w.analyst_sis, maintenance, NoticeAction::start);
  EXPECT_THAT(known(w.requester_seger, w.sis_access), ElementsAre(maintenance));
}

TEST_P(NoticeTicketsTest, RestorationResolvesTheLinkedTicketsAndEachRequesterIsTold) {
  // Maria prefers WhatsApp; Paulo and Otávio are told by e-mail.
  w.requester_seger.phone = "+55 27 99999-0000";
  w.requester_seger.notice_preference = NoticePreference::whatsapp;
  w.requester_seger = desk->directory().update_person(as(w.admin), w.requester_seger);
  const auto fresh = register_sis(w.requester_seger, "SIGEFES não abre");  // still new
  const auto routed = register_sis(w.requester_sesa, "Erro no SIGEFES");
  desk->work().route(as(w.attendant), routed.id, w.sgsis.id, w.analyst_sis.id);
  const auto working = register_sis(w.manager_seger, "Folha parada");
  desk->work().route(as(w.attendant), working.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().change_status(as(w.analyst_sis), working.id, Status::in_progress);
  const auto cancelled = register_sis(w.requester_sesa, "Era outra coisa");
  desk->work().cancel(as(w.requester_sesa), cancelled.id, "Resolvi por conta própria.");

  const auto id = report_sigefes(w.attendant).notice.id;
  for (const auto& t : {fresh, routed, working, cancelled}) {
    links().link_ticket(as(w.attendant), id, t.id);
  }
  const std::string note = "O SIGEFES foi restabelecido às 11h; a folha pode ser lançada.";

  // Before the restoration: refused, and nothing changes.
  step(w.analyst_sis, id, NoticeAction::confirm_general);
  const auto before = timeline(id).size();
  EXPECT_EQ(outcome([&] { links().resolve_linked_tickets(as(w.attendant), id, note); }),
            "conflict");
  EXPECT_EQ(timeline(id).size(), before);
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), routed.id).status, Status::assigned);

  step(w.analyst_sis, id, NoticeAction::restore);
  EXPECT_EQ(outcome([&] { links().resolve_linked_tickets(as(w.attendant), id, "  "); }),
            "validation");
  EXPECT_EQ(outcome([&] { links().resolve_linked_tickets(as(w.attendant), id, note, 0); }),
            "validation");
  EXPECT_EQ(outcome([&] { links().resolve_linked_tickets(as(w.requester_seger), id, note); }),
            "not_found");
  EXPECT_EQ(timeline(id).size(), before + 1);  // the restoration alone

  const auto report = links().resolve_linked_tickets(as(w.attendant), id, note);
  EXPECT_EQ(report.resolved, 3);
  EXPECT_EQ(report.failed, 0);
  ASSERT_EQ(report.tickets.size(), 4u);
  for (const auto& o : report.tickets) {
    SCOPED_TRACE(o.ticket.protocol);
    if (o.ticket.id == cancelled.id) {
      EXPECT_EQ(o.result, Result::already_done);
      EXPECT_EQ(o.ticket.status, Status::cancelled);
    } else {
      EXPECT_EQ(o.result, Result::resolved);
      EXPECT_EQ(o.ticket.status, Status::resolved);
      const auto t = desk->tickets().ticket(as(w.admin), o.ticket.id);
      EXPECT_EQ(t.resolution, note);
      EXPECT_EQ(t.status, Status::resolved);
    }
  }
  // Each requester told once, on their own channel.
  EXPECT_THAT(resolution_sent(fresh), ElementsAre("whatsapp -> +5527999990000"));
  EXPECT_THAT(resolution_sent(routed), ElementsAre("email -> paulo@saude.es.gov.br"));
  EXPECT_THAT(resolution_sent(working), ElementsAre("email -> otavio@seger.es.gov.br"));
  EXPECT_THAT(resolution_sent(cancelled), IsEmpty());
  // The still-new one was taken first, as "assign to me" does.
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), fresh.id).assignee_id, w.attendant.id);

  const auto events = timeline(id);
  ASSERT_EQ(events.size(), before + 2);
  EXPECT_EQ(events.back().action, NoticeAction::resolve_tickets);
  EXPECT_EQ(events.back().data["note"], note);
  EXPECT_EQ(events.back().data["resolved"].size(), 3u);
  EXPECT_FALSE(events.back().published_at);

  // Again: everything is already done; nobody is told twice.
  const auto again = links().resolve_linked_tickets(as(w.attendant), id, note);
  EXPECT_EQ(again.resolved, 0);
  for (const auto& o : again.tickets) EXPECT_EQ(o.result, Result::already_done);
  EXPECT_EQ(resolution_sent(fresh).size(), 1u);
}

TEST_P(NoticeTicketsTest, ATicketThatCannotBeResolvedIsToldBackNotSkipped) {
  const auto waiting = register_sis(w.requester_seger, "Na central");  // the central's
  const auto routed = register_sis(w.requester_sesa, "Na SGSIS");
  desk->work().route(as(w.attendant), routed.id, w.sgsis.id, w.analyst_sis.id);
  const auto id = report_sigefes(w.attendant).notice.id;
  links().link_ticket(as(w.attendant), id, waiting.id);
  links().link_ticket(as(w.attendant), id, routed.id);
  step(w.analyst_sis, id, NoticeAction::confirm_general);
  step(w.analyst_sis, id, NoticeAction::restore);

  // SGSIS's analyst works SGSIS's ticket, not the central's.
  const auto report = links().resolve_linked_tickets(as(w.analyst_sis), id, "Restabelecido.");
  EXPECT_EQ(report.resolved, 1);
  EXPECT_EQ(report.failed, 1);
  ASSERT_EQ(report.tickets.size(), 2u);
  EXPECT_EQ(report.tickets[0].ticket.id, waiting.id);
  EXPECT_EQ(report.tickets[0].result, Result::failed);
  EXPECT_TRUE(looks_pt_br(report.tickets[0].reason)) << report.tickets[0].reason;
  EXPECT_FALSE(report.tickets[0].ticket.visible) << "named by its protocol only";
  EXPECT_THAT(report.tickets[0].ticket.subject, IsEmpty());
  EXPECT_EQ(report.tickets[1].result, Result::resolved);
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), waiting.id).status, Status::new_);
  EXPECT_THAT(resolution_sent(waiting), IsEmpty());
  const auto last = timeline(id).back();
  ASSERT_EQ(last.data["failed"].size(), 1u);
  EXPECT_EQ(last.data["failed"][0]["protocol"], waiting.protocol);
}

GUICHE_ON_BOTH_ENGINES(NoticeTicketsTest);

}  // namespace
}  // namespace guiche::testing
