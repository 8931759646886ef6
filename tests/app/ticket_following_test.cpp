// Agents following tickets, mentions in internal notes, and the workspace's
// notifications (app/tickets/ticket_following.hpp), on both engines.
#include <gmock/gmock.h>

#include "app/expect_error.hpp"
#include "app/tickets/ticket_following.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "store/outbox_rows.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

class TicketFollowingTest : public DeskTest {
 protected:
  void SetUp() override {
    DeskTest::SetUp();
    database->db().write([&](store::Connection& c) {
      c.query("UPDATE people SET login = 'carlos.central' WHERE id = ?", {w.attendant.id});
      c.query("UPDATE people SET login = 'sofia.sis' WHERE id = ?", {w.analyst_sis.id});
      c.query("UPDATE people SET login = 'bruno.dba' WHERE id = ?", {w.analyst_dba.id});
      c.query("UPDATE people SET login = 'paulo.seger' WHERE id = ?", {w.requester_seger.id});
    });
  }
  std::vector<std::string> sent_of(std::int64_t ticket_id) {
    std::vector<std::string> out;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::messages_of_ticket(c, ticket_id))
        out.push_back(m.template_key + " -> " + m.recipient_address);
    });
    return out;
  }
  std::vector<std::string> notices_of(const Person& p) {
    std::vector<std::string> out;
    for (const auto& n : desk->following().notifications(as(p), std::nullopt, 50))
      out.push_back(n.row.kind + ":" + n.protocol + ":" + n.text);
    return out;
  }
  Ticket at_sgsis() {
    auto t = register_sis(w.requester_seger, "SIGEFES lento");
    return desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  }
};

TEST_P(TicketFollowingTest, AMentionNotifiesAColleagueWhoMaySeeTheTicket) {
  const auto t = at_sgsis();
  desk->work().add_internal_note(as(w.analyst_sis), t.id,
                                 "@carlos.central pode ligar para o Paulo? @bruno.dba e "
                                 "@paulo.seger não veem este chamado; @ninguem não existe.");
  EXPECT_THAT(notices_of(w.attendant), ElementsAre("mention:" + t.protocol +
                                                   ":@carlos.central pode ligar para o Paulo? "
                                                   "@bruno.dba e @paulo.seger não veem este "
                                                   "chamado; @ninguem não existe."));
  EXPECT_EQ(desk->following().unread(as(w.attendant)), 1);
  EXPECT_THAT(sent_of(t.id), Contains("mention -> " + w.attendant.emails[0]));
  // Those who may not see it, and unknown logins, are named, not notified.
  EXPECT_THAT(notices_of(w.analyst_dba), IsEmpty());
  EXPECT_THAT(sent_of(t.id), Not(Contains("mention -> " + w.requester_seger.emails[0])));
  const auto history = desk->tickets().history(as(w.attendant), t.id);
  EXPECT_EQ(history.back().data["mentions_skipped"],
            nlohmann::json({"bruno.dba", "paulo.seger", "ninguem"}));
  // A mentioned colleague now follows the ticket: its next news reach them.
  EXPECT_TRUE(desk->following().is_following(as(w.attendant), t.id));
  desk->work().reply(as(w.requester_seger), t.id, "Continua lento.");
  EXPECT_EQ(desk->following().unread(as(w.attendant)), 2);
  // Opening the ticket marks its notifications read.
  desk->following().mark_read(as(w.attendant), t.id);
  EXPECT_EQ(desk->following().unread(as(w.attendant)), 0);
}

TEST_P(TicketFollowingTest, WatchersHearOfWhatOthersDoNotOfTheirOwnActions) {
  const auto t = at_sgsis();
  desk->following().follow(as(w.manager_gesin), t.id);
  desk->work().add_internal_note(as(w.manager_gesin), t.id, "Prioridade do secretário.");
  EXPECT_THAT(notices_of(w.manager_gesin), IsEmpty());
  desk->work().change_status(as(w.analyst_sis), t.id, Status::in_progress);
  desk->work().reply(as(w.requester_seger), t.id, "Alguma novidade?");
  EXPECT_EQ(notices_of(w.manager_gesin).size(), 2u);
  EXPECT_THAT(sent_of(t.id), Contains("watched_update -> " + w.manager_gesin.emails[0]));
  // Following lists the ticket; after unfollowing, nothing more arrives.
  EXPECT_EQ(desk->following().followed(as(w.manager_gesin), std::nullopt, 50).size(), 1u);
  desk->following().unfollow(as(w.manager_gesin), t.id);
  EXPECT_THAT(desk->following().followed(as(w.manager_gesin), std::nullopt, 50), IsEmpty());
  desk->work().add_internal_note(as(w.analyst_sis), t.id, "Sem novidades.");
  EXPECT_EQ(notices_of(w.manager_gesin).size(), 2u);
}

TEST_P(TicketFollowingTest, OnlyStaffWhoSeeATicketFollowIt) {
  const auto t = at_sgsis();
  EXPECT_EQ(outcome([&] { desk->following().follow(as(w.requester_seger), t.id); }), "forbidden");
  EXPECT_EQ(outcome([&] { desk->following().follow(as(w.analyst_dba), t.id); }), "not_found");
  EXPECT_EQ(outcome([&] { desk->following().followers(as(w.analyst_dba), t.id); }), "not_found");
  desk->following().follow(as(w.analyst_sis), t.id);
  desk->following().follow(as(w.analyst_sis), t.id);  // twice is once
  const auto followers = desk->following().followers(as(w.attendant), t.id);
  ASSERT_EQ(followers.size(), 1u);
  EXPECT_EQ(followers[0].name, w.analyst_sis.name);
  EXPECT_EQ(followers[0].kind, "watcher");
}

GUICHE_ON_BOTH_ENGINES(TicketFollowingTest);

}  // namespace
}  // namespace guiche::testing
