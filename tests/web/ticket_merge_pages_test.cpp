// The ticket page's merge, undo, split and follow forms, and the workspace's
// "Seguindo" and notifications pages (issue 19, items 3 and 5).
#include <gmock/gmock.h>

#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class TicketMergePagesTest : public WebServerTest {
 protected:
  Ticket at_sgsis(const Person& requester, const std::string& subject) {
    auto t = register_sis(requester, subject);
    return desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  }
  std::string page_of(const Ticket& t) { return "/atendimento/chamados/" + t.protocol; }
};

TEST_P(TicketMergePagesTest, DuplicatesMergedByProtocolAndTheMergeUndoneFromThePage) {
  const auto survivor = at_sgsis(w.requester_seger, "SIGEFES fora do ar");
  const auto d1 = at_sgsis(w.requester_sesa, "Sem SIGEFES");
  const auto d2 = at_sgsis(w.manager_seger, "SIGEFES parado");
  const auto carlos = sign_in(w.attendant);
  const auto r = post(carlos, page_of(survivor) + "/unir",
                      "csrf=" + carlos.csrf + "&duplicados=" + d1.protocol + "%2C+" + d2.protocol);
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.headers.at("location"), page_of(survivor) + "#uniao");
  auto page = get(carlos, page_of(survivor)).body;
  EXPECT_THAT(page, HasSubstr("id=\"duplicados-recebidos\""));
  EXPECT_THAT(page, HasSubstr(">" + d1.protocol + "</a>"));
  EXPECT_THAT(page, HasSubstr("Recebeu como duplicadas: " + d1.protocol + ", " + d2.protocol));
  const auto duplicate_page = get(carlos, page_of(d1)).body;
  EXPECT_THAT(duplicate_page, HasSubstr("id=\"unido-a\""));
  EXPECT_THAT(duplicate_page, Not(HasSubstr("id=\"form-unir\"")));
  // The requester reads, on their own request, that it joined another.
  const auto requester_page = get(sign_in(w.requester_sesa), "/chamados/" + d1.protocol).body;
  EXPECT_THAT(requester_page,
              HasSubstr("Unida, como duplicada, à solicitação " + survivor.protocol));
  EXPECT_THAT(requester_page, Not(HasSubstr("SIGEFES fora do ar")));
  // Undone from the surviving ticket's list.
  ASSERT_EQ(post(carlos, page_of(survivor) + "/desfazer-uniao",
                 "csrf=" + carlos.csrf + "&duplicado=" + d1.protocol)
                .status,
            303);
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), d1.id).status, Status::assigned);
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), d2.id).status, Status::closed);
}

TEST_P(TicketMergePagesTest, AnUnknownProtocolIsNamedByTheFieldAndNothingIsMerged) {
  const auto survivor = at_sgsis(w.requester_seger, "SIGEFES fora do ar");
  const auto d1 = at_sgsis(w.requester_sesa, "Sem SIGEFES");
  const auto carlos = sign_in(w.attendant);
  const auto r = post(carlos, page_of(survivor) + "/unir",
                      "csrf=" + carlos.csrf + "&duplicados=" + d1.protocol + "+2026-999999");
  ASSERT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("O protocolo 2026-999999 não foi encontrado."));
  EXPECT_THAT(r.body, HasSubstr("id=\"duplicados-erro\""));
  EXPECT_THAT(r.body, HasSubstr(d1.protocol + " 2026-999999</textarea>"));
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), d1.id).status, Status::assigned);
}

TEST_P(TicketMergePagesTest, APublicMessageIsSplitIntoALinkedRequest) {
  const auto t = at_sgsis(w.requester_seger, "Acesso ao SIGEFES");
  desk->work().reply(as(w.requester_seger), t.id, "E a impressora também parou.");
  const auto sofia = sign_in(w.analyst_sis);
  const auto page = get(sofia, page_of(t)).body;
  ASSERT_THAT(page, HasSubstr("action=\"" + page_of(t) + "/desmembrar\""));
  std::int64_t seq = 0;
  for (const auto& e : desk->tickets().history(as(w.attendant), t.id)) {
    if (e.kind == EventKind::public_reply) seq = e.seq;
  }
  const auto r =
      post(sofia, page_of(t) + "/desmembrar",
           "csrf=" + sofia.csrf + "&evento=" + std::to_string(seq) + "&assunto=Impressora+parada");
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.headers.at("location"), page_of(t) + "#vinculos");
  EXPECT_THAT(get(sofia, page_of(t)).body, HasSubstr("Desmembrado em"));
}

TEST_P(TicketMergePagesTest, FollowingAndMentionsReachTheWorkspace) {
  const auto t = at_sgsis(w.requester_seger, "SIGEFES lento");
  const auto sofia = sign_in(w.analyst_sis);
  ASSERT_EQ(post(sofia, page_of(t) + "/seguir", "csrf=" + sofia.csrf).status, 303);
  EXPECT_THAT(get(sofia, page_of(t)).body, HasSubstr("Deixar de seguir"));
  const auto following = get(sofia, "/atendimento/seguindo");
  ASSERT_EQ(following.status, 200);
  EXPECT_THAT(following.body, HasSubstr(">" + t.protocol + "</a>"));
  // Carlos (login user<id> from sign_in) is mentioned in Sofia's note.
  const auto carlos = sign_in(w.attendant);
  desk->work().add_internal_note(as(w.analyst_sis), t.id,
                                 "@user" + std::to_string(w.attendant.id) + " pode ligar?");
  EXPECT_THAT(get(carlos, "/atendimento").body,
              HasSubstr("Notificações <span class=\"contagem\">(1)</span>"));
  const auto notices = get(carlos, "/atendimento/notificacoes");
  ASSERT_EQ(notices.status, 200);
  EXPECT_THAT(notices.body, HasSubstr("mencionou você"));
  EXPECT_THAT(notices.body, HasSubstr(" pode ligar?"));
  // Opening the ticket reads them.
  get(carlos, page_of(t));
  EXPECT_THAT(get(carlos, "/atendimento").body, Not(HasSubstr("Notificações <span")));
  // Requesters have no workspace.
  EXPECT_EQ(get(sign_in(w.requester_seger), "/atendimento/notificacoes").status, 403);
}

GUICHE_ON_BOTH_ENGINES(TicketMergePagesTest);

}  // namespace
}  // namespace guiche::testing
