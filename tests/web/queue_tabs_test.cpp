// The workspace's queues as a new agent meets them (issue 19, item 8): the
// tabs of one person share one scope (a unit manager's "Minha unidade" holds
// the tickets of the units below, as "Vencidos" does), each tab says how many
// tickets it holds (bounded: "50+"), priorities read as their severity, a
// unit column appears where a queue spans units, the deadline comes right
// after the protocol (visible at 360 px); admins reach the workspace, and
// each person starts, after signing in, where their work is.
#include <gmock/gmock.h>

#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class QueueTabsTest : public WebServerTest {
 protected:
  // The tab's link text, e.g. "Minha unidade (1)".
  static std::string tab(const std::string& body, const std::string& name) {
    const std::string marker = ">" + name + " <span class=\"contagem\">";
    const auto at = body.find(marker);
    if (at == std::string::npos) return "";
    const auto from = at + marker.size();
    return name + " " + body.substr(from, body.find("</span>", from) - from);
  }
  // Signs in through the page's form (as a browser) and returns where it goes.
  std::string landing_of(const Person& p) {
    sign_in(p);  // gives the login and password
    const auto form = http_request(port, "GET", "/entrar");
    std::string token;
    for (const auto& c : form.set_cookies) {
      if (c.rfind("guiche_entrada=", 0) == 0) token = c.substr(15, c.find(';') - 15);
    }
    // The form's own "volta", sent back as a browser does.
    const std::string marker = "name=\"volta\" value=\"";
    const auto at = form.body.find(marker);
    EXPECT_NE(at, std::string::npos);
    const auto from = at + marker.size();
    const std::string back = form.body.substr(from, form.body.find('"', from) - from);
    const auto r = http_request(port, "POST", "/entrar",
                                {{"Cookie", "guiche_entrada=" + token},
                                 {"Content-Type", "application/x-www-form-urlencoded"}},
                                "csrf=" + token + "&login=user" + std::to_string(p.id) +
                                    "&senha=" + kTestPassword + "&volta=" + back);
    EXPECT_EQ(r.status, 303) << r.body;
    return r.headers.count("location") ? r.headers.at("location") : "";
  }
};

TEST_P(QueueTabsTest, AUnitManagersTabsShareOneScope) {
  const Ticket t = register_sis(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);  // SGSIS, below GESIN
  const auto gesin = sign_in(w.manager_gesin);
  const auto mine = get(gesin, "/atendimento?fila=minha-unidade");
  ASSERT_EQ(mine.status, 200);
  EXPECT_THAT(mine.body, HasSubstr(t.protocol));
  EXPECT_EQ(tab(mine.body, "Minha unidade"), "Minha unidade (1)");
  EXPECT_EQ(tab(mine.body, "Sem responsável"), "Sem responsável (1)");
  EXPECT_EQ(tab(mine.body, "Atribuídos a mim"), "Atribuídos a mim (0)");
  // The analyst of SGSIS sees it under their own unit too.
  const auto analyst = get(sign_in(w.analyst_sis), "/atendimento");
  EXPECT_THAT(analyst.body, HasSubstr(t.protocol));
}

TEST_P(QueueTabsTest, PriorityReadsAsItsSeverityAndTheDeadlineComesSecond) {
  const Ticket t = register_sis(w.requester_seger);
  const auto queue = get(sign_in(w.attendant), "/atendimento?fila=sem-responsavel");
  ASSERT_THAT(queue.body, HasSubstr(t.protocol));
  EXPECT_THAT(queue.body,
              HasSubstr("<td class=\"prioridade\">" + std::string("Baixa") +
                        " <span class=\"nivel\">(" + std::to_string(t.priority) + ")</span></td>"));
  // Protocol, then the deadline: what a 360 px screen shows first.
  const auto protocol = queue.body.find("<th scope=\"col\">Protocolo</th>");
  const auto deadline = queue.body.find("<th scope=\"col\">Prazo</th>");
  const auto subject = queue.body.find("<th scope=\"col\">Assunto</th>");
  ASSERT_NE(deadline, std::string::npos);
  EXPECT_LT(protocol, deadline);
  EXPECT_LT(deadline, subject);
}

TEST_P(QueueTabsTest, AUnitColumnWhereTheQueueSpansUnits) {
  const Ticket at_sgsis = register_sis(w.requester_seger, "Primeiro");
  desk->work().route(as(w.attendant), at_sgsis.id, w.sgsis.id, std::nullopt);
  const auto attendant = sign_in(w.attendant);
  // One unit: no column.
  auto queue = get(attendant, "/atendimento?fila=sem-responsavel");
  EXPECT_THAT(queue.body, Not(HasSubstr("<th scope=\"col\">Unidade</th>")));
  register_sis(w.requester_seger, "Segundo");  // waits at the central
  queue = get(attendant, "/atendimento?fila=sem-responsavel");
  EXPECT_THAT(queue.body, HasSubstr("<th scope=\"col\">Unidade</th>"));
  EXPECT_THAT(queue.body, HasSubstr("<td>" + w.sgsis.code + "</td>"));
  EXPECT_THAT(queue.body, HasSubstr("<td>" + w.central.code + "</td>"));
}

TEST_P(QueueTabsTest, TabCountsStopAtFiftyPlus) {
  for (int i = 0; i < 51; ++i) register_sis(w.requester_seger, "Pedido " + std::to_string(i));
  const auto queue = get(sign_in(w.attendant), "/atendimento?fila=sem-responsavel");
  EXPECT_EQ(tab(queue.body, "Sem responsável"), "Sem responsável (50+)");
  EXPECT_EQ(tab(queue.body, "Vencidos"), "Vencidos (0)");
}

TEST_P(QueueTabsTest, AMarkWhereTheRequesterWroteSinceTheAgentLastLooked) {
  const Ticket t = register_sis(w.requester_seger);
  const auto carlos = sign_in(w.attendant);
  const std::string mark = "<span class=\"br-tag nova-resposta\">Nova resposta</span>";
  const std::string queue = "/atendimento?fila=sem-responsavel";
  EXPECT_THAT(get(carlos, queue).body, Not(HasSubstr(mark)));
  desk->work().reply(as(w.requester_seger), t.id, "Esqueci de dizer: é urgente.");
  EXPECT_THAT(get(carlos, queue).body, HasSubstr(mark));
  // He opens it: the mark goes, for him only.
  clock.advance(std::chrono::minutes(1));
  ASSERT_EQ(get(carlos, "/atendimento/chamados/" + t.protocol).status, 200);
  EXPECT_THAT(get(carlos, queue).body, Not(HasSubstr(mark)));
  EXPECT_THAT(get(sign_in(w.admin), queue).body, HasSubstr(mark));
  // The team's own messages make no mark; the requester's next one does.
  clock.advance(std::chrono::minutes(1));
  desk->work().reply(as(w.attendant), t.id, "Vamos ver.");
  EXPECT_THAT(get(carlos, queue).body, Not(HasSubstr(mark)));
  clock.advance(std::chrono::minutes(1));
  desk->work().reply(as(w.requester_seger), t.id, "Obrigada.");
  EXPECT_THAT(get(carlos, queue).body, HasSubstr(mark));
}

TEST_P(QueueTabsTest, AdminsReachTheWorkspace) {
  const Ticket t = register_sis(w.requester_seger);
  const auto admin = sign_in(w.admin);
  const auto queue = get(admin, "/atendimento");
  ASSERT_EQ(queue.status, 200);
  EXPECT_THAT(queue.body, HasSubstr(t.protocol));
  EXPECT_THAT(queue.body, HasSubstr("href=\"/atendimento\""));  // in the menu
  EXPECT_EQ(get(sign_in(w.requester_seger), "/atendimento").status, 403);
}

TEST_P(QueueTabsTest, StaffStartOnTheirQueueAndRequestersOnMinhaArea) {
  EXPECT_EQ(landing_of(w.analyst_sis), "/atendimento");
  EXPECT_EQ(landing_of(w.attendant), "/atendimento");
  EXPECT_EQ(landing_of(w.admin), "/atendimento");
  EXPECT_EQ(landing_of(w.requester_seger), "/minha-area");
  EXPECT_EQ(landing_of(create_ombudsman()), "/ouvidoria");
  // The home page sends a signed-in person to the same place.
  const auto r = get(sign_in(w.manager_gesin), "/");
  EXPECT_EQ(r.headers.at("location"), "/atendimento");
}

GUICHE_ON_BOTH_ENGINES(QueueTabsTest);

}  // namespace
}  // namespace guiche::testing
