// The agent's triage and routing (issue 19, item 8): the priority table is
// labelled as the lookup table it is and follows the selects (triagem.js),
// triage and routing say what they did, and a ticket routed with nobody
// assigned reads as such, not "Atribuído".
#include <gmock/gmock.h>

#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class TriageConfirmTest : public WebServerTest {};

TEST_P(TriageConfirmTest, ThePriorityTableIsALookupTableThatFollowsTheSelects) {
  const Ticket t = register_sis(w.requester_seger);
  const auto page = get(sign_in(w.attendant), "/atendimento/chamados/" + t.protocol);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, Not(HasSubstr("impacto × urgência")));
  EXPECT_THAT(page.body, HasSubstr("Tabela de prioridades (consulta)"));
  // Impact 2 (row), urgency 1 (column) gives 4: each cell says where it is.
  EXPECT_THAT(page.body, HasSubstr("<td data-impacto=\"2\" data-urgencia=\"1\">4</td>"));
  EXPECT_THAT(page.body, HasSubstr("data-prioridade-escolhida aria-live=\"polite\""));
  EXPECT_THAT(page.body, HasSubstr("/triagem.js\" defer></script>"));
  // The script exists where the page asks for it.
  const auto at = page.body.find("src=\"", page.body.find("triagem.js") - 60);
  const auto src = page.body.substr(at + 5, page.body.find('"', at + 5) - at - 5);
  const auto script = http_request(port, "GET", src);
  EXPECT_EQ(script.status, 200) << src;
  EXPECT_THAT(script.body, HasSubstr("data-prioridade-escolhida"));
}

TEST_P(TriageConfirmTest, TriageAndRoutingSayWhatTheyDid) {
  const Ticket t = register_sis(w.requester_seger);
  const auto carlos = sign_in(w.attendant);
  const std::string base = "/atendimento/chamados/" + t.protocol;
  auto r = post(
      carlos, base + "/triagem",
      "csrf=" + carlos.csrf + "&servico=SIS-ACESSO&categoria=service_request&impacto=1&urgencia=1");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], base + "?feito=triagem#triagem");
  auto page = get(carlos, base + "?feito=triagem");
  EXPECT_THAT(page.body, HasSubstr("Triagem registrada: prioridade 1 (Crítica)."));

  r = post(carlos, base + "/encaminhar",
           "csrf=" + carlos.csrf + "&unidade=" + std::to_string(w.sgsis.id) + "&observacao=");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], base + "?feito=encaminhar#encaminhar");
  page = get(carlos, r.headers["location"].substr(0, r.headers["location"].find('#')));
  EXPECT_THAT(page.body, HasSubstr("Chamado encaminhado a " + w.sgsis.code + " — " + w.sgsis.name +
                                   ", sem responsável"));
  // Routed with nobody assigned: the state says so, here and in the queue.
  EXPECT_THAT(page.body, HasSubstr("Encaminhado, sem responsável"));
  EXPECT_THAT(get(carlos, "/atendimento?fila=sem-responsavel").body,
              HasSubstr("<td>Encaminhado, sem responsável</td>"));
  // An unknown "feito" says nothing.
  EXPECT_THAT(get(carlos, base + "?feito=outra").body, Not(HasSubstr("id=\"aviso\"")));
}

GUICHE_ON_BOTH_ENGINES(TriageConfirmTest);

}  // namespace
}  // namespace guiche::testing
