// The staff's pages of incident communication and the portal's report form,
// over HTTP: the board for the desk's staff only; a notice's page with the
// messages waiting for ASCOM and a preview that is exactly the message the
// step then sends, and that changes nothing; steps taken by form, refused
// ones changing nothing; maintenance windows typed at the desk's time zone;
// an organization manager reporting through the portal and following it.
#include <gmock/gmock.h>

#include "app/incidents/status_notices.hpp"
#include "support/incident_world.hpp"
#include "support/markup_escape.hpp"
#include "support/web_server_test.hpp"
#include "web/page.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string form(const Browser& b, const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out = "csrf=" + b.csrf;
  for (const auto& [k, v] : fields) out += "&" + web::url_encode(k) + "=" + web::url_encode(v);
  return out;
}

class NoticePagesTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    i = add_incident_world(*desk, w, as(w.admin));
  }
  std::int64_t incident() {
    app::ReportIncident r;
    r.component_ids = {i.sigefes.id};
    r.impact = "o lançamento da folha";
    return desk->status_notices().report_incident(as(w.attendant), r).notice.id;
  }
  std::string url(std::int64_t id) { return "/atendimento/comunicados/" + std::to_string(id); }
  app::NoticeView view(std::int64_t id) { return desk->status_notices().notice(as(i.ascom), id); }
  IncidentWorld i;
};

TEST_P(NoticePagesTest, TheBoardIsForTheStaffWithDraftsFirst) {
  const auto id = incident();
  app::NoticeStep confirm;
  confirm.action = NoticeAction::confirm_general;
  desk->status_notices().act(as(w.analyst_sis), id, confirm);  // a draft for ASCOM

  const auto ascom = sign_in(i.ascom);
  const auto board = get(ascom, "/atendimento/comunicados");
  ASSERT_EQ(board.status, 200);
  const auto drafts = board.body.find("id=\"rascunhos\"");
  const auto incidents = board.body.find("id=\"incidentes\"");
  ASSERT_NE(drafts, std::string::npos);
  EXPECT_NE(board.body.find(url(id), drafts), std::string::npos);
  EXPECT_LT(board.body.find(url(id), drafts), incidents);
  EXPECT_THAT(board.body, HasSubstr("href=\"/atendimento/comunicados\""));  // in the menu

  const auto requester = sign_in(w.requester_seger);
  EXPECT_EQ(get(requester, "/atendimento/comunicados").status, 403);
  EXPECT_EQ(get(requester, url(id)).status, 404);
  EXPECT_THAT(get(requester, "/minha-area").body, Not(HasSubstr("/atendimento/comunicados")));
}

TEST_P(NoticePagesTest, APreviewIsExactlyTheMessageTheStepSendsAndChangesNothing) {
  const auto id = incident();
  app::NoticeStep confirm;
  confirm.action = NoticeAction::confirm_general;
  desk->status_notices().act(as(w.analyst_sis), id, confirm);
  const auto director = sign_in(i.director);
  const auto before = view(id).events.size();

  auto page =
      post(director, url(id) + "/passos",
           form(director,
                {{"acao", "leadership_confirm"}, {"cargo", "Diretor Técnico"}, {"previa", "1"}}));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("Prévia — exatamente como será enviada"));
  EXPECT_THAT(page.body, HasSubstr("Marcelo Diretor, Diretor Técnico"));
  EXPECT_EQ(view(id).events.size(), before);  // nothing was taken
  EXPECT_EQ(view(id).notice.state, NoticeState::confirmed_general);

  const auto taken =
      post(director, url(id) + "/passos",
           form(director, {{"acao", "leadership_confirm"}, {"cargo", "Diretor Técnico"}}));
  EXPECT_EQ(taken.status, 303);
  const auto after = view(id);
  ASSERT_EQ(after.events.size(), before + 1);
  const auto& sent = *after.events.back().message;
  // Every paragraph of the sent message stood in the preview, as it was sent.
  std::size_t start = 0;
  while (start < sent.text.size()) {
    auto end = sent.text.find("\n\n", start);
    if (end == std::string::npos) end = sent.text.size();
    auto paragraph = sent.text.substr(start, end - start);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.pop_back();
    if (!paragraph.empty()) {
      EXPECT_THAT(page.body, HasSubstr(escape_markup(paragraph))) << paragraph;
    }
    start = end + 2;
  }
  EXPECT_THAT(page.body, HasSubstr(escape_markup(sent.title)));
  // The notice's page names who confirmed, and the published message.
  const auto notice = get(director, url(id));
  EXPECT_THAT(notice.body, HasSubstr("id=\"confirmado-por\">Marcelo Diretor, Diretor Técnico"));
}

TEST_P(NoticePagesTest, ARefusedStepChangesNothing) {
  const auto id = incident();
  const auto director = sign_in(i.director);
  const auto before = view(id).events.size();
  // Leadership may not confirm before the team does; no position either.
  auto r = post(director, url(id) + "/passos", form(director, {{"acao", "leadership_confirm"}}));
  EXPECT_TRUE(r.status == 403 || r.status == 409 || r.status == 422) << r.status;
  const auto analyst = sign_in(w.analyst_sis);
  r = post(analyst, url(id) + "/passos", form(analyst, {{"acao", "update"}, {"texto", ""}}));
  EXPECT_EQ(r.status, 409);  // an update needs a confirmed incident
  r = post(analyst, url(id) + "/passos", form(analyst, {{"acao", "voar"}}));
  EXPECT_EQ(r.status, 422);
  r = post(analyst, url(id) + "/passos", "csrf=errado&acao=confirm_general");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(view(id).events.size(), before);

  r = post(analyst, url(id) + "/passos", form(analyst, {{"acao", "confirm_general"}}));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(view(id).notice.state, NoticeState::confirmed_general);
  EXPECT_TRUE(view(id).has_drafts);
}

TEST_P(NoticePagesTest, AMaintenanceWindowIsTypedAtTheDesksTimeZone) {
  const auto staff = sign_in(w.analyst_dba);
  auto page = get(staff, "/atendimento/comunicados/novo?tipo=manutencao");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("horário de Brasília"));
  const auto component = "componente_" + std::to_string(i.network.id);
  auto r = post(staff, "/atendimento/comunicados",
                form(staff, {{"tipo", "manutencao"},
                             {component, "1"},
                             {"inicio_data", "20/12/2026"},
                             {"inicio_hora", "22:00"},
                             {"fim_data", "21/12/2026"},
                             {"fim_hora", "1:30"}}));
  ASSERT_EQ(r.status, 303) << r.body;
  const auto id =
      std::stoll(r.headers.at("location").substr(std::string("/atendimento/comunicados/").size()));
  const auto n = view(id).notice;
  EXPECT_EQ(n.kind, NoticeKind::maintenance);
  EXPECT_EQ(format_utc(*n.starts_at), "2026-12-21T01:00:00.000Z");
  EXPECT_EQ(format_utc(*n.ends_at), "2026-12-21T04:30:00.000Z");

  const auto count = desk->status_notices().board(as(i.ascom)).size();
  r = post(staff, "/atendimento/comunicados",
           form(staff, {{"tipo", "manutencao"},
                        {component, "1"},
                        {"inicio_data", "31/02/2026"},
                        {"inicio_hora", "22:00"},
                        {"fim_data", "21/12/2026"},
                        {"fim_hora", "01:30"}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("dd/mm/aaaa"));
  r = post(staff, "/atendimento/comunicados", form(staff, {{"tipo", "incidente"}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("Informe o componente afetado."));
  EXPECT_EQ(desk->status_notices().board(as(i.ascom)).size(), count);
}

TEST_P(NoticePagesTest, AnOrganizationManagerReportsThroughThePortalAndFollowsIt) {
  const auto manager = sign_in(i.manager_sesa);
  EXPECT_THAT(get(manager, "/minha-area").body, HasSubstr("/incidentes/informar"));
  ASSERT_EQ(get(manager, "/incidentes/informar").status, 200);
  const auto component = "componente_" + std::to_string(i.network.id);
  auto r = post(manager, "/incidentes/informar", form(manager, {{component, "1"}}));
  EXPECT_EQ(r.status, 422);
  r = post(manager, "/incidentes/informar",
           form(manager, {{component, "1"}, {"descricao", "A rede caiu no hospital."}}));
  ASSERT_EQ(r.status, 303) << r.body;
  const auto target = r.headers.at("location");
  const auto id = std::stoll(target.substr(std::string("/incidentes/").size()));
  const auto n = view(id).notice;
  EXPECT_EQ(n.reporter_kind, ReporterKind::client);
  EXPECT_EQ(n.organization_id, w.sesa.id);
  EXPECT_EQ(n.reported_by, i.manager_sesa.id);
  EXPECT_THAT(get(manager, target).body, HasSubstr("A rede caiu no hospital."));

  app::NoticeStep ack;
  ack.action = NoticeAction::acknowledge;
  desk->status_notices().act(as(i.ascom), id, ack);
  EXPECT_THAT(get(manager, target).body, HasSubstr("Confirmação de Recebimento de Notificação"));

  EXPECT_EQ(get(sign_in(w.manager_seger), target).status, 404);
  EXPECT_EQ(get(sign_in(w.requester_seger), "/incidentes/informar").status, 403);
}

TEST_P(NoticePagesTest, SAsAreLinkedFromTheNoticeAndResolvedWithOneNoteOnceRestored) {
  const auto id = incident();
  const auto a = register_sis(w.requester_seger, "SIGEFES não abre");
  const auto b = register_sis(w.requester_sesa, "Folha parada");
  const auto carlos = sign_in(w.attendant);
  for (const auto& t : {a, b}) {
    auto r = post(carlos, url(id) + "/chamados", form(carlos, {{"protocolo", t.protocol}}));
    ASSERT_EQ(r.status, 303) << r.body;
  }
  auto r = post(carlos, url(id) + "/chamados", form(carlos, {{"protocolo", "2099-999999"}}));
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(r.body, HasSubstr("SA não encontrada"));
  EXPECT_EQ(view(id).tickets.size(), 2u);
  auto page = get(carlos, url(id));
  EXPECT_THAT(page.body, HasSubstr(a.protocol));
  EXPECT_THAT(page.body, Not(HasSubstr("id=\"form-resolver\"")));  // not restored yet

  r = post(carlos, url(id) + "/chamados/" + std::to_string(b.id) + "/desvincular",
           form(carlos, {}));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(view(id).tickets.size(), 1u);
  post(carlos, url(id) + "/chamados", form(carlos, {{"protocolo", b.protocol}}));

  app::NoticeStep step;
  step.action = NoticeAction::confirm_general;
  desk->status_notices().act(as(w.analyst_sis), id, step);
  step.action = NoticeAction::restore;
  desk->status_notices().act(as(w.analyst_sis), id, step);
  page = get(carlos, url(id));
  EXPECT_THAT(page.body, HasSubstr("id=\"form-resolver\""));
  r = post(carlos, url(id) + "/resolver-chamados",
           form(carlos, {{"nota", "O SIGEFES voltou a operar normalmente."}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr("Chamados resolvidos: 2."));
  for (const auto& t : view(id).tickets) EXPECT_EQ(t.status, Status::resolved) << t.protocol;
  EXPECT_THAT(r.body, Not(HasSubstr("id=\"form-resolver\"")));  // nothing left open
}

// Every page of incident communication, for every kind of visitor: staff
// pages for the desk's staff, the report form for organization managers and
// the staff; a notice named by id reveals nothing to anyone else (404).
TEST_P(NoticePagesTest, EveryPageAnswersEachVisitorAsTheTableSays) {
  app::ReportIncident r;
  r.component_ids = {i.network.id};
  r.description = "A rede caiu.";
  const auto reported = desk->status_notices().report_incident(as(i.manager_sesa), r).notice.id;
  const auto notice = std::to_string(reported);
  const std::vector<std::string> pages = {"/atendimento/comunicados",
                                          "/atendimento/comunicados/novo",
                                          "/atendimento/comunicados/novo?tipo=manutencao",
                                          "/atendimento/comunicados/" + notice,
                                          "/incidentes/informar",
                                          "/incidentes/" + notice};
  struct Row {
    const char* who;
    std::optional<Person> person;
    std::vector<int> expected;  // one per page
  };
  const std::vector<Row> table = {
      {"requester", w.requester_seger, {403, 403, 403, 404, 403, 404}},
      {"other manager", w.manager_seger, {403, 403, 403, 404, 200, 404}},
      {"reporter", i.manager_sesa, {403, 403, 403, 404, 200, 200}},
      {"citizen", w.citizen, {403, 403, 403, 404, 403, 404}},
      {"attendant", w.attendant, {200, 200, 200, 200, 200, 200}},
      {"analyst", w.analyst_sis, {200, 200, 200, 200, 200, 200}},
      {"ascom", i.ascom, {200, 200, 200, 200, 200, 200}},
      {"leadership", i.director, {200, 200, 200, 200, 200, 200}},
      {"admin", w.admin, {200, 200, 200, 200, 200, 200}},
      {"anonymous", std::nullopt, {303, 303, 303, 303, 303, 303}},
  };
  for (const auto& row : table) {
    const auto browser = row.person ? sign_in(*row.person) : Browser{};
    for (std::size_t k = 0; k < pages.size(); ++k) {
      EXPECT_EQ(get(browser, pages[k]).status, row.expected[k]) << row.who << " " << pages[k];
    }
  }
  // The staff notice page's forms, posted by people outside the desk: nothing to find.
  const auto base = "/atendimento/comunicados/" + notice;
  for (const auto& person : {w.requester_seger, i.manager_sesa, w.citizen}) {
    const auto b = sign_in(person);
    for (const auto& target : {base + "/passos", base + "/chamados", base + "/resolver-chamados",
                               base + "/chamados/1/desvincular"}) {
      EXPECT_EQ(post(b, target, form(b, {{"acao", "acknowledge"}, {"protocolo", "x"}})).status, 404)
          << person.name << " " << target;
    }
  }
  EXPECT_EQ(view(reported).events.size(), 1u);  // only the report
}

GUICHE_ON_BOTH_ENGINES(NoticePagesTest);

}  // namespace
}  // namespace guiche::testing
