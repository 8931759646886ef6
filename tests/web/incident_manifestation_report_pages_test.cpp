// The incidents and manifestações reports through the real server
// (/relatorios/incidentes, /relatorios/manifestacoes): who opens each (ASCOM
// the incidents, the ouvidoria the manifestações, neither the other's; a unit
// manager the incidents of their units and no manifestação), the tabs of the
// reports area offered to each, and each CSV holding the very cells of its
// table on the page.
#include <gmock/gmock.h>

#include <regex>

#include "app/directory/directory.hpp"
#include "app/incidents/status_components.hpp"
#include "app/incidents/status_notices.hpp"
#include "app/manifestations/manifestations.hpp"
#include "support/web_server_test.hpp"
#include "web/report_table_reading.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class IncidentManifestationReportPagesTest : public WebServerTest {
 protected:
  Person person(const char* name, const char* email, Role role, std::optional<std::int64_t> unit) {
    Person p;
    p.name = name;
    p.emails = {email};
    p.roles = {{role, unit}};
    return desk->directory().create_person(as(w.admin), {p, std::nullopt});
  }

  // An incident of a SGSIS component and one of a GEINF component, confirmed
  // and restored; one manifestação.
  void history() {
    StatusComponent c;
    c.name = "SIGEFES; \"folha\"";
    c.group_name = "Sistemas";
    c.responsible_unit_id = w.sgsis.id;
    c.organization_ids = {w.seger.id};
    const auto sigefes = desk->status_components().create_component(as(w.admin), c);
    c.name = "Rede Metropolitana";
    c.responsible_unit_id = w.geinf.id;
    const auto network = desk->status_components().create_component(as(w.admin), c);
    // Each confirmed and restored by its team (SGSIS's analyst; GEINF's, from SGDBA below it).
    for (const auto& [component, title, team] :
         {std::tuple{sigefes.id, "Folha fora do ar", w.analyst_sis},
          std::tuple{network.id, "Rede lenta", w.analyst_dba}}) {
      app::ReportIncident r;
      r.component_ids = {component};
      r.title = title;
      r.impact = "o acesso";
      r.description = "Não abre.";
      const auto n = desk->status_notices().report_incident(as(w.attendant), r);
      clock.advance(std::chrono::minutes(20));
      app::NoticeStep s;
      s.action = NoticeAction::confirm_general;
      desk->status_notices().act(as(team), n.notice.id, s);
      clock.advance(std::chrono::minutes(40));
      s.action = NoticeAction::restore;
      desk->status_notices().act(as(team), n.notice.id, s);
    }
    app::ManifestationForm f;
    f.kind = "complaint";
    f.identification = "identified";
    f.service_code = "SUP-TEC";
    f.subject = "Demora";
    f.description = "Esperei muito.";
    f.name = "Ana Cidadã";
    f.email = "ana@exemplo.com.br";
    desk->manifestations().register_manifestation(std::nullopt, f);
  }
};

TEST_P(IncidentManifestationReportPagesTest, EachReportOpensToItsOwnPeople) {
  const Person lia = person("Lia Diretora", "lia@prodest.es.gov.br", Role::leadership, {});
  const Person amanda =
      person("Amanda Comunicação", "amanda@prodest.es.gov.br", Role::communications, w.ascom.id);
  const Person otto = person("Otto Ouvidor", "otto@prodest.es.gov.br", Role::ombudsman, {});
  const std::vector<std::string> incidents = {"/relatorios/incidentes",
                                              "/relatorios/incidentes.csv?tabela=meses"};
  const std::vector<std::string> manifestations = {"/relatorios/manifestacoes",
                                                   "/relatorios/manifestacoes.csv?tabela=art15"};
  for (const auto& path : incidents) {
    for (const auto& p : {w.admin, lia, amanda, w.manager_gesin}) {
      EXPECT_EQ(get(sign_in(p), path).status, 200) << path << " " << p.name;
    }
    for (const auto& p : {otto, w.attendant, w.analyst_sis, w.requester_seger, w.manager_seger}) {
      EXPECT_EQ(get(sign_in(p), path).status, 403) << path << " " << p.name;
    }
    EXPECT_EQ(http_request(port, "GET", path).status, 303) << path;
  }
  for (const auto& path : manifestations) {
    for (const auto& p : {w.admin, lia, otto}) {
      EXPECT_EQ(get(sign_in(p), path).status, 200) << path << " " << p.name;
    }
    for (const auto& p : {amanda, w.manager_gesin, w.attendant, w.requester_seger}) {
      EXPECT_EQ(get(sign_in(p), path).status, 403) << path << " " << p.name;
    }
    EXPECT_EQ(http_request(port, "GET", path).status, 303) << path;
  }
  // The area and its tabs: ASCOM reaches only the incidents, the ouvidoria
  // only the manifestações, a unit manager no manifestação.
  const auto ascom_index = get(sign_in(amanda), "/relatorios");
  ASSERT_EQ(ascom_index.status, 200);
  EXPECT_THAT(ascom_index.body, HasSubstr("href=\"/relatorios/incidentes\""));
  EXPECT_THAT(ascom_index.body, Not(HasSubstr("href=\"/relatorios/sla\"")));
  EXPECT_THAT(ascom_index.body, Not(HasSubstr("href=\"/relatorios/manifestacoes\"")));
  EXPECT_THAT(get(sign_in(amanda), "/servicos").body, HasSubstr("href=\"/relatorios\""));
  const auto ouvidoria = get(sign_in(otto), "/relatorios/manifestacoes");
  EXPECT_THAT(ouvidoria.body, Not(HasSubstr("href=\"/relatorios/incidentes\"")));
  EXPECT_THAT(ouvidoria.body, Not(HasSubstr("href=\"/relatorios/volume\"")));
  const auto manager = get(sign_in(w.manager_gesin), "/relatorios/sla");
  EXPECT_THAT(manager.body, HasSubstr("href=\"/relatorios/incidentes\""));
  EXPECT_THAT(manager.body, Not(HasSubstr("href=\"/relatorios/manifestacoes\"")));
  const auto admin = get(sign_in(w.admin), "/relatorios/incidentes");
  EXPECT_THAT(admin.body, HasSubstr("href=\"/relatorios/manifestacoes\""));
  EXPECT_THAT(admin.body, HasSubstr("href=\"/relatorios/sla\""));
}

TEST_P(IncidentManifestationReportPagesTest, AUnitManagerSeesTheIncidentsOfTheirUnits) {
  history();
  const std::string period = "?de=01/03/2026&ate=31/03/2026";
  const auto admin = get(sign_in(w.admin), "/relatorios/incidentes" + period);
  ASSERT_EQ(admin.status, 200);
  EXPECT_THAT(admin.body, HasSubstr("Rede lenta"));
  EXPECT_THAT(admin.body, HasSubstr("Folha fora do ar"));
  const auto manager = get(sign_in(w.manager_gesin), "/relatorios/incidentes" + period);
  ASSERT_EQ(manager.status, 200);
  EXPECT_THAT(manager.body, HasSubstr("Folha fora do ar"));
  EXPECT_THAT(manager.body, Not(HasSubstr("Rede lenta")));
  EXPECT_EQ(
      get(sign_in(w.manager_gesin), "/relatorios/incidentes?unidade=" + std::to_string(w.geinf.id))
          .status,
      404);
  // A malformed date is a 400 page that names the field, nothing more.
  EXPECT_EQ(get(sign_in(w.admin), "/relatorios/incidentes?de=31/02").status, 400);
  EXPECT_EQ(get(sign_in(w.admin), "/relatorios/manifestacoes?tipo=xingamento").status, 400);
}

TEST_P(IncidentManifestationReportPagesTest, EachCsvHoldsTheCellsOfItsTable) {
  history();
  const auto browser = sign_in(w.admin);
  const std::string query = "de=01/03/2026&ate=31/03/2026";
  for (const auto& [report, table] :
       std::vector<std::pair<std::string, std::string>>{{"incidentes", "resumo"},
                                                        {"incidentes", "meses"},
                                                        {"incidentes", "incidentes"},
                                                        {"incidentes", "orgaos"},
                                                        {"incidentes", "componentes"},
                                                        {"manifestacoes", "prazos"},
                                                        {"manifestacoes", "tipos"},
                                                        {"manifestacoes", "servicos"},
                                                        {"manifestacoes", "situacoes"},
                                                        {"manifestacoes", "meses"},
                                                        {"manifestacoes", "art15"}}) {
    const auto html = get(browser, "/relatorios/" + report + "?" + query);
    ASSERT_EQ(html.status, 200) << report;
    const auto on_page = html_table_cells(html.body, table);
    ASSERT_GT(on_page.size(), 1u) << report << " " << table;
    const auto csv = get(browser, "/relatorios/" + report + ".csv?tabela=" + table + "&" + query);
    ASSERT_EQ(csv.status, 200) << table;
    ASSERT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u) << "BOM";
    EXPECT_EQ(csv_cells(csv.body), on_page) << report << " " << table;
  }
  const auto html = get(browser, "/relatorios/incidentes?" + query);
  EXPECT_THAT(html.body, HasSubstr("<svg class=\"grafico\""));
  EXPECT_THAT(html.body, HasSubstr("Como se conta"));
  EXPECT_THAT(html.body, HasSubstr("da hora do relato à primeira confirmação"));
  // Both confirmed after 20 minutes: the median is 0,3 h.
  const auto summary = html_table_cells(html.body, "resumo");
  EXPECT_THAT(summary, ::testing::Contains(std::vector<std::string>{
                           "Tempo até a confirmação, mediana (h)", "0,3"}));
  // The definitions in the visitor's language (web/i18n/en).
  auto english = browser;
  english.cookie += "; idioma=en";
  const auto en = get(english, "/relatorios/incidentes?" + query);
  EXPECT_THAT(en.body, HasSubstr("from the report to the first confirmation"));
  EXPECT_THAT(get(english, "/relatorios/manifestacoes?" + query).body,
              HasSubstr("Answered within 30 days: answered by the deadline"));
  const auto m = get(browser, "/relatorios/manifestacoes?" + query);
  EXPECT_THAT(m.body, HasSubstr("I — Manifestações recebidas"));
  // The yearly report's items of the one open complaint about SUP-TEC.
  const auto items = html_table_cells(m.body, "art15");
  EXPECT_THAT(items, ::testing::Contains(
                         std::vector<std::string>{"II — Motivos (por tipo)", "Reclamação: 1"}));
  EXPECT_THAT(items, ::testing::Contains(std::vector<std::string>{
                         "IV — Providências adotadas",
                         "Respondidas: 0 (no prazo: 0); com chamado vinculado: 0 (chamados: 0); "
                         "prorrogadas: 0; arquivadas: 0"}));
  EXPECT_THAT(m.body, HasSubstr("Ano anterior (relatório anual de gestão)"));
}

GUICHE_ON_BOTH_ENGINES(IncidentManifestationReportPagesTest);

}  // namespace
}  // namespace guiche::testing
