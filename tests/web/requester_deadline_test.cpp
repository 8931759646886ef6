// One current deadline everywhere (issue 19, item 8): after triage moves a
// request's deadline, the requester's page shows the deadline the agent's
// page shows, and keeps the first estimate with why it changed.
#include <gmock/gmock.h>

#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"
#include "web/page.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class RequesterDeadlineTest : public WebServerTest {
 protected:
  // "05/01/2027 às 14:00", as the pages write an instant.
  std::string shown(Instant at) {
    web::WebContext ctx(*desk, GUICHE_WEB_DIR, false);
    return web::format_local(ctx, at);
  }
};

TEST_P(RequesterDeadlineTest, TheRequesterSeesTheDeadlineTriageSetAndTheFirstEstimate) {
  const Ticket t = register_sis(w.requester_seger);
  ASSERT_TRUE(t.estimated_deadline);
  const auto first = shown(*t.estimated_deadline);
  app::Triage urgent;
  urgent.impact = 1;
  urgent.urgency = 1;
  desk->work().triage(as(w.attendant), t.id, urgent);
  const auto timeline = desk->tickets().ticket_sla(as(w.attendant), t.id);
  ASSERT_FALSE(timeline.targets.empty());
  const auto now = shown(timeline.targets.back().deadline);
  ASSERT_NE(now, first);

  const auto maria = sign_in(w.requester_seger);
  const auto page = get(maria, "/chamados/" + t.protocol);
  ASSERT_EQ(page.status, 200);
  // The agent's page and the requester's say the same deadline.
  EXPECT_THAT(get(sign_in(w.attendant), "/atendimento/chamados/" + t.protocol).body,
              HasSubstr(now));
  EXPECT_THAT(page.body, HasSubstr("<dd>" + now));
  EXPECT_THAT(page.body, HasSubstr("Estimativa inicial, no registro: " + first +
                                   ". O prazo foi recalculado quando a central classificou a "
                                   "solicitação."));
  // The history keeps the first estimate and says the classification moved it.
  EXPECT_THAT(page.body, HasSubstr("Prazo estimado: " + first));
  EXPECT_THAT(page.body, HasSubstr("Classificação revista; o prazo foi recalculado."));
}

TEST_P(RequesterDeadlineTest, AnUnchangedDeadlineShowsNoFirstEstimate) {
  const Ticket t = register_sis(w.requester_seger);
  const auto page = get(sign_in(w.requester_seger), "/chamados/" + t.protocol);
  EXPECT_THAT(page.body, HasSubstr("<dd>" + shown(*t.estimated_deadline)));
  EXPECT_THAT(page.body, Not(HasSubstr("Estimativa inicial")));
}

GUICHE_ON_BOTH_ENGINES(RequesterDeadlineTest);

}  // namespace
}  // namespace guiche::testing
