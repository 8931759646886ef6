// Tickets linked to a notice over the API (api/notice_routes.cpp): the
// attendant links three SAs, the notice names them (protocol, subject,
// requester, status); resolving them waits for the restoration (409), then
// resolves each and says so; unlinking is idempotent (204); bad input gets
// a problem+json in pt-BR and changes nothing.
#include <gmock/gmock.h>

#include "app/incidents/status_notices.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "support/api_world.hpp"
#include "support/db_fingerprint.hpp"
#include "support/incident_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class NoticeTicketsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    i = add_incident_world(*desk, w, as(w.admin));
    app::ReportIncident r;
    r.component_ids = {i.sigefes.id};
    r.impact = "o lançamento da folha";
    notice = desk->status_notices().report_incident(as(w.attendant), r).notice.id;
    attendant = sign_in(w.attendant);
  }
  void step(std::int64_t id, NoticeAction action) {
    app::NoticeStep s;
    s.action = action;
    desk->status_notices().act(as(w.analyst_sis), id, s);
  }
  std::string url(const std::string& tail = "") {
    return "/api/v1/notices/" + std::to_string(notice) + tail;
  }
  IncidentWorld i;
  std::int64_t notice = 0;
  Browser attendant;
};

TEST_P(NoticeTicketsApiTest, ThreeLinkedSAsResolvedOnceRestored) {
  std::vector<Ticket> tickets = {register_sis(w.requester_seger, "SIGEFES fora"),
                                 register_sis(w.requester_sesa, "Folha não abre"),
                                 register_sis(w.manager_seger, "Erro 500 no SIGEFES")};
  HttpResult r;
  for (const auto& t : tickets) {
    r = call("POST", url("/tickets"), attendant, json{{"ticket_id", t.id}}.dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }
  // Linking again changes nothing.
  r = call("POST", url("/tickets"), attendant, json{{"ticket_id", tickets[0].id}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  r = call("GET", url(), attendant);
  ASSERT_EQ(r.status, 200);
  const auto v = r.json();
  EXPECT_EQ(v["ticket_ids"].size(), 3u);
  ASSERT_EQ(v["tickets"].size(), 3u);
  EXPECT_EQ(v["tickets"][0]["protocol"], tickets[0].protocol);
  EXPECT_EQ(v["tickets"][0]["subject"], "SIGEFES fora");
  EXPECT_EQ(v["tickets"][0]["requester_name"], "Maria Solicitante");
  EXPECT_EQ(v["tickets"][0]["status"], "new");
  int links = 0;
  for (const auto& e : v["events"]) {
    if (e["action"] == "link_ticket") {
      ++links;
      EXPECT_TRUE(e["message"].is_null());
      EXPECT_TRUE(e["published_at"].is_null());
    }
  }
  EXPECT_EQ(links, 3);

  const std::string note = R"({"note":"O SIGEFES voltou a operar às 11h."})";
  r = call("POST", url("/resolve-tickets"), attendant, note);
  EXPECT_EQ(r.status, 409) << "not restored yet";
  EXPECT_EQ(r.headers["content-type"], "application/problem+json");

  step(notice, NoticeAction::confirm_general);
  step(notice, NoticeAction::restore);
  r = call("POST", url("/resolve-tickets"), attendant, note);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto resolved = r.json();
  EXPECT_EQ(resolved["resolved"], 3);
  EXPECT_EQ(resolved["failed"], 0);
  for (const auto& item : resolved["items"]) {
    EXPECT_EQ(item["result"], "resolved");
    EXPECT_EQ(item["status"], "resolved");
  }
  for (const auto& t : tickets) {
    EXPECT_EQ(desk->tickets().ticket(as(w.admin), t.id).resolution,
              "O SIGEFES voltou a operar às 11h.");
  }

  r = call("DELETE", url("/tickets/" + std::to_string(tickets[2].id)), attendant);
  EXPECT_EQ(r.status, 204);
  r = call("DELETE", url("/tickets/" + std::to_string(tickets[2].id)), attendant);
  EXPECT_EQ(r.status, 204) << "idempotent";
  EXPECT_EQ(call("GET", url(), attendant).json()["ticket_ids"].size(), 2u);
}

TEST_P(NoticeTicketsApiTest, BadInputIsAProblemAndChangesNothing) {
  const auto t = register_sis(w.requester_seger);
  const auto before = database_fingerprint(*database);
  const std::string unknown = "/api/v1/notices/" + std::to_string(notice + 100);
  struct Case {
    std::string method, target, body;
    int status;
  };
  const std::vector<Case> cases = {
      {"POST", url("/tickets"), "{}", 422},
      {"POST", url("/tickets"), R"({"ticket_id":"um"})", 422},
      {"POST", url("/tickets"), R"({"ticket_id":1.5})", 422},
      {"POST", url("/tickets"), R"({"ticket_id":1,"kind":"x"})", 422},
      {"POST", url("/tickets"), "{nem json", 400},
      {"POST", url("/tickets"), R"({"ticket_id":999999})", 404},
      {"POST", unknown + "/tickets", json{{"ticket_id", t.id}}.dump(), 404},
      {"POST", "/api/v1/notices/abc/tickets", json{{"ticket_id", t.id}}.dump(), 404},
      {"DELETE", url("/tickets/999999"), "", 404},
      {"DELETE", url("/tickets/abc"), "", 404},
      {"DELETE", unknown + "/tickets/" + std::to_string(t.id), "", 404},
      {"POST", url("/resolve-tickets"), "{}", 422},
      {"POST", url("/resolve-tickets"), R"({"note":""})", 422},
      {"POST", url("/resolve-tickets"), R"({"note":"Ok.","time_spent_minutes":0})", 422},
      {"POST", url("/resolve-tickets"), R"({"note":"Ok.","extra":1})", 422},
      {"POST", unknown + "/resolve-tickets", R"({"note":"Ok."})", 404},
      {"POST", url("/resolve-tickets"), R"({"note":"Ok."})", 409},
      {"POST", url("/actions"), R"({"action":"link_ticket"})", 422},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.method + " " + c.target + " " + c.body);
    auto r = call(c.method, c.target, attendant, c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    EXPECT_FALSE(r.json().value("detail", "").empty());
  }
  EXPECT_EQ(database_fingerprint(*database), before);
}

GUICHE_ON_BOTH_ENGINES(NoticeTicketsApiTest);

}  // namespace
}  // namespace guiche::testing
