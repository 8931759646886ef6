// Signing in and out over HTTP: cookies, CSRF, throttling, first access.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class SessionApiTest : public ApiTest {};

TEST_P(SessionApiTest, SignInSetsAnHttpOnlySessionCookieAndReturnsACsrfToken) {
  Browser b = sign_in(w.requester_seger);
  EXPECT_THAT(b.cookie, HasSubstr("guiche_session="));
  EXPECT_EQ(b.csrf.size(), 32u);
  auto me = call("GET", "/api/v1/session", b);
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["person"]["id"], w.requester_seger.id);
  auto direct = raw("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                    R"({"login":"user)" + std::to_string(w.requester_seger.id) +
                        R"(","password":"senha-de-teste"})");
  ASSERT_EQ(direct.set_cookies.size(), 1u);
  EXPECT_THAT(direct.set_cookies[0], HasSubstr("HttpOnly"));
  EXPECT_THAT(direct.set_cookies[0], HasSubstr("SameSite=Lax"));
  EXPECT_FALSE(direct.headers["x-request-id"].empty());
}

TEST_P(SessionApiTest, WrongPasswordIs401AndRepeatedFailuresAreSlowedDown) {
  sign_in(w.requester_seger);
  const std::string login = "user" + std::to_string(w.requester_seger.id);
  int last = 0;
  for (int i = 0; i < 6; ++i) {
    auto r =
        raw("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
            nlohmann::json{{"login", login}, {"password", "errada-" + std::to_string(i)}}.dump());
    last = r.status;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
  }
  EXPECT_EQ(last, 429);
  // Even the right password waits until the delay has passed.
  auto r = raw("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
               nlohmann::json{{"login", login}, {"password", "senha-de-teste"}}.dump());
  EXPECT_EQ(r.status, 429);
  EXPECT_THAT(r.json()["detail"].get<std::string>(), HasSubstr("Tente novamente"));
}

TEST_P(SessionApiTest, CookieWritesNeedTheCsrfTokenAndSignOutEndsTheSession) {
  Browser b = sign_in(w.requester_seger);
  Browser forged{b.cookie, "0000"};
  auto denied = call("DELETE", "/api/v1/session", forged);
  EXPECT_EQ(denied.status, 403);
  EXPECT_THAT(denied.json()["detail"].get<std::string>(), HasSubstr("CSRF"));
  EXPECT_EQ(call("DELETE", "/api/v1/session", b).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/session", b).status, 401);
}

TEST_P(SessionApiTest, FirstAccessMustChangeThePasswordBeforeAnythingElse) {
  Person p;
  p.name = "Nova Servidora";
  p.login = "nova.servidora";
  p.emails = {"nova@seger.es.gov.br"};
  p.organization_id = w.seger.id;
  p.roles = {{Role::requester, std::nullopt}};
  desk->directory().create_person(as(w.admin), {p, std::string("inicial-123")});
  auto r = raw("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
               R"({"login":"nova.servidora","password":"inicial-123"})");
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(r.json()["person"]["must_change_password"], true);
  Browser b{r.set_cookies.at(0).substr(0, r.set_cookies.at(0).find(';')),
            r.json()["csrf_token"].get<std::string>()};
  auto change = call("POST", "/api/v1/session/password", b,
                     R"({"current_password":"inicial-123","new_password":"minha-senha-nova"})");
  EXPECT_EQ(change.status, 204) << change.body;
  auto again = raw("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                   R"({"login":"nova.servidora","password":"minha-senha-nova"})");
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.json()["person"]["must_change_password"], false);
}

TEST_P(SessionApiTest, UnknownRoutesAndMissingSessionsAreProblems) {
  auto missing = raw("GET", "/api/v1/nada");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.headers["content-type"], "application/problem+json");
  auto anonymous = raw("GET", "/api/v1/session");
  EXPECT_EQ(anonymous.status, 401);
  auto broken = raw("POST", "/api/v1/session", {{"Content-Type", "application/json"}}, "{nope");
  EXPECT_EQ(broken.status, 400);
  auto wrong_type = raw("POST", "/api/v1/session", {{"Content-Type", "text/plain"}}, "{}");
  EXPECT_EQ(wrong_type.status, 415);
}

GUICHE_ON_BOTH_ENGINES(SessionApiTest);

}  // namespace
}  // namespace guiche::testing
