// Assignment over a real socket: the REST action gives the ticket to another
// member of its unit under the same rule as the pages (app::Desk decides).
#include <gmock/gmock.h>

#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

class AssignmentApiTest : public ApiTest {};

TEST_P(AssignmentApiTest, TheCentralGivesTheTicketToAMemberAnAnalystOnlyTakesIt) {
  Ticket t = desk->work().route(as(w.attendant), register_sis(w.requester_seger).id, w.sgsis.id,
                                std::nullopt);
  const std::string path = "/api/v1/tickets/" + std::to_string(t.id) + "/assign";
  auto r =
      call("POST", path, sign_in(w.attendant), json{{"assignee_id", w.manager_gesin.id}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["assignee_id"], w.manager_gesin.id);

  const Browser analyst = sign_in(w.analyst_sis);
  r = call("POST", path, analyst, json{{"assignee_id", w.manager_gesin.id}}.dump());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_THAT(r.json().value("detail", ""), ::testing::HasSubstr("atribuir o chamado a si"));
  r = call("POST", path, sign_in(w.attendant), json{{"assignee_id", w.analyst_dba.id}}.dump());
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json()["errors"][0]["field"], "assignee_id") << r.body;
  r = call("POST", path, analyst, json{{"assignee_id", w.analyst_sis.id}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["assignee_id"], w.analyst_sis.id);
}

GUICHE_ON_BOTH_ENGINES(AssignmentApiTest);

}  // namespace
}  // namespace guiche::testing
