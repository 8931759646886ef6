// GET /api/v1/reports/satisfaction and /api/v1/reports/charter: the figures
// of the pages as JSON (the stars from 1 to 5, the rate and the mean), the
// comments paged by the keyset `after` newest resolution first, a unit
// manager's scope, and bad input as problem+json with a pt-BR detail. Who may
// call them at all: tests/api/authorization_matrix_table.cpp.
#include <gmock/gmock.h>

#include "app/intake/intake.hpp"
#include "app/privacy/access_log.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class SatisfactionReportApiTest : public ApiTest {
 protected:
  // Three rated tickets of March 2026, one a minute apart: two at SGSIS
  // (under GESIN), the last at SGDBA.
  void rated() {
    clock.set(parse_instant("2026-03-10T09:00-03:00").value());
    int stars = 5;
    for (auto unit : {w.sgsis.id, w.sgsis.id, w.sgdba.id}) {
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
      desk->work().resolve(as(w.attendant), t.id, "Feito.", 5);
      desk->work().evaluate(as(w.requester_seger), t.id, stars, "Nota " + std::to_string(stars));
      stars -= 1;
    }
  }
};

TEST_P(SatisfactionReportApiTest, TheFiguresAndTheCommentsPageByPage) {
  rated();
  const auto admin = sign_in(w.admin);
  const std::string base = "/api/v1/reports/satisfaction?from=2026-03-01&to=2026-03-31";
  const auto r = call("GET", base, admin);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  EXPECT_EQ(j["total"]["asked"], 3);
  EXPECT_EQ(j["total"]["rated"], 3);
  EXPECT_EQ(j["total"]["stars"], nlohmann::json::array({0, 0, 1, 1, 1}));
  EXPECT_DOUBLE_EQ(j["total"]["average"].get<double>(), 4.0);
  EXPECT_DOUBLE_EQ(j["total"]["response_percent"].get<double>(), 100.0);
  EXPECT_EQ(j["by_unit"].size(), 2u);
  // Two comments a page: the newest two, then the last.
  auto page = call("GET", base + "&limit=2", admin).json();
  ASSERT_EQ(page["comments"].size(), 2u);
  EXPECT_EQ(page["comments"][0]["comment"], "Nota 3");
  EXPECT_EQ(page["comments"][1]["comment"], "Nota 4");
  ASSERT_TRUE(page["next_after"].is_string());
  page =
      call("GET", base + "&limit=2&after=" + page["next_after"].get<std::string>(), admin).json();
  ASSERT_EQ(page["comments"].size(), 1u);
  EXPECT_EQ(page["comments"][0]["comment"], "Nota 5");
  EXPECT_TRUE(page["next_after"].is_null());
  // A unit manager: their units only.
  const auto mine = call("GET", base, sign_in(w.manager_gesin)).json();
  EXPECT_EQ(mine["total"]["asked"], 2);
  EXPECT_EQ(mine["comments"].size(), 2u);
}

TEST_P(SatisfactionReportApiTest, EachCommentReadIsInTheAccessLog) {
  rated();
  const auto manager = sign_in(w.manager_gesin);
  ASSERT_EQ(
      call("GET", "/api/v1/reports/satisfaction?from=2026-03-01&to=2026-03-31", manager).status,
      200);
  desk->access_log().flush();
  const auto log =
      call("GET", "/api/v1/access-log?subject_person_id=" + std::to_string(w.requester_seger.id),
           sign_in(w.admin))
          .json();
  // The two comments of GESIN's units, each its requester's words.
  int comments = 0;
  for (const auto& e : log["items"]) {
    if (e["object_kind"] != "rating_comment") continue;
    ++comments;
    EXPECT_EQ(e["reader_person_id"], w.manager_gesin.id);
    EXPECT_EQ(e["channel"], "api");
  }
  EXPECT_EQ(comments, 2);
}

TEST_P(SatisfactionReportApiTest, TheCharterPanelGivesTheCartasFigures) {
  rated();
  const auto r =
      call("GET", "/api/v1/reports/charter?from=2026-03-01&to=2026-03-31", sign_in(w.admin));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  EXPECT_EQ(j["first_month"], "2026-03");
  const nlohmann::json* support = nullptr;
  for (const auto& s : j["services"]) {
    if (s["code"] == "SUP-TEC") support = &s;
  }
  ASSERT_NE(support, nullptr);
  EXPECT_EQ((*support)["registered"], 3);
  EXPECT_EQ((*support)["resolved"], 3);
  EXPECT_EQ((*support)["ratings"], 3);
  EXPECT_DOUBLE_EQ((*support)["mean_rating"].get<double>(), 4.0);
  EXPECT_DOUBLE_EQ((*support)["in_time_percent"].get<double>(), 100.0);
  EXPECT_TRUE((*support)["median_resolution_ms"].is_number_integer());
}

TEST_P(SatisfactionReportApiTest, BadInputIsAProblemInPortuguese) {
  const auto admin = sign_in(w.admin);
  for (const char* target :
       {"/api/v1/reports/satisfaction?after=nada", "/api/v1/reports/satisfaction?from=31-03-2026",
        "/api/v1/reports/satisfaction?from=2026-03-31&to=2026-03-01",
        "/api/v1/reports/charter?channel=email", "/api/v1/reports/charter?unit=abc",
        "/api/v1/reports/charter?organization=1"}) {
    const auto r = call("GET", target, admin);
    EXPECT_EQ(r.status, 422) << target << " " << r.body;
    EXPECT_THAT(r.headers.at("content-type"), HasSubstr("application/problem+json")) << target;
    EXPECT_FALSE(r.json().value("detail", "").empty()) << target;
  }
  EXPECT_EQ(call("GET", "/api/v1/reports/charter?unit=" + std::to_string(w.sgdba.id),
                 sign_in(w.manager_gesin))
                .status,
            404);
}

GUICHE_ON_BOTH_ENGINES(SatisfactionReportApiTest);

}  // namespace
}  // namespace guiche::testing
