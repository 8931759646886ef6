// Small rough edges of the pages (issue 19, item 8): dates as dd/mm/aaaa
// (the SLA's closed days said 2026-12-25), CPFs masked in the attendant's
// phone lookup, Minha Área's search by protocol as people quote it (the
// e-mail subject's "[SA 2026-000123]") and saying when a protocol is no
// protocol, the requester cancelling a request still waiting for triage,
// and the print stylesheet leaving menus and forms out.
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "app/directory/directory.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class RoughEdgesPagesTest : public WebServerTest {};

TEST_P(RoughEdgesPagesTest, ClosedDaysOfTheSlaReadAsBrazilianDates) {
  clock.set(from_millis(1797508800000));             // Thu 2026-12-17 09:00 in Vitória
  const Ticket t = register_sis(w.requester_seger);  // priority 9: weeks, over Christmas
  const auto page = get(sign_in(w.attendant), "/atendimento/chamados/" + t.protocol);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("25/12/2026: Natal"));
  EXPECT_THAT(page.body, Not(HasSubstr("2026-12-25")));
}

TEST_P(RoughEdgesPagesTest, ThePhoneLookupMasksCpfs) {
  Person p;
  p.name = "Cida Telefone";
  p.emails = {"cida@example.com"};
  p.cpf = "52998224725";
  p.roles = {{Role::requester, std::nullopt}};
  const auto cida = desk->directory().create_person(as(w.admin), {p, std::nullopt});
  const auto carlos = sign_in(w.attendant);
  for (const auto& target : {std::string("/atendimento/registrar?q=529.982.247-25"),
                             "/atendimento/registrar?pessoa=" + std::to_string(cida.id)}) {
    const auto page = get(carlos, target);
    ASSERT_EQ(page.status, 200) << target;
    EXPECT_THAT(page.body, HasSubstr("Cida Telefone")) << target;
    EXPECT_THAT(page.body, HasSubstr("CPF ***.982.247-**")) << target;
    EXPECT_THAT(page.body, Not(HasSubstr("52998224725"))) << target;
    EXPECT_THAT(page.body, Not(HasSubstr("529.982.247-25</"))) << target;
  }
}

TEST_P(RoughEdgesPagesTest, MinhaAreaFindsAProtocolAsQuotedAndSaysWhenItIsNone) {
  const Ticket t = register_sis(w.requester_seger);
  const auto maria = sign_in(w.requester_seger);
  // As the e-mail subject writes it.
  auto page = get(maria, "/minha-area?protocolo=%5BSA+" + t.protocol + "%5D");
  EXPECT_THAT(page.body, HasSubstr("href=\"/chamados/" + t.protocol + "\""));
  EXPECT_THAT(page.body, Not(HasSubstr("protocolo-erro")));
  // Not a protocol: the field says so.
  page = get(maria, "/minha-area?protocolo=abc");
  EXPECT_THAT(page.body, HasSubstr("id=\"protocolo-erro\""));
  EXPECT_THAT(page.body, HasSubstr("no formato AAAA-NNNNNN"));
  // A protocol nobody can show her.
  page = get(maria, "/minha-area?protocolo=2026-999999");
  EXPECT_THAT(page.body, HasSubstr("Nenhum chamado visível com este protocolo."));
}

TEST_P(RoughEdgesPagesTest, TheRequesterCancelsARequestWaitingForTriage) {
  const Ticket t = register_sis(w.requester_seger);
  const auto maria = sign_in(w.requester_seger);
  const std::string path = "/chamados/" + t.protocol;
  auto page = get(maria, path);
  EXPECT_THAT(page.body, HasSubstr("Cancelar esta solicitação"));
  // The reason is asked for, next to its field.
  auto r = post(maria, path + "/cancelamento", "csrf=" + maria.csrf + "&motivo=");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"cancelamento-motivo-erro\""));
  EXPECT_THAT(r.body, HasSubstr("O motivo é obrigatório."));
  r = post(maria, path + "/cancelamento", "csrf=" + maria.csrf + "&motivo=Resolvi+sozinha");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], path + "?feito=cancelamento#status");
  page = get(maria, path + "?feito=cancelamento");
  EXPECT_THAT(page.body, HasSubstr("Solicitação cancelada."));
  EXPECT_THAT(page.body, HasSubstr("Resolvi sozinha"));
  EXPECT_THAT(page.body, Not(HasSubstr("Cancelar esta solicitação")));  // once only
}

TEST_P(RoughEdgesPagesTest, ARequestInServiceOffersNoCancel) {
  const Ticket t = register_sis(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
  const auto maria = sign_in(w.requester_seger);
  EXPECT_THAT(get(maria, "/chamados/" + t.protocol).body,
              Not(HasSubstr("Cancelar esta solicitação")));
  const auto r = post(maria, "/chamados/" + t.protocol + "/cancelamento",
                      "csrf=" + maria.csrf + "&motivo=Tarde+demais");
  EXPECT_EQ(r.status, 409);
}

TEST_P(RoughEdgesPagesTest, ThePrintStylesheetLeavesMenusAndFormsOut) {
  std::ifstream in(std::string(GUICHE_WEB_DIR) + "/static/app.css");
  std::stringstream css;
  css << in.rdbuf();
  const auto print = css.str().find("@media print");
  ASSERT_NE(print, std::string::npos);
  const auto rules = css.str().substr(print);
  for (const auto* hidden : {".menu-principal", "main form", ".acao", ".abas-fila"}) {
    EXPECT_THAT(rules, HasSubstr(hidden)) << hidden;
  }
  // The star rating keeps each option on one line.
  EXPECT_THAT(css.str(), HasSubstr(".opcoes-estrelas .br-radio label { white-space: nowrap;"));
}

TEST_P(RoughEdgesPagesTest, TheHeaderSearchOpensAProtocolOrSearchesText) {
  const Ticket t = register_sis(w.requester_seger);
  const auto maria = sign_in(w.requester_seger);
  EXPECT_THAT(get(maria, "/servicos").body, HasSubstr("action=\"/busca\" role=\"search\""));
  auto r = get(maria, "/busca?q=%5BSA+" + t.protocol + "%5D");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers["location"], "/chamados/" + t.protocol);
  r = get(maria, "/busca?q=SIGEFES");
  EXPECT_EQ(r.headers["location"], "/minha-area?q=SIGEFES");
  // Someone else's protocol reads as one she cannot see.
  const Ticket other = register_sis(w.requester_sesa);
  r = get(maria, "/busca?q=" + other.protocol);
  EXPECT_EQ(r.headers["location"], "/minha-area?protocolo=" + other.protocol);
  // Staff open the agent's page, and search text in the queue.
  const auto carlos = sign_in(w.attendant);
  r = get(carlos, "/busca?q=" + t.protocol);
  EXPECT_EQ(r.headers["location"], "/atendimento/chamados/" + t.protocol);
  r = get(carlos, "/busca?q=acesso+sigefes");
  EXPECT_EQ(r.headers["location"], "/atendimento?q=acesso%20sigefes");
  EXPECT_EQ(get(carlos, "/busca?q=").headers["location"], "/atendimento");
}

GUICHE_ON_BOTH_ENGINES(RoughEdgesPagesTest);

}  // namespace
}  // namespace guiche::testing
