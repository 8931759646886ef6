// Files the desk's policy holds, through the API (issue 17): staff list them
// with the reason, only admins download or release them, a released file is
// a normal attachment; and a 500-character subject is stored whole.
#include <gmock/gmock.h>

#include "support/api_world.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

constexpr const char* kHeldApiBoundary = "----retidos-Zk40";

std::string held_one_file(const std::string& filename, const std::string& bytes) {
  return std::string("--") + kHeldApiBoundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" +
         kHeldApiBoundary + "--\r\n";
}

class HeldAttachmentApiTest : public ApiTest {
 protected:
  HttpResult upload(const Browser& b, std::int64_t ticket_id, const std::string& body) {
    return raw("POST", "/api/v1/tickets/" + std::to_string(ticket_id) + "/attachments",
               {{"Cookie", b.cookie},
                {"X-CSRF-Token", b.csrf},
                {"Content-Type", std::string("multipart/form-data; boundary=") + kHeldApiBoundary}},
               body);
  }
};

TEST_P(HeldAttachmentApiTest, OnlyAnAdminReleasesAHeldFileWhichThenIsANormalAttachment) {
  Browser maria = sign_in(w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  auto r = upload(maria, t.id, held_one_file("rotina.bat", "@echo off\r\ndel /q *.*\r\n"));
  ASSERT_EQ(r.status, 201) << r.body;
  ASSERT_EQ(r.json()["not_accepted"].size(), 1u);
  EXPECT_EQ(r.json()["not_accepted"][0]["filename"], "rotina.bat");
  const auto id = r.json()["not_accepted"][0]["id"].get<std::int64_t>();
  const std::string file = "/api/v1/attachments/" + std::to_string(id);

  Browser agent = sign_in(w.attendant);
  Browser admin = sign_in(w.admin);
  EXPECT_EQ(call("GET", file, maria).status, 404);
  EXPECT_EQ(call("GET", file, agent).status, 404);
  EXPECT_EQ(call("GET", file, admin).status, 200);
  EXPECT_EQ(call("POST", file + "/release", maria).status, 403);  // her receipt names it
  EXPECT_EQ(call("POST", file + "/release", agent).status, 403);

  auto released = call("POST", file + "/release", admin);
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.json()["held"], false);
  EXPECT_EQ(released.json()["released_by"], w.admin.id);
  EXPECT_EQ(call("POST", file + "/release", admin).status, 409);

  EXPECT_EQ(call("GET", file, maria).body, "@echo off\r\ndel /q *.*\r\n");
  const std::string list = "/api/v1/tickets/" + std::to_string(t.id) + "/attachments";
  EXPECT_EQ(call("GET", list, maria).json()["items"].size(), 1u);
  // The ticket's events name who released it (internal hold, public release).
  bool released_event = false;
  const json events =
      call("GET", "/api/v1/tickets/" + std::to_string(t.id) + "/events", admin).json();
  for (const auto& e : events["items"]) {
    if (e["kind"] == "attachment_released") {
      released_event = true;
      EXPECT_EQ(e["actor_id"], w.admin.id);
    }
  }
  EXPECT_TRUE(released_event);
}

TEST_P(HeldAttachmentApiTest, AFiveHundredCharacterSubjectIsStoredWhole) {
  // 500 characters (22 × 22 + 16), some of them two bytes long.
  std::string subject;
  for (int i = 0; i < 22; ++i) subject += "Solicitação de acesso ";
  subject += "ao SIGEFES agora";
  Browser attendant = sign_in(w.attendant);
  json body = {{"service_code", "SUP-TEC"},
               {"subject", subject},
               {"description", "Registro por telefone."},
               {"requester_id", w.requester_seger.id}};
  auto r = call("POST", "/api/v1/tickets", attendant, body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = r.json()["id"].get<std::int64_t>();
  EXPECT_EQ(call("GET", "/api/v1/tickets/" + std::to_string(id), attendant).json()["subject"],
            subject);
  EXPECT_EQ(subject.size(), 500u + 2 * 22);  // bytes: ç and ã are two each
}

GUICHE_ON_BOTH_ENGINES(HeldAttachmentApiTest);

}  // namespace
}  // namespace guiche::testing
