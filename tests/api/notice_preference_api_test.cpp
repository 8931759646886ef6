// A person's notice preference through the API: read with the person, changed
// by PATCH, refused with a pt-BR problem naming the field when it is unknown
// or names a channel the person has no address for (nothing changes then).
#include <gmock/gmock.h>

#include "support/api_world.hpp"
#include "support/db_fingerprint.hpp"

namespace guiche::testing {
namespace {

class NoticePreferenceApiTest : public ApiTest {
 protected:
  void expect_refused(const Browser& b, const std::string& path, const std::string& body,
                      const std::string& detail) {
    const auto before = database_fingerprint(*database);
    auto r = call("PATCH", path, b, body);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/problem+json");
    ASSERT_FALSE(r.json().value("errors", nlohmann::json::array()).empty()) << r.body;
    EXPECT_EQ(r.json()["errors"][0]["field"], "notice_preference");
    EXPECT_THAT(r.body, ::testing::HasSubstr(detail));
    EXPECT_EQ(database_fingerprint(*database), before);
  }
};

TEST_P(NoticePreferenceApiTest, IsReadChangedAndValidated) {
  Browser admin = sign_in(w.admin);
  const std::string path = "/api/v1/people/" + std::to_string(w.requester_sesa.id);
  EXPECT_EQ(call("GET", path, admin).json()["notice_preference"], "request_channel");

  expect_refused(admin, path, R"({"notice_preference":"pombo"})", "request_channel, email ou");
  expect_refused(admin, path, R"({"notice_preference":3})", "request_channel, email ou");
  // Paulo has no phone: WhatsApp cannot reach him.
  expect_refused(admin, path, R"({"notice_preference":"whatsapp"})", "informe um telefone");

  auto r =
      call("PATCH", path, admin, R"({"phone":"+55 27 3636-7200","notice_preference":"whatsapp"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["notice_preference"], "whatsapp");
  EXPECT_EQ(call("GET", path, admin).json()["notice_preference"], "whatsapp");
  // Removing the phone while WhatsApp is preferred is refused as well.
  expect_refused(admin, path, R"({"phone":null})", "informe um telefone");
}

GUICHE_ON_BOTH_ENGINES(NoticePreferenceApiTest);

}  // namespace
}  // namespace guiche::testing
