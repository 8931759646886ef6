// The leadership (diretoria) reaches the workspace (issue 19, item 8): it
// reads every queue and ticket, internal notes included, and works none.
#include <gmock/gmock.h>

#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class LeadershipWorkspaceTest : public WebServerTest {};

TEST_P(LeadershipWorkspaceTest, TheLeadershipReadsTheWorkspaceAndWorksNoTicket) {
  auto t = register_sis(w.requester_seger, "SIGEFES lento");
  t = desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().add_internal_note(as(w.analyst_sis), t.id, "Servidor sobrecarregado.");
  const auto lia = sign_in(create_leader());
  const auto queue = get(lia, "/atendimento");
  ASSERT_EQ(queue.status, 200);
  const auto page = get(lia, "/atendimento/chamados/" + t.protocol);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Servidor sobrecarregado."));
  EXPECT_THAT(page.body, Not(HasSubstr("id=\"botao-atribuir-a-mim\"")));
  // Reading is not working: an action is refused and changes nothing.
  const auto refused = post(lia, "/atendimento/chamados/" + t.protocol + "/mensagem",
                            "csrf=" + lia.csrf + "&tipo=interna&texto=Nota+da+diretoria");
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(get(lia, "/atendimento/chamados/" + t.protocol).body,
              Not(HasSubstr("Nota da diretoria")));
}

GUICHE_ON_BOTH_ENGINES(LeadershipWorkspaceTest);

}  // namespace
}  // namespace guiche::testing
