// GET /api/v1/reports/incidents and /api/v1/reports/manifestations: the
// reports' figures as JSON with the page's rules (app/reports/), bad filters
// as problems in pt-BR; who may call them is the authorization matrix's
// (tests/api/authorization_matrix_table.cpp).
#include <gmock/gmock.h>

#include <nlohmann/json.hpp>

#include "app/directory/directory.hpp"
#include "app/incidents/status_components.hpp"
#include "app/incidents/status_notices.hpp"
#include "app/manifestations/manifestations.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class IncidentManifestationReportApiTest : public ApiTest {};

TEST_P(IncidentManifestationReportApiTest, TheFiguresOfAnIncidentAndAManifestacao) {
  StatusComponent c;
  c.name = "SIGEFES";
  c.group_name = "Sistemas";
  c.responsible_unit_id = w.sgsis.id;
  c.organization_ids = {w.seger.id};
  const auto component = desk->status_components().create_component(as(w.admin), c);
  app::ReportIncident r;
  r.component_ids = {component.id};
  r.impact = "a folha";
  r.description = "Não abre.";
  const auto n = desk->status_notices().report_incident(as(w.attendant), r);
  clock.advance(std::chrono::minutes(15));
  app::NoticeStep s;
  s.action = NoticeAction::confirm_organization;
  s.organization_id = w.seger.id;
  desk->status_notices().act(as(w.analyst_sis), n.notice.id, s);
  clock.advance(std::chrono::minutes(45));
  s.action = NoticeAction::restore;
  desk->status_notices().act(as(w.analyst_sis), n.notice.id, s);
  app::ManifestationForm f;
  f.kind = "praise";
  f.identification = "identified";
  f.subject = "Atendimento";
  f.description = "Muito bom.";
  f.name = "Ana Cidadã";
  f.email = "ana@exemplo.com.br";
  desk->manifestations().register_manifestation(std::nullopt, f);

  const auto admin = sign_in(w.admin);
  auto res = call("GET", "/api/v1/reports/incidents?from=2026-03-01&to=2026-03-31", admin);
  ASSERT_EQ(res.status, 200) << res.body;
  auto j = nlohmann::json::parse(res.body);
  EXPECT_EQ(j["total"]["reported"], 1);
  EXPECT_EQ(j["total"]["restored"], 1);
  EXPECT_EQ(j["total"]["organizations_affected"], 1);
  EXPECT_EQ(j["total"]["to_confirmation_median_ms"], 15 * 60'000);
  EXPECT_EQ(j["total"]["to_restoration_median_ms"], 45 * 60'000);
  EXPECT_EQ(j["incidents"][0]["duration_ms"], 60 * 60'000);
  EXPECT_EQ(j["incidents"][0]["outcome"], "restored");
  EXPECT_EQ(j["incidents"][0]["scope"], "SEGER");
  EXPECT_EQ(j["months"][0]["month"], "2026-03");

  res = call("GET", "/api/v1/reports/manifestations?from=2026-03-01&to=2026-03-31&kind=praise",
             admin);
  ASSERT_EQ(res.status, 200) << res.body;
  j = nlohmann::json::parse(res.body);
  EXPECT_EQ(j["total"]["received"], 1);
  EXPECT_EQ(j["total"]["open"], 1);
  EXPECT_EQ(j["by_kind"][2]["key"], "praise");
  EXPECT_EQ(j["by_service"][0]["key"], "");  // the unit in general
  EXPECT_THAT(res.body, ::testing::Not(HasSubstr("Ana")));
}

TEST_P(IncidentManifestationReportApiTest, BadFiltersAreProblemsInPortuguese) {
  const auto admin = sign_in(w.admin);
  for (const char* target :
       {"/api/v1/reports/incidents?from=2026-02-30", "/api/v1/reports/incidents?organization=x",
        "/api/v1/reports/incidents?from=2026-03-31&to=2026-03-01",
        "/api/v1/reports/manifestations?kind=xingamento",
        "/api/v1/reports/manifestations?from=2020-01-01&to=2026-12-31"}) {
    const auto res = call("GET", target, admin);
    EXPECT_EQ(res.status, 422) << target << " " << res.body;
    EXPECT_THAT(res.body, HasSubstr("\"detail\"")) << target;
  }
  // Each names its field.
  EXPECT_THAT(call("GET", "/api/v1/reports/incidents?organization=x", admin).body,
              HasSubstr("\"field\":\"organization\""));
  EXPECT_THAT(call("GET", "/api/v1/reports/manifestations?kind=x", admin).body,
              HasSubstr("\"field\":\"kind\""));
  EXPECT_EQ(call("GET", "/api/v1/reports/incidents?organization=999999", admin).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/reports/manifestations?service=999999", admin).status, 404);
}

GUICHE_ON_BOTH_ENGINES(IncidentManifestationReportApiTest);

}  // namespace
}  // namespace guiche::testing
