// Outbound webhooks over HTTP (/api/v1/webhooks): created by an admin with the
// secret, which no answer carries again; bad URLs and secrets are a 422
// problem naming the field, storing nothing; the delivery log and retry.
// Who may call each route is in authorization_matrix_table.cpp.
#include <gmock/gmock.h>

#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class WebhookApiTest : public ApiTest {};

const char* const kValid =
    R"({"description":"ERP","url":"https://erp.example/hook","secret":"segredo-super-secreto-99",)"
    R"("events":["ticket_created","status_changed"]})";

TEST_P(WebhookApiTest, CreatedWithTheSecretWhichNoAnswerCarriesAgain) {
  Browser admin = sign_in(w.admin);
  auto r = call("POST", "/api/v1/webhooks", admin, kValid);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = std::to_string(r.json()["id"].get<std::int64_t>());
  EXPECT_EQ(r.headers["location"], "/api/v1/webhooks/" + id);
  for (const auto& answer :
       {r, call("GET", "/api/v1/webhooks/" + id, admin), call("GET", "/api/v1/webhooks", admin),
        call("PATCH", "/api/v1/webhooks/" + id, admin, R"({"description":"ERP novo"})")}) {
    EXPECT_TRUE(answer.status == 200 || answer.status == 201) << answer.body;
    EXPECT_THAT(answer.body, ::testing::Not(HasSubstr("segredo-super-secreto")));
    EXPECT_THAT(answer.body, HasSubstr(R"("secret_hint":"…o-99")"));
  }
  auto got = call("GET", "/api/v1/webhooks/" + id, admin).json();
  EXPECT_EQ(got["description"], "ERP novo");
  EXPECT_EQ(got["events"], json::array({"ticket_created", "status_changed"}));
  EXPECT_EQ(got["active"], true);
  EXPECT_TRUE(got["disabled_reason"].is_null());
  EXPECT_FALSE(got.contains("secret"));
}

TEST_P(WebhookApiTest, BadUrlsAndSecretsAreA422NamingTheFieldAndNothingIsStored) {
  Browser admin = sign_in(w.admin);
  for (
      const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
          {R"({"url":"ftp://x.example/","secret":"segredo-super-secreto-99","events":["resolved"]})",
           "url"},
          {R"({"url":"https://u:p@x.example/","secret":"segredo-super-secreto-99","events":["resolved"]})",
           "url"},
          {R"({"url":"https://x.example/","secret":"curto","events":["resolved"]})", "secret"},
          {R"({"url":"https://x.example/","secret":")" + std::string(201, 'x') +
               R"(","events":["resolved"]})",
           "secret"},
          {R"({"url":"https://x.example/","secret":"segredo-super-secreto-99","events":["x"]})",
           "events"},
          {R"({"secret":"segredo-super-secreto-99","events":["resolved"]})", "url"}}) {
    auto r = call("POST", "/api/v1/webhooks", admin, body);
    EXPECT_EQ(r.status, 422) << body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    bool named = false;
    const auto problem = r.json();
    for (const auto& e : problem["errors"]) named = named || e["field"] == field;
    EXPECT_TRUE(named) << r.body;
  }
  EXPECT_EQ(count("webhook_subscriptions"), 0);
  // A PATCH with a bad URL keeps the stored one.
  auto made = call("POST", "/api/v1/webhooks", admin, kValid).json();
  const auto path = "/api/v1/webhooks/" + std::to_string(made["id"].get<std::int64_t>());
  EXPECT_EQ(call("PATCH", path, admin, R"({"url":"gopher://x"})").status, 422);
  EXPECT_EQ(call("GET", path, admin).json()["url"], "https://erp.example/hook");
}

TEST_P(WebhookApiTest, TheDeliveryLogIsNewestFirstAndAFailedDeliveryIsRetried) {
  Browser admin = sign_in(w.admin);
  auto made = call("POST", "/api/v1/webhooks", admin, kValid).json();
  const auto path = "/api/v1/webhooks/" + std::to_string(made["id"].get<std::int64_t>());
  Ticket t = register_sis(w.requester_seger);
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  auto log = call("GET", path + "/deliveries", admin);
  ASSERT_EQ(log.status, 200) << log.body;
  auto items = log.json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["event"], "status_changed");
  EXPECT_EQ(items[1]["event"], "ticket_created");
  EXPECT_EQ(items[1]["ticket_id"], t.id);
  EXPECT_EQ(items[1]["status"], "pending");
  EXPECT_TRUE(items[1]["response_code"].is_null());
  const auto first = std::to_string(items[1]["id"].get<std::int64_t>());
  database->db().write([&](store::Connection& c) {
    c.query("UPDATE outbox SET status = 'failed', attempts = 12 WHERE id = ?",
            {items[1]["id"].get<std::int64_t>()});
  });
  auto retried = call("POST", path + "/deliveries/" + first + "/retry", admin);
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json()["status"], "pending");
  EXPECT_EQ(retried.json()["attempts"], 0);
  // A delivery of another subscription is not found under this one.
  auto other = call("POST", "/api/v1/webhooks", admin, kValid).json();
  EXPECT_EQ(call("POST",
                 "/api/v1/webhooks/" + std::to_string(other["id"].get<std::int64_t>()) +
                     "/deliveries/" + first + "/retry",
                 admin)
                .status,
            404);
  EXPECT_EQ(call("GET", path + "/deliveries?limit=1", admin).json()["items"].size(), 1u);
  EXPECT_EQ(call("DELETE", path, admin).status, 204);
  EXPECT_EQ(call("GET", path, admin).status, 404);
}

GUICHE_ON_BOTH_ENGINES(WebhookApiTest);

}  // namespace
}  // namespace guiche::testing
