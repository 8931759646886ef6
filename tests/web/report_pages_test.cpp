// The reports area through the real server: /relatorios and its reports for
// the leadership, unit managers and admins (403 for anyone else, /entrar
// for nobody signed in); a unit manager's pages name only their units; each
// CSV holds the very cells of the page's table (BOM, `;`, decimal comma).
#include <gmock/gmock.h>

#include <regex>

#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"
#include "web/report_table_reading.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ReportPagesTest : public WebServerTest {
 protected:
  // Two tickets of March 2026: one at SGSIS (under GESIN), one at SGDBA.
  void two_tickets() {
    for (auto unit : {w.sgsis.id, w.sgdba.id}) {
      app::RegisterRequest r;
      r.requester_id = w.requester_seger.id;
      r.service_code = "SUP-TEC";
      r.category = Category::service_request;
      r.subject = "Relatório; com \"aspas\"";
      r.description = "Para os relatórios.";
      r.impact = 1;
      r.urgency = 1;
      const auto t = desk->intake().register_request(as(w.requester_seger), r);
      desk->work().route(as(w.attendant), t.id, unit, std::nullopt);
      clock.advance(std::chrono::minutes(30));
      desk->work().resolve(as(w.attendant), t.id, "Feito.", 5);
    }
  }
};

TEST_P(ReportPagesTest, OnlyTheLeadershipManagersAndAdminsOpenTheReports) {
  const Person lia = create_leader();
  for (const char* path :
       {"/relatorios", "/relatorios/sla", "/relatorios/volume",
        "/relatorios/sla.csv?tabela=severidades", "/relatorios/volume.csv?tabela=dias"}) {
    for (const auto& p : {w.admin, lia, w.manager_gesin, w.manager_seger}) {
      EXPECT_EQ(get(sign_in(p), path).status, 200) << path << " " << p.name;
    }
    for (const auto& p : {w.attendant, w.analyst_sis, w.relations_agent, w.requester_seger}) {
      EXPECT_EQ(get(sign_in(p), path).status, 403) << path << " " << p.name;
    }
    EXPECT_EQ(http_request(port, "GET", path).status, 303) << path;  // to /entrar
  }
  // The menu offers them to those who may open them.
  EXPECT_THAT(get(sign_in(lia), "/servicos").body, HasSubstr("href=\"/relatorios\""));
  EXPECT_THAT(get(sign_in(w.analyst_sis), "/servicos").body,
              Not(HasSubstr("href=\"/relatorios\"")));
}

TEST_P(ReportPagesTest, AUnitManagerSeesOnlyTheirUnits) {
  two_tickets();
  const auto admin = get(sign_in(w.admin), "/relatorios/volume?de=01/03/2026&ate=31/03/2026");
  ASSERT_EQ(admin.status, 200);
  EXPECT_THAT(admin.body, HasSubstr("SGDBA — Subgerência de Banco de Dados"));
  const auto manager =
      get(sign_in(w.manager_gesin), "/relatorios/volume?de=01/03/2026&ate=31/03/2026");
  ASSERT_EQ(manager.status, 200);
  EXPECT_THAT(manager.body, HasSubstr("SGSIS — Subgerência de Sistemas"));
  EXPECT_THAT(manager.body, Not(HasSubstr("SGDBA")));
  // Asking for another unit by its id is refused as unknown.
  EXPECT_EQ(
      get(sign_in(w.manager_gesin), "/relatorios/volume?unidade=" + std::to_string(w.sgdba.id))
          .status,
      404);
}

TEST_P(ReportPagesTest, AnOrganizationManagerSeesOnlyTheirOrganization) {
  two_tickets();  // SEGER's
  app::RegisterRequest r;
  r.requester_id = w.requester_sesa.id;
  r.service_code = "SUP-TEC";
  r.category = Category::service_request;
  r.subject = "Da SESA";
  r.description = "Outro órgão.";
  r.impact = 1;
  r.urgency = 1;
  desk->intake().register_request(as(w.requester_sesa), r);
  const std::string march = "de=01/03/2026&ate=31/03/2026";
  const auto admin = get(sign_in(w.admin), "/relatorios/volume?" + march);
  ASSERT_EQ(admin.status, 200);
  const auto sesa =
      get(sign_in(w.admin), "/relatorios/volume?orgao=" + std::to_string(w.sesa.id) + "&" + march);
  ASSERT_EQ(sesa.status, 200);
  const auto browser = sign_in(w.manager_seger);
  const auto own = get(browser, "/relatorios/volume?" + march);
  ASSERT_EQ(own.status, 200);
  const auto registered = [](const std::string& html) {
    std::smatch m;
    std::regex_search(html, m, std::regex("Registrados no período</dt><dd>(\\d+)"));
    return m.size() > 1 ? m[1].str() : std::string("?");
  };
  EXPECT_EQ(registered(admin.body), "3");  // every organization
  EXPECT_EQ(registered(own.body), "2");
  EXPECT_EQ(registered(sesa.body), "1");
  // The organization filter offers their own organization alone.
  EXPECT_THAT(own.body, HasSubstr(w.seger.name));
  EXPECT_THAT(own.body, Not(HasSubstr(w.sesa.name)));
  // Another organization's figures are unknown to them, on the page and in a CSV.
  EXPECT_EQ(get(browser, "/relatorios/volume?orgao=" + std::to_string(w.sesa.id)).status, 404);
  EXPECT_EQ(
      get(browser, "/relatorios/sla.csv?tabela=severidades&orgao=" + std::to_string(w.sesa.id))
          .status,
      404);
}

TEST_P(ReportPagesTest, APageSaysWhileItsFiguresAreStillBeingCounted) {
  two_tickets();
  const auto browser = sign_in(w.admin);
  EXPECT_THAT(get(browser, "/relatorios/sla").body, Not(HasSubstr("recontados")));
  database->db().write([](store::Connection& c) {
    c.query("UPDATE report_recount SET total = 4, done = 1, finished_at = NULL WHERE id = 1");
  });
  EXPECT_THAT(get(browser, "/relatorios/sla").body, HasSubstr("Recontados até agora: 25 %."));
  EXPECT_THAT(get(browser, "/relatorios/volume").body, HasSubstr("25 %"));
}

TEST_P(ReportPagesTest, EachCsvHoldsTheCellsOfItsTable) {
  two_tickets();
  const auto browser = sign_in(w.admin);
  const std::string query = "de=01/03/2026&ate=31/03/2026";
  for (const auto& [report, table] :
       std::vector<std::pair<std::string, std::string>>{{"sla", "severidades"},
                                                        {"sla", "servicos"},
                                                        {"volume", "dias"},
                                                        {"volume", "servicos"},
                                                        {"volume", "envelhecimento"},
                                                        {"volume", "tempo"}}) {
    const auto html = get(browser, "/relatorios/" + report + "?" + query);
    ASSERT_EQ(html.status, 200);
    const auto on_page = html_table_cells(html.body, table);
    ASSERT_FALSE(on_page.empty()) << table;
    const auto csv = get(browser, "/relatorios/" + report + ".csv?tabela=" + table + "&" + query);
    ASSERT_EQ(csv.status, 200) << table;
    ASSERT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u) << "BOM";
    EXPECT_EQ(csv_cells(csv.body), on_page) << report << " " << table;
  }
  // The SLA table: both met within the hour, 100 % against the 90 % target.
  const auto html = get(browser, "/relatorios/sla?" + query);
  EXPECT_THAT(html.body, HasSubstr("100,0 %"));
  EXPECT_THAT(html.body, HasSubstr("<svg class=\"grafico\""));
  EXPECT_THAT(html.body, HasSubstr("Como se conta"));
  // The time logged with each solution, by unit: 5 minutes each, 10 in all.
  const auto cells = html_table_cells(get(browser, "/relatorios/volume?" + query).body, "tempo");
  ASSERT_EQ(cells.size(), 4u);  // the headers, SGSIS, SGDBA, the total
  EXPECT_EQ(cells[1][0], "SGSIS — Subgerência de Sistemas");
  EXPECT_EQ(cells[1][4], "5");
  EXPECT_EQ(cells[3][0], "Total");
  EXPECT_EQ(cells[3][4], "10");
}

GUICHE_ON_BOTH_ENGINES(ReportPagesTest);

}  // namespace
}  // namespace guiche::testing
