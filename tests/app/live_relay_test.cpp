// Several server nodes on one database: the changes committed through one
// node reach the live followers of another through the shared live_changes
// rows, each change once, within what each follower may see.
#include <gmock/gmock.h>

#include <thread>

#include "app/accounts/accounts.hpp"
#include "app/intake/intake.hpp"
#include "app/live/live_cursor.hpp"
#include "app/live/live_relay.hpp"
#include "app/live/live_updates.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/desk_world.hpp"
#include "support/heard_changes.hpp"
#include "support/two_nodes.hpp"

namespace guiche::testing {
namespace {

class LiveRelayTest : public TwoNodesTest {};

TEST_P(LiveRelayTest, ChangesMadeThroughOneNodeReachTheOthersFollowers) {
  HeardChanges attendant, analyst_sis, analyst_dba;
  other->live().follow_queues(on_other(w.attendant), attendant.listener());
  other->live().follow_queues(on_other(w.analyst_sis), analyst_sis.listener());
  other->live().follow_queues(on_other(w.analyst_dba), analyst_dba.listener());

  auto t = register_sis(w.requester_seger);
  EXPECT_EQ(attendant.size(), 0u);  // not before the relay reads it
  EXPECT_EQ(other->live().relay_live_changes(other_cursor), 1u);
  ASSERT_THAT(attendant.protocols, ::testing::ElementsAre(t.protocol));
  EXPECT_EQ(attendant.changes[0].requester_id, w.requester_seger.id);
  EXPECT_EQ(attendant.changes[0].organization_id, t.organization_id);
  EXPECT_TRUE(attendant.changes[0].is_public);

  t = desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
  desk->work().add_internal_note(as(w.analyst_sis), t.id, "Conferir perfil.");
  EXPECT_EQ(other->live().relay_live_changes(other_cursor), 2u);
  EXPECT_EQ(other->live().relay_live_changes(other_cursor), 0u);  // each change once
  EXPECT_EQ(attendant.size(), 3u);
  EXPECT_EQ(analyst_sis.size(), 2u);
  EXPECT_THAT(analyst_sis.changes[0].unit_ids, ::testing::Contains(w.sgsis.id));
  EXPECT_FALSE(analyst_sis.changes[1].is_public);
  EXPECT_EQ(analyst_dba.size(), 0u);
}

TEST_P(LiveRelayTest, ARequesterOnAnotherNodeHearsOnlyPublicChanges) {
  const auto t = register_sis(w.requester_seger);
  other->live().relay_live_changes(other_cursor);  // the registration, before anyone follows
  HeardChanges requester;
  other->live().follow_ticket(on_other(w.requester_seger), t.protocol, requester.listener());
  desk->work().add_internal_note(as(w.attendant), t.id, "Só para a equipe.");
  desk->work().reply(as(w.attendant), t.id, "Recebemos seu pedido.");
  EXPECT_EQ(other->live().relay_live_changes(other_cursor), 2u);
  EXPECT_EQ(requester.size(), 1u);
}

TEST_P(LiveRelayTest, ANodeDoesNotRepeatItsOwnChanges) {
  HeardChanges attendant;
  desk->live().follow_queues(as(w.attendant), attendant.listener());
  app::LiveCursor own;
  desk->live().relay_live_changes(own);
  register_sis(w.requester_seger);
  EXPECT_EQ(attendant.size(), 1u);  // heard at commit
  EXPECT_EQ(desk->live().relay_live_changes(own), 0u);
  EXPECT_EQ(attendant.size(), 1u);
}

TEST_P(LiveRelayTest, PruningKeepsTheRelayGoing) {
  HeardChanges attendant;
  other->live().follow_queues(on_other(w.attendant), attendant.listener());
  register_sis(w.requester_seger, "Primeiro");
  register_sis(w.requester_seger, "Segundo");
  EXPECT_EQ(other->live().relay_live_changes(other_cursor), 2u);
  clock.advance(std::chrono::minutes(11));
  desk->live().prune_live_changes(std::chrono::minutes(10));
  const auto later = register_sis(w.requester_seger, "Terceiro");
  EXPECT_EQ(other->live().relay_live_changes(other_cursor), 1u);
  EXPECT_EQ(attendant.protocols.back(), later.protocol);
}

TEST_P(LiveRelayTest, TheRelayRunsInTheBackground) {
  HeardChanges attendant;
  other->live().follow_queues(on_other(w.attendant), attendant.listener());
  app::LiveRelay relay(*other, std::chrono::milliseconds(20));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // it has started listening
  const auto t = register_sis(w.requester_seger);
  for (int i = 0; i < 250 && attendant.size() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::lock_guard lock(attendant.mutex);
  EXPECT_THAT(attendant.protocols, ::testing::ElementsAre(t.protocol));
}

TEST_P(LiveRelayTest, ASingleNodeSharesNothing) {
  auto config = DeskTest::desk_config();
  app::Desk single(database->db(), clock, config);
  app::RegisterRequest r;
  r.requester_id = w.requester_seger.id;
  r.service_code = "SIS-ACESSO";
  r.subject = "Pedido feito por um nó sozinho";
  r.description = "Sem outros nós, nada vai para live_changes.";
  r.form_answers = {{"sistema", "SIGEFES"}, {"matricula", "123456"}};
  single.intake().register_request(single.accounts().actor(w.requester_seger.id, Channel::portal),
                                   r);
  EXPECT_EQ(count("live_changes"), 0);
  EXPECT_EQ(other->live().relay_live_changes(other_cursor), 0u);
}

GUICHE_ON_BOTH_ENGINES(LiveRelayTest);

TEST(LiveCursorTest, ARowCommittedLateIsStillReadOnce) {
  app::LiveCursor cursor;
  const auto t0 = from_millis(0);
  cursor.start_at(10);
  EXPECT_TRUE(cursor.see(11, t0));
  EXPECT_TRUE(cursor.see(14, t0));  // 12 and 13 not committed yet
  EXPECT_THAT(cursor.gaps(), ::testing::ElementsAre(12, 13));
  EXPECT_EQ(cursor.last(), 14);
  EXPECT_TRUE(cursor.see(13, t0));
  EXPECT_FALSE(cursor.see(13, t0));
  EXPECT_FALSE(cursor.see(14, t0));
  EXPECT_THAT(cursor.gaps(), ::testing::ElementsAre(12));
  // A gap older than the patience is a rolled-back transaction's.
  cursor.forget_gaps_before(t0 + std::chrono::seconds(1));
  EXPECT_THAT(cursor.gaps(), ::testing::IsEmpty());
}

TEST(LiveCursorTest, AHugeJumpRemembersOnlyTheNewestGaps) {
  app::LiveCursor cursor;
  cursor.start_at(0);
  cursor.see(1'000'000, from_millis(0));
  const auto gaps = cursor.gaps();
  ASSERT_EQ(gaps.size(), app::LiveCursor::kMaxGaps);
  EXPECT_EQ(gaps.front(), 1'000'000 - static_cast<std::int64_t>(app::LiveCursor::kMaxGaps));
  EXPECT_EQ(gaps.back(), 999'999);
}

}  // namespace
}  // namespace guiche::testing
