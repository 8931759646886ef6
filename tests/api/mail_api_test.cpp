// The mail routes over a real socket: the gateway's delivery (202 with the
// outcome), and the quarantine an attendant works from the API.
#include <gmock/gmock.h>

#include "app/accounts/accounts.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "support/api_world.hpp"
#include "support/raw_mail.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class MailApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    token = desk->accounts().create_api_token(as(w.attendant), w.attendant.id, "gateway").secret;
  }
  HttpResult post_mail(const std::string& raw_message, const std::string& type = "message/rfc822") {
    return raw("POST", "/api/v1/mail/inbound",
               {{"Authorization", "Bearer " + token}, {"Content-Type", type}}, raw_message);
  }
  std::string token;
};

TEST_P(MailApiTest, TheGatewayDeliversAndGetsTheOutcome) {
  RawMail m;
  m.message_id = "<api-1@seger.es.gov.br>";
  auto r = post_mail(m.str());
  ASSERT_EQ(r.status, 202) << r.body;
  auto body = r.json();
  EXPECT_EQ(body["outcome"], "ticket_created");
  EXPECT_EQ(body["protocol"], desk->tickets().ticket(as(w.admin), body["ticket_id"]).protocol);
  r = post_mail(m.str());
  EXPECT_EQ(r.status, 202);
  EXPECT_EQ(r.json()["outcome"], "duplicate");

  r = post_mail(m.str(), "text/plain");
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  r = post_mail("");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(count("inbound_messages"), 1);
}

TEST_P(MailApiTest, AnAttendantWorksTheQuarantine) {
  const std::string garbage = "\x01\x02 sem cabecalhos\r\n";
  auto delivered = post_mail(garbage);
  ASSERT_EQ(delivered.status, 202);
  ASSERT_EQ(delivered.json()["outcome"], "quarantined");
  const auto id = std::to_string(delivered.json()["inbound_id"].get<std::int64_t>());
  const Browser attendant = sign_in(w.attendant);

  auto list = call("GET", "/api/v1/mail/quarantine", attendant);
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["state"], "pending");
  EXPECT_THAT(list.json()["items"][0]["reason"].get<std::string>(), HasSubstr("ilegível"));

  auto original = call("GET", "/api/v1/mail/quarantine/" + id + "/raw", attendant);
  EXPECT_EQ(original.status, 200);
  EXPECT_EQ(original.headers["content-type"], "message/rfc822");
  EXPECT_EQ(original.body, garbage);

  auto retry = call("POST", "/api/v1/mail/quarantine/" + id + "/retry", attendant);
  EXPECT_EQ(retry.status, 200);
  EXPECT_EQ(retry.json()["outcome"], "quarantined");

  auto bad = call("POST", "/api/v1/mail/quarantine/" + id + "/ticket", attendant,
                  R"({"requester_id":"x","service_code":"SUP-TEC"})");
  EXPECT_EQ(bad.status, 422);
  bad = call("POST", "/api/v1/mail/quarantine/" + id + "/ticket", attendant,
             R"({"requester_id":)" + std::to_string(w.requester_seger.id) + "}");
  EXPECT_EQ(bad.status, 422);
  auto made = call("POST", "/api/v1/mail/quarantine/" + id + "/ticket", attendant,
                   R"({"requester_id":)" + std::to_string(w.requester_seger.id) +
                       R"(,"service_code":"SUP-TEC"})");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["requester_id"], w.requester_seger.id);
  EXPECT_EQ(call("GET", "/api/v1/mail/quarantine?state=pending", attendant).json()["items"].size(),
            0u);
  EXPECT_EQ(call("GET", "/api/v1/mail/quarantine?state=resolved", attendant).json()["items"].size(),
            1u);
  EXPECT_EQ(call("GET", "/api/v1/mail/quarantine?state=outra", attendant).status, 422);
  EXPECT_EQ(call("GET", "/api/v1/mail/quarantine/999999", attendant).status, 404);
}

GUICHE_ON_BOTH_ENGINES(MailApiTest);

}  // namespace
}  // namespace guiche::testing
