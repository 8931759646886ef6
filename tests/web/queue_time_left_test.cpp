// The agent queue and the ticket page tell the time left on the ticket's own
// clock: SEGER's 07:00–13:00 calendar, not the desk's 08:00–18:00.
#include <gmock/gmock.h>

#include "support/shift_calendar.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class QueueTimeLeftTest : public WebServerTest {};

TEST_P(QueueTimeLeftTest, TheQueueAndTheTicketPageCountOnTheTicketsCalendar) {
  put_seger_on_a_shift_calendar(*desk, w, as(w.admin));
  const Ticket t = register_critical(*desk, as(w.requester_seger), w.requester_seger.id);
  const auto attendant = sign_in(w.attendant);
  const auto queue = get(attendant, "/atendimento");
  ASSERT_EQ(queue.status, 200);
  EXPECT_THAT(queue.body, HasSubstr(t.protocol));
  EXPECT_THAT(queue.body, HasSubstr("faltam 6 h úteis"));
  EXPECT_THAT(queue.body, Not(HasSubstr("faltam 10 h úteis")));
  const auto page = get(attendant, "/atendimento/chamados/" + t.protocol);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("faltam 6 h úteis"));
}

GUICHE_ON_BOTH_ENGINES(QueueTimeLeftTest);

}  // namespace
}  // namespace guiche::testing
