// Tickets linked to notices on the pages, over HTTP: a request form for a
// service with an open, published incident shows it first ("Já sabemos deste
// problema: acompanhe aqui", linking to the public notice) and still
// registers the request; the agent's ticket page links the ticket to an open
// notice and unlinks it, a bad choice coming back by its field.
#include <gmock/gmock.h>

#include "app/incidents/notice_tickets.hpp"
#include "app/incidents/status_components.hpp"
#include "app/incidents/status_notices.hpp"
#include "support/incident_world.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class NoticeLinksPagesTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    i = add_incident_world(*desk, w, as(w.admin));
    i.sigefes.service_id = w.sis_access.id;
    i.sigefes = desk->status_components().update_component(as(w.admin), i.sigefes);
  }
  std::int64_t incident(const std::string& title) {
    app::ReportIncident r;
    r.component_ids = {i.sigefes.id};
    r.title = title;
    r.impact = "o lançamento da folha";
    return desk->status_notices().report_incident(as(w.attendant), r).notice.id;
  }
  void act(const Person& by, std::int64_t id, NoticeAction action) {
    app::NoticeStep s;
    s.action = action;
    desk->status_notices().act(as(by), id, s);
  }
  IncidentWorld i;
};

TEST_P(NoticeLinksPagesTest, TheRequestFormShowsTheKnownIncidentAndStillRegisters) {
  const auto maria = sign_in(w.requester_seger);
  const std::string form = "/servicos/SIS-ACESSO/solicitar";
  const auto id = incident("Instabilidade no SIGEFES");
  act(w.analyst_sis, id, NoticeAction::confirm_general);  // a draft yet
  auto page = get(maria, form);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, Not(HasSubstr("Já sabemos deste problema")));

  act(i.ascom, id, NoticeAction::publish);
  page = get(maria, form);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Já sabemos deste problema: acompanhe aqui"));
  EXPECT_THAT(page.body, HasSubstr("<a href=\"/status/comunicados/" + std::to_string(id) +
                                   "\">Instabilidade no SIGEFES</a>"));
  // The alert comes before the form, which stays whole.
  EXPECT_LT(page.body.find("id=\"ja-sabemos\""), page.body.find("action=\"" + form + "\""));
  EXPECT_THAT(page.body, HasSubstr("Enviar solicitação"));
  EXPECT_THAT(get(maria, "/servicos/SUP-TEC/solicitar").body,
              Not(HasSubstr("Já sabemos deste problema")))
      << "another service";

  auto sent = post(maria, form,
                   "csrf=" + maria.csrf +
                       "&chave=k1&assunto=SIGEFES+fora&descricao=Nao+abre+desde+as+9h"
                       "&categoria=incident&campo-sistema=SIGEFES&campo-matricula=123456");
  EXPECT_EQ(sent.status, 303) << sent.body;
  EXPECT_THAT(sent.headers["location"], HasSubstr("/registrado"));

  act(w.analyst_sis, id, NoticeAction::restore);
  EXPECT_THAT(get(maria, form).body, Not(HasSubstr("Já sabemos deste problema")));
}

TEST_P(NoticeLinksPagesTest, TheAgentLinksTheTicketToAnOpenNoticeAndUnlinksIt) {
  const auto t = register_sis(w.requester_seger, "SIGEFES não abre");
  const auto id = incident("Instabilidade no SIGEFES");
  const auto carlos = sign_in(w.attendant);
  const std::string url = "/atendimento/chamados/" + t.protocol;
  auto page = get(carlos, url);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Comunicado de incidente"));
  EXPECT_THAT(page.body, HasSubstr("Este chamado não está vinculado a nenhum comunicado."));
  EXPECT_THAT(page.body, HasSubstr("<option value=\"" + std::to_string(id) + "\">#" +
                                   std::to_string(id) + " — Instabilidade no SIGEFES"));

  // A bad choice comes back by its field, and nothing is linked.
  auto r = post(carlos, url + "/vincular-comunicado", "csrf=" + carlos.csrf + "&comunicado=abc");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("Escolha o comunicado."));
  r = post(carlos, url + "/vincular-comunicado",
           "csrf=" + carlos.csrf + "&comunicado=" + std::to_string(id + 100));
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("Comunicado não encontrado."));
  EXPECT_EQ(count("status_notice_tickets"), 0);

  r = post(carlos, url + "/vincular-comunicado",
           "csrf=" + carlos.csrf + "&comunicado=" + std::to_string(id));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_THAT(r.headers["location"], HasSubstr("#comunicados"));
  page = get(carlos, url);
  EXPECT_THAT(page.body, Not(HasSubstr("Este chamado não está vinculado")));
  EXPECT_THAT(page.body, HasSubstr("Instabilidade no SIGEFES <span class=\"br-tag\">ainda não "
                                   "publicado</span>"));
  EXPECT_THAT(page.body, HasSubstr("Vinculado ao comunicado"));  // the history
  EXPECT_EQ(desk->status_notices().notice(as(w.admin), id).ticket_ids,
            std::vector<std::int64_t>{t.id});

  // Once published, it links to the public page.
  act(w.analyst_sis, id, NoticeAction::confirm_general);
  act(i.ascom, id, NoticeAction::publish);
  EXPECT_THAT(get(carlos, url).body,
              HasSubstr("<a href=\"/status/comunicados/" + std::to_string(id) + "\">"));

  r = post(carlos, url + "/desvincular-comunicado",
           "csrf=" + carlos.csrf + "&comunicado=" + std::to_string(id));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_THAT(get(carlos, url).body,
              HasSubstr("Este chamado não está vinculado a nenhum comunicado."));
  EXPECT_EQ(count("status_notice_tickets"), 0);
  // Without the CSRF token: refused.
  EXPECT_EQ(post(carlos, url + "/vincular-comunicado", "comunicado=" + std::to_string(id)).status,
            403);
}

GUICHE_ON_BOTH_ENGINES(NoticeLinksPagesTest);

}  // namespace
}  // namespace guiche::testing
