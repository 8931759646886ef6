// Personal API tokens over HTTP: created by their owner (or an admin), shown
// once, used as "Authorization: Bearer" without CSRF, stored hashed, revoked.
#include <gmock/gmock.h>

#include "store/attachment_blobs.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class TokenApiTest : public ApiTest {
 protected:
  std::string tokens_of(const Person& p) {
    return "/api/v1/people/" + std::to_string(p.id) + "/tokens";
  }
  json create(const Browser& b, const Person& owner, int expected = 201) {
    auto r = call("POST", tokens_of(owner), b, R"({"name":"Integração do SIGEFES"})");
    EXPECT_EQ(r.status, expected) << r.body;
    return r.json();
  }
  HttpResult with_bearer(const std::string& method, const std::string& path,
                         const std::string& secret, const std::string& body = "") {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Authorization", "Bearer " + secret}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return raw(method, path, headers, body);
  }
};

TEST_P(TokenApiTest, ACreatedTokenWorksAsBearerUntilRevoked) {
  Browser maria = sign_in(w.requester_seger);
  auto r = call("POST", tokens_of(w.requester_seger), maria, R"({"name":"Integração"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.headers["location"], tokens_of(w.requester_seger));
  EXPECT_EQ(r.headers["cache-control"], "no-store");
  const std::string secret = r.json()["secret"].get<std::string>();
  const std::string token_id = std::to_string(r.json()["id"].get<std::int64_t>());
  EXPECT_EQ(secret.rfind("gch_", 0), 0u);

  auto me = with_bearer("GET", "/api/v1/session", secret);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["person"]["id"], w.requester_seger.id);
  // A write with the token needs no CSRF header: there is no cookie to forge.
  auto ticket = with_bearer("POST", "/api/v1/tickets", secret,
                            json{{"service_code", "SUP-TEC"},
                                 {"subject", "Impressora parada"},
                                 {"description", "A impressora do 3º andar não imprime."}}
                                .dump());
  EXPECT_EQ(ticket.status, 201) << ticket.body;
  EXPECT_EQ(ticket.json()["channel"], "api");

  auto listed = call("GET", tokens_of(w.requester_seger), maria).json()["items"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_FALSE(listed[0].contains("secret"));
  EXPECT_TRUE(listed[0]["revoked_at"].is_null());

  EXPECT_EQ(call("DELETE", "/api/v1/tokens/" + token_id, maria).status, 204);
  auto after = with_bearer("GET", "/api/v1/session", secret);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.headers["content-type"], "application/problem+json");
  EXPECT_EQ(with_bearer("POST", "/api/v1/tickets", secret, R"({"subject":"x"})").status, 401);
  EXPECT_FALSE(
      call("GET", tokens_of(w.requester_seger), maria).json()["items"][0]["revoked_at"].is_null());
}

TEST_P(TokenApiTest, TokensAreStoredOnlyAsHashes) {
  Browser maria = sign_in(w.requester_seger);
  const std::string secret = create(maria, w.requester_seger)["secret"].get<std::string>();
  database->db().read([&](store::Connection& c) {
    auto rows = c.query("SELECT name, token_hash FROM api_tokens");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].text(0).find(secret.substr(4)), std::string::npos);
    EXPECT_EQ(rows[0].text(1).find(secret.substr(4)), std::string::npos);
    EXPECT_EQ(rows[0].text(1), store::sha256_hex(secret));
  });
}

TEST_P(TokenApiTest, OnlyTheOwnerOrAnAdminManagesTokens) {
  Browser maria = sign_in(w.requester_seger);
  Browser paulo = sign_in(w.requester_sesa);
  Browser attendant = sign_in(w.attendant);
  Browser admin = sign_in(w.admin);
  const std::string paulos = create(paulo, w.requester_sesa)["secret"].get<std::string>();
  const auto paulo_token = call("GET", tokens_of(w.requester_sesa), paulo).json()["items"][0];
  const std::string revoke = "/api/v1/tokens/" + std::to_string(paulo_token["id"].get<int>());

  EXPECT_EQ(create(maria, w.requester_sesa, 403)["status"], 403);
  EXPECT_EQ(create(attendant, w.requester_sesa, 403)["status"], 403);
  EXPECT_EQ(call("GET", tokens_of(w.requester_sesa), maria).status, 404);
  EXPECT_EQ(call("DELETE", revoke, maria).status, 404);
  EXPECT_EQ(call("DELETE", revoke, attendant).status, 404);
  EXPECT_EQ(with_bearer("GET", "/api/v1/session", paulos).status, 200);
  // A token cannot mint tokens for someone else either.
  EXPECT_EQ(with_bearer("POST", tokens_of(w.requester_seger), paulos, R"({"name":"x"})").status,
            403);
  EXPECT_EQ(count("api_tokens"), 1);

  create(admin, w.requester_seger);
  EXPECT_EQ(call("GET", tokens_of(w.requester_sesa), admin).json()["items"].size(), 1u);
  EXPECT_EQ(call("DELETE", revoke, admin).status, 204);
  EXPECT_EQ(with_bearer("GET", "/api/v1/session", paulos).status, 401);
  EXPECT_EQ(call("POST", "/api/v1/people/987654/tokens", admin, R"({"name":"x"})").status, 404);
  EXPECT_EQ(call("DELETE", "/api/v1/tokens/987654", admin).status, 404);
}

TEST_P(TokenApiTest, BadTokenRequestsAreRejected) {
  Browser maria = sign_in(w.requester_seger);
  auto missing = call("POST", tokens_of(w.requester_seger), maria, R"({})");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["errors"][0]["field"], "name");
  auto wrong = call("POST", tokens_of(w.requester_seger), maria, R"({"name":7})");
  EXPECT_EQ(wrong.json()["errors"][0]["field"], "name");
  auto unknown = call("POST", tokens_of(w.requester_seger), maria, R"({"name":"a","scope":"x"})");
  EXPECT_EQ(unknown.json()["errors"][0]["field"], "scope");
  EXPECT_EQ(call("POST", tokens_of(w.requester_seger), maria, R"({"name":)").status, 400);
  // Without the CSRF header a cookie cannot create a token.
  Browser forged{maria.cookie, ""};
  auto csrf = call("POST", tokens_of(w.requester_seger), forged, R"({"name":"a"})");
  EXPECT_EQ(csrf.status, 403);
  EXPECT_THAT(csrf.json()["detail"].get<std::string>(), HasSubstr("CSRF"));
  EXPECT_EQ(with_bearer("GET", "/api/v1/session", "gch_inventado0000").status, 401);
  EXPECT_EQ(count("api_tokens"), 0);
}

GUICHE_ON_BOTH_ENGINES(TokenApiTest);

}  // namespace
}  // namespace guiche::testing
