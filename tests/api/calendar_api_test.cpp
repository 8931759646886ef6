// Calendars over HTTP on both engines: admins define calendars and load
// pontos facultativos, staff read them, anyone lists a year's holidays.
#include <gmock/gmock.h>

#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class CalendarApiTest : public ApiTest {
 protected:
  static std::string first_field(const HttpResult& r) {
    auto body = r.json();
    if (!body.contains("errors") || body["errors"].empty()) return "";
    return body["errors"][0]["field"].get<std::string>();
  }
  static json vitoria() {
    return {{"parent", "br-es"},
            {"holidays",
             {{{"kind", "easter"}, {"days_after_easter", 60}, {"name", "Corpus Christi"}},
              {{"kind", "fixed"},
               {"month", 9},
               {"day", 8},
               {"name", "Nossa Senhora da Vitória"},
               {"closure", {{"kind", "closed_from"}, {"time", "12:00"}}}}}}};
  }
  static json federal_2026() {
    return {{"items",
             {{{"date", "2026-02-16"}, {"name", "Carnaval"}},
              {{"date", "2026-02-18"},
               {"name", "Quarta-feira de Cinzas"},
               {"closure", {{"kind", "closed_until"}, {"time", "14:00"}}}},
              {{"date", "2026-12-24"},
               {"name", "Véspera de Natal"},
               {"closure", {{"kind", "closed_from"}, {"time", "13:00"}}}}}}};
  }
};

TEST_P(CalendarApiTest, AdminDefinesACalendarThatStaffRead) {
  Browser admin = sign_in(w.admin);
  auto put = call("PUT", "/api/v1/calendars/br-es-vitoria", admin, vitoria().dump());
  ASSERT_EQ(put.status, 200) << put.body;
  auto body = put.json();
  EXPECT_EQ(body["name"], "br-es-vitoria");
  EXPECT_EQ(body["builtin"], false);
  EXPECT_EQ(body["parent"], "br-es");
  EXPECT_TRUE(body["time_zone"].is_null());
  EXPECT_EQ(body["effective"]["time_zone"], "America/Sao_Paulo");
  EXPECT_EQ(body["effective"]["working_hours"]["monday"][0]["from"], "08:00");
  EXPECT_EQ(body["holidays"][1]["closure"]["kind"], "closed_from");
  EXPECT_EQ(body["holidays"][1]["closure"]["time"], "12:00");

  Browser analyst = sign_in(w.analyst_sis);
  auto list = call("GET", "/api/v1/calendars", analyst);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 4u);
  auto one = call("GET", "/api/v1/calendars/br-ms", analyst);
  EXPECT_EQ(one.json()["builtin"], true);
  EXPECT_EQ(one.json()["time_zone"], "America/Campo_Grande");
  EXPECT_EQ(call("GET", "/api/v1/calendars/br-sp", analyst).status, 404);

  // Replacing keeps the name and changes the rest.
  auto replaced = call(
      "PUT", "/api/v1/calendars/br-es-vitoria", admin,
      json{{"parent", "br-es"},
           {"time_zone", "America/Sao_Paulo"},
           {"working_hours",
            {{"monday", {{{"from", "12:00"}, {"until", "18:00"}}}},
             {"friday",
              {{{"from", "08:00"}, {"until", "12:00"}}, {{"from", "13:00"}, {"until", "17:00"}}}}}}}
          .dump());
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["holidays"].size(), 0u);
  EXPECT_EQ(replaced.json()["working_hours"]["friday"].size(), 2u);
  EXPECT_EQ(replaced.json()["effective"]["working_hours"]["tuesday"].size(), 0u);
}

TEST_P(CalendarApiTest, OnlyAdminsWriteAndRequestersOnlyReadHolidays) {
  Browser analyst = sign_in(w.analyst_sis);
  EXPECT_EQ(call("PUT", "/api/v1/calendars/br-es-vitoria", analyst, vitoria().dump()).status, 403);
  EXPECT_EQ(
      call("PUT", "/api/v1/calendars/br/optional-days/2026", analyst, federal_2026().dump()).status,
      403);
  Browser requester = sign_in(w.requester_seger);
  EXPECT_EQ(call("GET", "/api/v1/calendars", requester).status, 403);
  auto holidays = call("GET", "/api/v1/calendars/br-es/holidays?year=2026", requester);
  ASSERT_EQ(holidays.status, 200) << holidays.body;
  EXPECT_EQ(holidays.json()["items"].size(), 11u);
  EXPECT_EQ(raw("GET", "/api/v1/calendars/br/holidays?year=2026").status, 200) << "public";
  EXPECT_EQ(raw("PUT", "/api/v1/calendars/br/optional-days/2026",
                {{"Content-Type", "application/json"}}, federal_2026().dump())
                .status,
            401);
  EXPECT_EQ(count("calendars"), 0);
  EXPECT_EQ(count("calendar_optional_days"), 0);
}

TEST_P(CalendarApiTest, LoadedPontosFacultativosAppearAmongTheHolidays) {
  Browser admin = sign_in(w.admin);
  auto put = call("PUT", "/api/v1/calendars/br/optional-days/2026", admin, federal_2026().dump());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["items"].size(), 3u);

  auto holidays = raw("GET", "/api/v1/calendars/br-es/holidays?year=2026").json()["items"];
  json cinzas;
  for (const auto& d : holidays)
    if (d["date"] == "2026-02-18") cinzas = d;
  ASSERT_FALSE(cinzas.is_null()) << holidays.dump();
  EXPECT_EQ(cinzas["name"], "Quarta-feira de Cinzas");
  EXPECT_EQ(cinzas["holiday"], false);
  EXPECT_EQ(cinzas["weekday"], "quarta-feira");
  EXPECT_EQ(cinzas["closure"]["kind"], "closed_until");
  EXPECT_EQ(cinzas["closure"]["description"], "fechado até 14:00");
  EXPECT_EQ(cinzas["declared_by"], "br");
}

TEST_P(CalendarApiTest, BadInputIsA422NamingTheFieldAndNothingChanges) {
  Browser admin = sign_in(w.admin);
  struct Case {
    std::string path;
    json body;
    std::string field;
  };
  auto with = [](json base, const std::string& key, json value) {
    base[key] = std::move(value);
    return base;
  };
  const std::vector<Case> cases = {
      {"/api/v1/calendars/br-es-vitoria", with(vitoria(), "parent", "br-sp"), "parent"},
      {"/api/v1/calendars/br-es-vitoria", with(vitoria(), "time_zone", "Brasil/Vitoria"),
       "time_zone"},
      {"/api/v1/calendars/br-es-vitoria",
       with(vitoria(), "working_hours", {{"monday", {{{"from", "18:00"}, {"until", "08:00"}}}}}),
       "working_hours"},
      {"/api/v1/calendars/br-es-vitoria",
       with(vitoria(), "working_hours", {{"monday", {{{"from", "8h"}, {"until", "18:00"}}}}}),
       "working_hours.monday[0].from"},
      {"/api/v1/calendars/br-es-vitoria",
       with(vitoria(), "holidays", {{{"kind", "fixed"}, {"month", 2}, {"day", 30}, {"name", "X"}}}),
       "holidays[0].day"},
      {"/api/v1/calendars/Vit%C3%B3ria", vitoria(), "name"},
      {"/api/v1/calendars/br/optional-days/2026",
       {{"items", {{{"date", "2025-02-16"}, {"name", "Carnaval"}}}}},
       "items[0].date"},
      {"/api/v1/calendars/br/optional-days/2026",
       {{"items", {{{"date", "2026-02-31"}, {"name", "Carnaval"}}}}},
       "items[0].date"},
      {"/api/v1/calendars/br/optional-days/2026",
       {{"items",
         {{{"date", "2026-02-18"},
           {"name", "Cinzas"},
           {"closure", {{"kind", "closed_until"}, {"time", "25:00"}}}}}}},
       "items[0].closure.time"},
      {"/api/v1/calendars/br/optional-days/2026",
       {{"items",
         {{{"date", "2026-02-18"},
           {"name", "Cinzas"},
           {"closure", {{"kind", "open_only"}, {"from", "14:00"}, {"until", "10:00"}}}}}}},
       "items[0].closure"},
      {"/api/v1/calendars/br/optional-days/20x6", federal_2026(), "year"},
  };
  for (const auto& c : cases) {
    auto r = call("PUT", c.path, admin, c.body.dump());
    EXPECT_EQ(r.status, 422) << c.path << " " << c.body.dump() << "\n" << r.body;
    EXPECT_EQ(first_field(r), c.field) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json") << c.path;
  }
  EXPECT_EQ(call("PUT", "/api/v1/calendars/br-es", admin, vitoria().dump()).status, 409);
  EXPECT_EQ(call("PUT", "/api/v1/calendars/br-sp/optional-days/2026", admin, federal_2026().dump())
                .status,
            404);
  EXPECT_EQ(raw("GET", "/api/v1/calendars/br/holidays?year=26").status, 422);
  EXPECT_EQ(raw("GET", "/api/v1/calendars/br-sp/holidays?year=2026").status, 404);
  EXPECT_EQ(count("calendars"), 0);
  EXPECT_EQ(count("calendar_optional_days"), 0);

  // An organization's calendar must exist.
  auto org = call("PATCH", "/api/v1/organizations/" + std::to_string(w.seger.id), admin,
                  json{{"calendar", "br-es-vitoria"}}.dump());
  EXPECT_EQ(org.status, 422) << org.body;
  EXPECT_EQ(first_field(org), "calendar");
  ASSERT_EQ(call("PUT", "/api/v1/calendars/br-es-vitoria", admin, vitoria().dump()).status, 200);
  org = call("PATCH", "/api/v1/organizations/" + std::to_string(w.seger.id), admin,
             json{{"calendar", "br-es-vitoria"}}.dump());
  EXPECT_EQ(org.status, 200) << org.body;
  EXPECT_EQ(org.json()["calendar"], "br-es-vitoria");
}

GUICHE_ON_BOTH_ENGINES(CalendarApiTest);

}  // namespace
}  // namespace guiche::testing
