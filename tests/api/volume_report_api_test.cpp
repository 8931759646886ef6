// GET /api/v1/reports/volume: the time agents logged, by unit and service, as
// the page shows it (the rules: tests/app/data/report_rollups.cases), in a
// unit manager's scope too. Who may call it at all:
// tests/api/authorization_matrix_table.cpp.
#include <gmock/gmock.h>

#include "app/intake/intake.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

class VolumeReportApiTest : public ApiTest {
 protected:
  // Two tickets of March 2026: at SGSIS (under GESIN) 40 min logged and 5 with
  // the solution; at SGDBA 5 with the solution.
  void worked() {
    clock.set(parse_instant("2026-03-10T09:00-03:00").value());
    for (auto unit : {w.sgsis.id, w.sgdba.id}) {
      app::RegisterRequest r;
      r.requester_id = w.requester_seger.id;
      r.service_code = "SUP-TEC";
      r.category = Category::service_request;
      r.subject = "API";
      r.description = "Relatório pela API.";
      r.impact = 1;
      r.urgency = 1;
      const auto t = desk->intake().register_request(as(w.requester_seger), r);
      desk->work().route(as(w.attendant), t.id, unit, std::nullopt);
      clock.advance(std::chrono::minutes(1));
      if (unit == w.sgsis.id) desk->work().log_time(as(w.attendant), t.id, 40, "Diagnóstico.");
      desk->work().resolve(as(w.attendant), t.id, "Feito.", 5);
    }
  }
};

TEST_P(VolumeReportApiTest, TheTimeLoggedByUnitAndService) {
  worked();
  const std::string path = "/api/v1/reports/volume?from=2026-03-01&to=2026-03-31";
  const auto all = call("GET", path, sign_in(w.admin));
  ASSERT_EQ(all.status, 200) << all.body;
  const auto j = all.json();
  EXPECT_EQ(j["time_total"]["minutes"], 50);
  EXPECT_EQ(j["time_total"]["entries"], 3);
  ASSERT_EQ(j["time_logged"].size(), 2u) << j["time_logged"].dump();
  // In the units' order: SGSIS before SGDBA (tests/support/desk_world.cpp).
  EXPECT_EQ(j["time_logged"][0]["unit_id"], w.sgsis.id);
  EXPECT_EQ(j["time_logged"][0]["service_id"], w.support.id);
  EXPECT_EQ(j["time_logged"][0]["minutes"], 45);
  EXPECT_EQ(j["time_logged"][0]["entries"], 2);
  EXPECT_EQ(j["time_logged"][1]["unit_id"], w.sgdba.id);
  EXPECT_EQ(j["time_logged"][1]["minutes"], 5);
  // GESIN's manager: SGSIS alone.
  const auto mine = call("GET", path, sign_in(w.manager_gesin)).json();
  EXPECT_EQ(mine["time_total"]["minutes"], 45);
  ASSERT_EQ(mine["time_logged"].size(), 1u);
  EXPECT_EQ(mine["time_logged"][0]["unit_id"], w.sgsis.id);
}

GUICHE_ON_BOTH_ENGINES(VolumeReportApiTest);

}  // namespace
}  // namespace guiche::testing
