// LGPD through the API (issue 17 item 5): GET /api/v1/people/{id}/personal-data
// for the person themselves and admins, POST /api/v1/people/{id}/anonymize
// for admins; everyone else 403 (staff who see the person) or 404, bad ids
// 404, all refusals as problem+json in pt-BR.
#include <gmock/gmock.h>

#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class PersonalDataApiTest : public ApiTest {
 protected:
  std::string data_of(const Person& p) {
    return "/api/v1/people/" + std::to_string(p.id) + "/personal-data";
  }
  std::string anonymize(const Person& p) {
    return "/api/v1/people/" + std::to_string(p.id) + "/anonymize";
  }
  static void expect_problem(const HttpResult& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.headers.at("content-type"), "application/problem+json");
    EXPECT_FALSE(r.json().value("detail", "").empty());
  }
};

TEST_P(PersonalDataApiTest, ThePersonAndAdminsGetTheArchiveOthersDoNot) {
  const auto maria = sign_in(w.requester_seger);
  const auto admin = sign_in(w.admin);
  for (const auto* b : {&maria, &admin}) {
    const auto r = call("GET", data_of(w.requester_seger), *b);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.headers.at("content-type"), "application/zip");
    EXPECT_EQ(r.body.substr(0, 2), "PK");
    EXPECT_THAT(r.headers.at("content-disposition"), HasSubstr("dados-pessoais-"));
    EXPECT_EQ(r.headers.at("cache-control"), "private, no-store");
  }
  expect_problem(call("GET", data_of(w.requester_seger), sign_in(w.requester_sesa)), 404);
  expect_problem(call("GET", data_of(w.requester_seger), sign_in(w.attendant)), 403);
  expect_problem(raw("GET", data_of(w.requester_seger)), 401);
  for (const char* bad : {"abc", "0", "-1", "99999999999999999999", "999999"}) {
    SCOPED_TRACE(bad);
    expect_problem(call("GET", std::string("/api/v1/people/") + bad + "/personal-data", admin),
                   404);
  }
}

TEST_P(PersonalDataApiTest, OnlyAdminsAnonymizeOnceAndTheSessionsEnd) {
  const auto maria = sign_in(w.requester_seger);
  const auto admin = sign_in(w.admin);
  expect_problem(call("POST", anonymize(w.requester_seger), maria), 403);
  expect_problem(call("POST", anonymize(w.requester_seger), sign_in(w.attendant)), 403);
  expect_problem(call("POST", anonymize(w.requester_seger), sign_in(w.requester_sesa)), 404);
  expect_problem(call("POST", anonymize(w.admin), admin), 409);
  expect_problem(call("POST", "/api/v1/people/abc/anonymize", admin), 404);
  expect_problem(call("POST", "/api/v1/people/999999/anonymize", admin), 404);

  const auto first = call("POST", anonymize(w.requester_seger), admin);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_FALSE(first.json()["already_anonymized"].get<bool>());
  const auto again = call("POST", anonymize(w.requester_seger), admin);
  ASSERT_EQ(again.status, 200);
  EXPECT_TRUE(again.json()["already_anonymized"].get<bool>());
  EXPECT_EQ(again.json()["anonymized_at"], first.json()["anonymized_at"]);
  // Her session ended with her data; the person stays, under no name of hers.
  expect_problem(call("GET", "/api/v1/session", maria), 401);
  const auto person = call("GET", "/api/v1/people/" + std::to_string(w.requester_seger.id), admin);
  EXPECT_THAT(person.json()["name"].get<std::string>(), HasSubstr("Titular anonimizado"));
  EXPECT_TRUE(person.json()["emails"].empty());
}

GUICHE_ON_BOTH_ENGINES(PersonalDataApiTest);

}  // namespace
}  // namespace guiche::testing
