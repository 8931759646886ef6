// Every way a request comes in is announced to the live queues once, on the
// node that registered it and, through the shared live changes, on another
// node of the same database: the API/portal, an e-mail, and a quarantined
// e-mail an attendant turns into a ticket. (The mail intake and the
// quarantine used to write outside the path that announces changes.)
#include <gmock/gmock.h>

#include "app/accounts/accounts.hpp"
#include "app/intake/intake.hpp"
#include "app/live/live_cursor.hpp"
#include "app/live/live_updates.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "support/desk_world.hpp"
#include "support/heard_changes.hpp"
#include "support/raw_mail.hpp"
#include "support/two_nodes.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;

class LiveIntakeTest : public TwoNodesTest {
 protected:
  void SetUp() override {
    TwoNodesTest::SetUp();
    desk->live().follow_queues(as(w.attendant), here.listener());
    other->live().follow_queues(on_other(w.attendant), there.listener());
  }
  // What both attendants' queues heard once the other node's relay has run
  // (twice: a second round must bring nothing new).
  void relay() {
    other->live().relay_live_changes(other_cursor);
    other->live().relay_live_changes(other_cursor);
  }

  HeardChanges here, there;
};

TEST_P(LiveIntakeTest, ARequestRegisteredThroughTheApiIsHeardOnceOnEachNode) {
  const Ticket t = register_sis(w.requester_seger);
  relay();
  EXPECT_THAT(here.protocols, ElementsAre(t.protocol));
  EXPECT_THAT(there.protocols, ElementsAre(t.protocol));
}

TEST_P(LiveIntakeTest, ARequestRegisteredByEmailIsHeardOnceOnEachNode) {
  RawMail m;
  m.message_id = "<ao-vivo-1@seger.es.gov.br>";
  const auto r = desk->mail().receive_mail(as(w.attendant), m.str(), "mailgate");
  ASSERT_EQ(r.outcome, "ticket_created") << r.detail;
  relay();
  EXPECT_THAT(here.protocols, ElementsAre(r.protocol));
  EXPECT_THAT(there.protocols, ElementsAre(r.protocol));
}

TEST_P(LiveIntakeTest, AQuarantinedMessageTurnedIntoATicketIsHeardOnceOnEachNode) {
  RawMail m;
  m.from = "Desconhecido <ninguem@exemplo.com.br>";
  m.message_id = "<ao-vivo-2@exemplo.com.br>";
  // An unknown sender writing about a ticket: quarantined, nothing announced.
  const Ticket about = register_sis(w.requester_seger);
  m.subject = "Re: [SA " + about.protocol + "] Sem acesso";
  const auto r = desk->mail().receive_mail(as(w.attendant), m.str(), "mailgate");
  ASSERT_EQ(r.outcome, "quarantined") << r.detail;
  relay();
  ASSERT_THAT(here.protocols, ElementsAre(about.protocol));
  const Ticket t = desk->mail().ticket_from_quarantine(as(w.attendant), r.inbound_id,
                                                       w.requester_seger.id, "SUP-TEC");
  relay();
  EXPECT_THAT(here.protocols, ElementsAre(about.protocol, t.protocol));
  EXPECT_THAT(there.protocols, ElementsAre(about.protocol, t.protocol));
}

GUICHE_ON_BOTH_ENGINES(LiveIntakeTest);

}  // namespace
}  // namespace guiche::testing
