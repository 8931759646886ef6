// The satisfaction report and the charter panel through the real server
// (/relatorios/satisfacao, /relatorios/carta): for the leadership, unit and
// organization managers and admins (403 for anyone else, /entrar for nobody
// signed in); a unit manager's pages name only their units and services, an
// organization manager's satisfaction only their organization's tickets; each CSV holds
// the very cells of the page's table, a hostile comment included; the
// definitions follow the visitor's language; the reports' nav leads to both.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/privacy/access_log.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"
#include "web/report_table_reading.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char* const kHostile = "Ótimo; mas <script>alert(\"x\")</script> & \"aspas\"";

class SatisfactionPagesTest : public WebServerTest {
 protected:
  // Two rated tickets of March 2026: one at SGSIS (under GESIN) with a
  // hostile comment, one at SGDBA.
  void rated_tickets() {
    clock.set(parse_instant("2026-03-10T09:00-03:00").value());
    int stars = 5;
    for (auto unit : {w.sgsis.id, w.sgdba.id}) {
      app::RegisterRequest r;
      r.requester_id = w.requester_seger.id;
      r.service_code = "SUP-TEC";
      r.category = Category::service_request;
      r.subject = "Satisfação";
      r.description = "Para o relatório.";
      r.impact = 1;
      r.urgency = 1;
      const auto t = desk->intake().register_request(as(w.requester_seger), r);
      desk->work().route(as(w.attendant), t.id, unit, std::nullopt);
      clock.advance(std::chrono::minutes(30));
      desk->work().resolve(as(w.attendant), t.id, "Feito.", 5);
      desk->work().evaluate(as(w.requester_seger), t.id, stars,
                            stars == 5 ? kHostile : "Demorou um pouco.");
      stars = 3;
    }
  }
};

TEST_P(SatisfactionPagesTest, OnlyTheLeadershipUnitManagersAndAdminsOpenThem) {
  const Person lia = create_leader();
  for (const char* path : {"/relatorios/satisfacao", "/relatorios/carta",
                           "/relatorios/satisfacao.csv?tabela=distribuicao",
                           "/relatorios/carta.csv?tabela=servicos"}) {
    for (const auto& p : {w.admin, lia, w.manager_gesin, w.manager_seger}) {
      EXPECT_EQ(get(sign_in(p), path).status, 200) << path << " " << p.name;
    }
    for (const auto& p : {w.attendant, w.analyst_sis, w.relations_agent, w.requester_seger}) {
      EXPECT_EQ(get(sign_in(p), path).status, 403) << path << " " << p.name;
    }
    EXPECT_EQ(http_request(port, "GET", path).status, 303) << path;  // to /entrar
  }
  // Bad input: 4xx, in pt-BR.
  const auto admin = sign_in(w.admin);
  EXPECT_EQ(get(admin, "/relatorios/satisfacao?apos=xyz").status, 400);
  EXPECT_EQ(get(admin, "/relatorios/satisfacao.csv?tabela=nenhuma").status, 404);
  EXPECT_EQ(get(admin, "/relatorios/carta?canal=email").status, 400);
}

TEST_P(SatisfactionPagesTest, TheReportsNavLeadsToBoth) {
  const auto admin = sign_in(w.admin);
  const auto index = get(admin, "/relatorios");
  EXPECT_THAT(index.body, HasSubstr("href=\"/relatorios/satisfacao\""));
  EXPECT_THAT(index.body, HasSubstr("href=\"/relatorios/carta\""));
  const auto sla = get(admin, "/relatorios/sla");
  EXPECT_THAT(sla.body, HasSubstr("href=\"/relatorios/satisfacao\""));
  EXPECT_THAT(sla.body, HasSubstr("href=\"/relatorios/carta\""));
  // A page does not link to itself in the nav, and links to the others.
  const auto own = get(admin, "/relatorios/satisfacao");
  EXPECT_THAT(own.body, Not(HasSubstr("<a href=\"/relatorios/satisfacao\">")));
  EXPECT_THAT(own.body, HasSubstr("<a href=\"/relatorios/carta\">"));
  EXPECT_THAT(own.body, HasSubstr("<a href=\"/relatorios/sla\">"));
}

TEST_P(SatisfactionPagesTest, AUnitManagerSeesOnlyTheirUnitsAndServices) {
  rated_tickets();
  const std::string query = "?de=01/03/2026&ate=31/03/2026";
  const auto admin = get(sign_in(w.admin), "/relatorios/satisfacao" + query);
  ASSERT_EQ(admin.status, 200);
  EXPECT_THAT(admin.body, HasSubstr("SGDBA — Subgerência de Banco de Dados"));
  EXPECT_THAT(admin.body, HasSubstr("Demorou um pouco."));
  const auto manager = get(sign_in(w.manager_gesin), "/relatorios/satisfacao" + query);
  ASSERT_EQ(manager.status, 200);
  EXPECT_THAT(manager.body, HasSubstr("SGSIS — Subgerência de Sistemas"));
  EXPECT_THAT(manager.body, Not(HasSubstr("SGDBA")));
  EXPECT_THAT(manager.body, Not(HasSubstr("Demorou um pouco.")));
  EXPECT_EQ(
      get(sign_in(w.manager_gesin), "/relatorios/satisfacao?unidade=" + std::to_string(w.sgdba.id))
          .status,
      404);
  // The charter panel: the services their units own (SIS-ACESSO), not the
  // central's SUP-TEC.
  auto listed = [&](const Person& p) {
    const auto page = get(sign_in(p), "/relatorios/carta" + query);
    EXPECT_EQ(page.status, 200);
    std::vector<std::string> names;
    const auto rows = html_table_cells(page.body, "servicos");
    for (std::size_t i = 1; i < rows.size(); ++i) names.push_back(rows[i][0]);
    return names;
  };
  EXPECT_THAT(listed(w.manager_gesin), ::testing::ElementsAre("Acesso a sistemas corporativos"));
  EXPECT_THAT(listed(w.admin), ::testing::Contains("Solicitar Suporte de Tecnologia"));
  const auto all = get(sign_in(w.admin), "/relatorios/carta" + query);
  // Only SUP-TEC had tickets resolved against a deadline: the others have no
  // bar in the chart of the share within it ("—" in the table, not 0 %).
  const auto start = all.body.find("id=\"grafico-carta-prazo\"");
  ASSERT_NE(start, std::string::npos);
  const auto chart = all.body.substr(start, all.body.find("</svg>", start) - start);
  EXPECT_THAT(chart, HasSubstr("Solicitar Suporte"));
  EXPECT_THAT(chart, Not(HasSubstr("Acesso a sistemas")));
  EXPECT_THAT(chart, Not(HasSubstr("Projeto de sistema")));
  // Its filters are the period, the unit and the service.
  EXPECT_THAT(all.body, Not(HasSubstr("id=\"canal\"")));
  EXPECT_THAT(all.body, HasSubstr("id=\"servico\""));
}

// The requester of both tickets is SEGER's: its manager sees both; asking for
// another organization is refused as unknown; the charter panel, the public
// Carta's figures, takes no organization.
TEST_P(SatisfactionPagesTest, AnOrganizationsManagerSeesTheirOrganizationsRatings) {
  rated_tickets();
  const std::string query = "?de=01/03/2026&ate=31/03/2026";
  const auto seger = sign_in(w.manager_seger);
  const auto mine = get(seger, "/relatorios/satisfacao" + query);
  ASSERT_EQ(mine.status, 200);
  EXPECT_THAT(mine.body, HasSubstr("Demorou um pouco."));
  EXPECT_EQ(get(seger, "/relatorios/satisfacao?orgao=" + std::to_string(w.sesa.id)).status, 404);
  const auto sesa = get(sign_in(w.admin),
                        "/relatorios/satisfacao" + query + "&orgao=" + std::to_string(w.sesa.id));
  ASSERT_EQ(sesa.status, 200);
  EXPECT_THAT(sesa.body, Not(HasSubstr("Demorou um pouco.")));
  EXPECT_EQ(get(seger, "/relatorios/carta" + query).status, 200);
  EXPECT_EQ(get(sign_in(w.admin), "/relatorios/carta?orgao=" + std::to_string(w.seger.id)).status,
            400);
}

TEST_P(SatisfactionPagesTest, EachCsvHoldsTheCellsOfItsTable) {
  rated_tickets();
  const auto browser = sign_in(w.admin);
  const std::string query = "de=01/03/2026&ate=31/03/2026";
  for (const auto& [report, table] :
       std::vector<std::pair<std::string, std::string>>{{"satisfacao", "distribuicao"},
                                                        {"satisfacao", "servicos"},
                                                        {"satisfacao", "unidades"},
                                                        {"satisfacao", "comentarios"},
                                                        {"carta", "servicos"}}) {
    const auto html = get(browser, "/relatorios/" + report + "?" + query);
    ASSERT_EQ(html.status, 200);
    const auto on_page = html_table_cells(html.body, table);
    ASSERT_FALSE(on_page.empty()) << report << " " << table;
    const auto csv = get(browser, "/relatorios/" + report + ".csv?tabela=" + table + "&" + query);
    ASSERT_EQ(csv.status, 200) << table;
    ASSERT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u) << "BOM";
    EXPECT_EQ(csv_cells(csv.body), on_page) << report << " " << table;
  }
  const auto html = get(browser, "/relatorios/satisfacao?" + query);
  // 2 asked, 2 rated: 100 %, a mean of 4 stars; the comment escaped.
  EXPECT_THAT(html.body, HasSubstr("100,0 %"));
  EXPECT_THAT(html.body, HasSubstr("4,00"));
  EXPECT_THAT(html.body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html.body, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(html.body, HasSubstr("<svg class=\"grafico\""));
  const auto comments = html_table_cells(html.body, "comentarios");
  ASSERT_EQ(comments.size(), 3u);  // the header and two comments, newest first
  EXPECT_EQ(comments[1][3], "Demorou um pouco.");
  EXPECT_EQ(comments[2][3], kHostile);
}

TEST_P(SatisfactionPagesTest, EachCommentShownIsInTheAccessLog) {
  rated_tickets();
  const auto browser = sign_in(w.manager_gesin);
  ASSERT_EQ(get(browser, "/relatorios/satisfacao?de=01/03/2026&ate=31/03/2026").status, 200);
  desk->access_log().flush();
  // GESIN's unit has one of the two comments: the page showed it and no other.
  EXPECT_EQ(count("access_log WHERE object_kind = 'rating_comment' AND channel = 'web' AND "
                  "reader_person_id = " +
                  std::to_string(w.manager_gesin.id)),
            1);
  // The distribution's CSV shows no comment; the comments' does.
  get(browser, "/relatorios/satisfacao.csv?tabela=distribuicao&de=01/03/2026&ate=31/03/2026");
  get(browser, "/relatorios/satisfacao.csv?tabela=comentarios&de=01/03/2026&ate=31/03/2026");
  desk->access_log().flush();
  EXPECT_EQ(count("access_log WHERE object_kind = 'rating_comment'"), 2);
}

TEST_P(SatisfactionPagesTest, TheDefinitionsFollowTheVisitorsLanguage) {
  auto browser = sign_in(w.admin);
  const auto pt = get(browser, "/relatorios/satisfacao");
  EXPECT_THAT(pt.body, HasSubstr("Taxa de resposta = avaliados ÷ perguntados"));
  const auto carta_pt = get(browser, "/relatorios/carta");
  EXPECT_THAT(carta_pt.body, HasSubstr("os números são os da Carta"));
  browser.cookie += "; idioma=en";
  const auto en = get(browser, "/relatorios/satisfacao");
  EXPECT_THAT(en.body, HasSubstr("Response rate = rated ÷ asked"));
  EXPECT_THAT(en.body, HasSubstr("How it is counted"));
  const auto carta_en = get(browser, "/relatorios/carta");
  EXPECT_THAT(carta_en.body, HasSubstr("the figures are the Carta"));
}

GUICHE_ON_BOTH_ENGINES(SatisfactionPagesTest);

}  // namespace
}  // namespace guiche::testing
