// The agent workspace's use cases: the "at risk" and "breached" queues, and
// following ticket changes live (after commit, within what the follower sees).
#include <gmock/gmock.h>

#include "app/live/live_updates.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/error.hpp"
#include "support/desk_world.hpp"
#include "support/heard_changes.hpp"

namespace guiche::testing {
namespace {

class QueueTest : public DeskTest {
 protected:
  // A critical ticket (6 business hours), registered Monday 09:00 in Vitória.
  Ticket critical() {
    const auto t = register_sis(w.requester_seger);
    return desk->work().triage(as(w.attendant), t.id,
                               {std::nullopt, Category::incident, 1, 1, std::nullopt});
  }
  std::vector<std::string> queue(store::DeadlineState state) {
    store::TicketFilter f;
    f.deadline = state;
    std::vector<std::string> out;
    for (const auto& t : desk->tickets().list_tickets(as(w.attendant), f).tickets)
      out.push_back(t.protocol);
    return out;
  }
};

TEST_P(QueueTest, AtRiskFromTheWarningPointAndBreachedAfterTheDeadline) {
  const auto t = critical();
  register_sis(w.requester_seger, "Outro pedido, prazo longo");
  using store::DeadlineState;
  EXPECT_THAT(queue(DeadlineState::at_risk), ::testing::IsEmpty());
  clock.advance(std::chrono::hours(5));  // 14:00: past 75 % of 6 h, before 15:00
  EXPECT_THAT(queue(DeadlineState::at_risk), ::testing::ElementsAre(t.protocol));
  EXPECT_THAT(queue(DeadlineState::breached), ::testing::IsEmpty());
  // Once housekeeping has recorded the warning it is still at risk.
  desk->sla().record_sla_warnings();
  EXPECT_THAT(queue(DeadlineState::at_risk), ::testing::ElementsAre(t.protocol));
  clock.advance(std::chrono::hours(2));  // 16:00
  EXPECT_THAT(queue(DeadlineState::at_risk), ::testing::IsEmpty());
  EXPECT_THAT(queue(DeadlineState::breached), ::testing::ElementsAre(t.protocol));
  desk->sla().record_sla_warnings();
  EXPECT_THAT(queue(DeadlineState::breached), ::testing::ElementsAre(t.protocol));
  // A ticket no longer open leaves the breached queue.
  desk->work().cancel(as(w.attendant), t.id, "Registrado em duplicidade.");
  EXPECT_THAT(queue(DeadlineState::breached), ::testing::IsEmpty());
}

TEST_P(QueueTest, FollowersHearCommittedChangesTheyMaySee) {
  HeardChanges attendant, analyst_sis, analyst_dba;
  const auto a1 = desk->live().follow_queues(as(w.attendant), attendant.listener());
  desk->live().follow_queues(as(w.analyst_sis), analyst_sis.listener());
  desk->live().follow_queues(as(w.analyst_dba), analyst_dba.listener());
  auto t = register_sis(w.requester_seger);
  EXPECT_EQ(attendant.size(), 1u);
  EXPECT_EQ(analyst_sis.size(), 0u);  // still at the central de serviços
  t = desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
  EXPECT_EQ(attendant.size(), 2u);
  EXPECT_THAT(analyst_sis.protocols, ::testing::ElementsAre(t.protocol));
  EXPECT_EQ(analyst_dba.size(), 0u);
  // A refused change (nothing committed) tells nobody.
  EXPECT_THROW(desk->work().resolve(as(w.analyst_sis), t.id, "", 10), DomainError);
  EXPECT_EQ(analyst_sis.size(), 1u);
  desk->live().unfollow(a1);
  desk->work().add_internal_note(as(w.analyst_sis), t.id, "Conferir perfil.");
  EXPECT_EQ(attendant.size(), 2u);
  EXPECT_EQ(analyst_sis.size(), 2u);
}

TEST_P(QueueTest, ARequesterFollowsOnlyTheirTicketsPublicChanges) {
  const auto t = register_sis(w.requester_seger);
  EXPECT_THROW(desk->live().follow_ticket(as(w.requester_sesa), t.protocol, [](const auto&) {}),
               DomainError);
  EXPECT_THROW(desk->live().follow_queues(as(w.requester_seger), [](const auto&) {}), DomainError);
  HeardChanges requester;
  desk->live().follow_ticket(as(w.requester_seger), t.protocol, requester.listener());
  desk->work().add_internal_note(as(w.attendant), t.id, "Só para a equipe.");
  EXPECT_EQ(requester.size(), 0u);
  desk->work().reply(as(w.attendant), t.id, "Recebemos seu pedido.");
  EXPECT_EQ(requester.size(), 1u);
  register_sis(w.requester_seger, "Outro pedido");
  EXPECT_EQ(requester.size(), 1u);
}

GUICHE_ON_BOTH_ENGINES(QueueTest);

}  // namespace
}  // namespace guiche::testing
