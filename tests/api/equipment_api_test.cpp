// Equipment custody through the API, on both engines (api/custody_routes.cpp):
// entry → maintenance → return on a ticket, the ticket's equipment, the list
// held now and the search by asset number; bad input is a pt-BR problem+json
// 422 and the rule a 409, both changing nothing; the routes are documented.
#include <gmock/gmock.h>

#include "api/openapi.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class EquipmentApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    const auto t = register_sis(w.requester_seger, "Notebook não liga");
    ticket = desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
    analyst = sign_in(w.analyst_sis);
  }
  std::string url(const std::string& tail) {
    return "/api/v1/tickets/" + std::to_string(ticket.id) + "/equipment" + tail;
  }
  static std::string entry(const std::string& asset = "pat-77") {
    return json{{"asset_number", asset},
                {"kind", "Notebook"},
                {"brand_model", "Lenovo T14"},
                {"serial_number", "X1"},
                {"condition", "Sem bateria"},
                {"accessories", "Fonte"},
                {"delivered_by_name", "Carla Servidora"}}
        .dump();
  }
  Ticket ticket;
  Browser analyst;
};

TEST_P(EquipmentApiTest, EntryMaintenanceReturnListAndSearch) {
  auto r = call("POST", url("/entry"), analyst, entry());
  ASSERT_EQ(r.status, 201) << r.body;
  auto item = r.json();
  EXPECT_EQ(item["asset_number"], "PAT-77");
  EXPECT_EQ(item["protocol"], ticket.protocol);
  EXPECT_EQ(item["received_by_name"], w.analyst_sis.name);
  EXPECT_EQ(item["delivered_by_name"], "Carla Servidora");
  EXPECT_TRUE(item["returned_at"].is_null());

  r = call("POST", url("/maintenance"), analyst,
           R"({"asset_number":"PAT-77","text":"Bateria trocada."})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["maintenance_steps"], 1);

  r = call("GET", "/api/v1/equipment", analyst);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto held = r.json();
  ASSERT_EQ(held["items"].size(), 1u);
  EXPECT_EQ(held["items"][0]["ticket_id"], ticket.id);

  r = call("POST", url("/return"), analyst,
           R"({"asset_number":"PAT-77","taken_by_name":"Carla Servidora","note":"Testado."})");
  ASSERT_EQ(r.status, 201) << r.body;
  item = r.json();
  EXPECT_EQ(item["taken_by_name"], "Carla Servidora");
  EXPECT_EQ(item["return_note"], "Testado.");
  EXPECT_FALSE(item["returned_at"].is_null());

  r = call("GET", "/api/v1/equipment", analyst);
  EXPECT_TRUE(r.json()["items"].empty());
  r = call("GET", "/api/v1/equipment?asset_number=pat-77", analyst);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto found = r.json();
  ASSERT_EQ(found["items"].size(), 1u);
  EXPECT_FALSE(found["items"][0]["returned_at"].is_null());
  r = call("GET", url(""), analyst);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["items"].size(), 1u);
}

TEST_P(EquipmentApiTest, BadInputAndTheRuleAreProblemsThatChangeNothing) {
  const auto events = count("ticket_events");
  for (
      const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
          {R"({"kind":"Notebook","condition":"Bom","delivered_by_name":"Ana"})", "asset_number"},
          {R"({"asset_number":"  ","kind":"Notebook","condition":"Bom","delivered_by_name":"Ana"})",
           "asset_number"},
          {R"({"asset_number":"P1","kind":"Notebook","condition":"Bom"})", "delivered_by_name"},
          {R"({"asset_number":"P1","kind":"Notebook","condition":"Bom","delivered_by_id":99999})",
           "delivered_by_id"},
          {R"({"asset_number":"P1","kind":7,"condition":"Bom","delivered_by_name":"Ana"})", "kind"},
          {R"({"asset_number":"P1","kind":"N","condition":"Bom","delivered_by_name":"Ana","x":1})",
           "x"}}) {
    SCOPED_TRACE(body);
    const auto r = call("POST", url("/entry"), analyst, body);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.headers.at("content-type"), "application/problem+json");
    EXPECT_NE(r.body.find(field), std::string::npos) << r.body;
  }
  auto r =
      call("POST", url("/return"), analyst, R"({"asset_number":"PAT-77","taken_by_name":"A"})");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.headers.at("content-type"), "application/problem+json");
  EXPECT_NE(r.json().value("detail", "").find("guarda"), std::string::npos) << r.body;
  EXPECT_EQ(count("ticket_events"), events);
  EXPECT_EQ(count("equipment_custody"), 0);
  // The requester sees the ticket but records nothing.
  r = call("POST", url("/entry"), sign_in(w.requester_seger), entry());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(count("equipment_custody"), 0);
  r = call("GET", "/api/v1/equipment?limit=0", analyst);
  EXPECT_EQ(r.status, 422) << r.body;
}

TEST_P(EquipmentApiTest, TheRoutesAreInTheOpenApiDocument) {
  const auto doc = api::openapi_document();
  const auto& paths = doc["paths"];
  for (const char* p :
       {"/api/v1/tickets/{id}/equipment/entry", "/api/v1/tickets/{id}/equipment/maintenance",
        "/api/v1/tickets/{id}/equipment/return"}) {
    ASSERT_TRUE(paths.contains(p)) << p;
    EXPECT_TRUE(paths[p].contains("post")) << p;
  }
  EXPECT_TRUE(paths["/api/v1/equipment"].contains("get"));
  EXPECT_TRUE(paths["/api/v1/tickets/{id}/equipment"].contains("get"));
  EXPECT_TRUE(doc["components"]["schemas"].contains("EquipmentEntry"));
}

GUICHE_ON_BOTH_ENGINES(EquipmentApiTest);

}  // namespace
}  // namespace guiche::testing
