// /api/v1/reports/subscriptions: one's own scheduled reports, created with the
// reports' filters (checked as the report reads them), listed, cancelled;
// bad input is a 422 in problem+json naming the field, and changes nothing.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class ReportSubscriptionApiTest : public ApiTest {};

TEST_P(ReportSubscriptionApiTest, CreateListAndCancelOnesOwn) {
  const auto admin = sign_in(w.admin);
  const auto created = call("POST", "/api/v1/reports/subscriptions", admin,
                            R"({"report":"sla","frequency":"monthly",)"
                            R"("filters":{"unit":)" +
                                std::to_string(w.sgsis.id) + R"(,"channel":"email","target":95}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto s = created.json();
  EXPECT_EQ(s["report"], "sla");
  EXPECT_EQ(s["frequency"], "monthly");
  EXPECT_EQ(s["filters"]["unit"], w.sgsis.id);
  EXPECT_EQ(s["filters"]["target"], 95);
  EXPECT_EQ(s["next_run_at"], "2026-04-01T10:00:00.000Z");  // 07:00 in Brasília
  EXPECT_TRUE(s["last_period"].is_null());
  const auto list = call("GET", "/api/v1/reports/subscriptions", admin).json();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["id"], s["id"]);
  // Another reader sees none of it and cannot cancel it.
  const auto manager = sign_in(w.manager_gesin);
  EXPECT_TRUE(call("GET", "/api/v1/reports/subscriptions", manager).json()["items"].empty());
  const std::string one = "/api/v1/reports/subscriptions/" + std::to_string(s["id"].get<int>());
  EXPECT_EQ(call("DELETE", one, manager).status, 404);
  EXPECT_EQ(call("DELETE", one, admin).status, 204);
  EXPECT_TRUE(call("GET", "/api/v1/reports/subscriptions", admin).json()["items"].empty());
}

TEST_P(ReportSubscriptionApiTest, BadInputIs422NamingTheFieldAndChangesNothing) {
  const auto admin = sign_in(w.admin);
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"report":"sla","frequency":"daily"})", "frequencia"},
           {R"({"report":"tudo","frequency":"weekly"})", "relatorio"},
           {R"({"report":"sla"})", "frequency"},
           {R"({"report":"sla","frequency":"weekly","filters":{"color":"azul"}})", "color"},
           {R"({"report":"sla","frequency":"weekly","filters":{"target":500}})", "target"},
           {R"({"report":"sla","frequency":"weekly","filters":[]})", "filters"}}) {
    const auto r = call("POST", "/api/v1/reports/subscriptions", admin, body);
    EXPECT_TRUE(r.status == 422 || r.status == 400) << body << " " << r.status;
    EXPECT_EQ(r.headers.at("content-type"), "application/problem+json") << body;
    EXPECT_THAT(r.body, HasSubstr(field)) << body;
  }
  EXPECT_EQ(count("report_subscriptions"), 0);
  // A unit out of a manager's reach is unknown to them.
  const auto r = call("POST", "/api/v1/reports/subscriptions", sign_in(w.manager_gesin),
                      R"({"report":"volume","frequency":"weekly","filters":{"unit":)" +
                          std::to_string(w.sgdba.id) + "}}");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(count("report_subscriptions"), 0);
}

TEST_P(ReportSubscriptionApiTest, EachSubscribesToTheReportsTheyRead) {
  Person comms;
  comms.name = "Cora Comunicação";
  comms.emails = {"cora@prodest.es.gov.br"};
  comms.roles = {{Role::communications, w.ascom.id}};
  comms = desk->directory().create_person(as(w.admin), {comms, std::nullopt});
  const auto ascom = sign_in(comms);
  const auto ouvidoria = sign_in(create_ombudsman());
  auto subscribe = [&](const Browser& who, const std::string& report) {
    return call("POST", "/api/v1/reports/subscriptions", who,
                R"({"report":")" + report + R"(","frequency":"monthly"})")
        .status;
  };
  EXPECT_EQ(subscribe(ascom, "incidentes"), 201);
  EXPECT_EQ(subscribe(ascom, "volume"), 403);
  EXPECT_EQ(subscribe(ascom, "manifestacoes"), 403);
  EXPECT_EQ(subscribe(ouvidoria, "manifestacoes"), 201);
  EXPECT_EQ(subscribe(ouvidoria, "incidentes"), 403);
  EXPECT_EQ(call("GET", "/api/v1/reports/subscriptions", ouvidoria).json()["items"].size(), 1u);
  // The manifestações' type, and a filter the report does not read.
  const auto kind = call("POST", "/api/v1/reports/subscriptions", ouvidoria,
                         R"({"report":"manifestacoes","frequency":"weekly",)"
                         R"("filters":{"kind":"complaint"}})");
  ASSERT_EQ(kind.status, 201) << kind.body;
  EXPECT_EQ(kind.json()["filters"]["kind"], "complaint");
  EXPECT_EQ(call("POST", "/api/v1/reports/subscriptions", ascom,
                 R"({"report":"incidentes","frequency":"weekly","filters":{"severity":"Alta"}})")
                .status,
            422);
}

GUICHE_ON_BOTH_ENGINES(ReportSubscriptionApiTest);

}  // namespace
}  // namespace guiche::testing
