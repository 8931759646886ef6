// LGPD in the pages (issue 17 item 5): Minha Área's "Baixar meus dados", and
// on the admin's person page the export and the anonymization behind its
// confirmation step; every POST refused without the session's CSRF token.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class PersonalDataPagesTest : public WebServerTest {
 protected:
  std::string person_page(const Person& p) { return "/admin/pessoas/" + std::to_string(p.id); }
  std::string name_of(const Person& p) { return desk->directory().person(as(w.admin), p.id).name; }
};

TEST_P(PersonalDataPagesTest, ThePersonDownloadsTheirDataFromMinhaArea) {
  const auto maria = sign_in(w.requester_seger);
  const auto area = get(maria, "/minha-area");
  ASSERT_EQ(area.status, 200);
  EXPECT_THAT(area.body, HasSubstr("action=\"/minha-area/meus-dados\""));
  EXPECT_THAT(area.body, HasSubstr("Baixar meus dados"));
  EXPECT_EQ(post(maria, "/minha-area/meus-dados", "").status, 403);
  EXPECT_EQ(post(maria, "/minha-area/meus-dados", "csrf=errado").status, 403);
  const auto r = post(maria, "/minha-area/meus-dados", "csrf=" + maria.csrf);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_EQ(r.headers.at("content-type"), "application/zip");
  EXPECT_EQ(r.body.substr(0, 2), "PK");
  EXPECT_THAT(r.headers.at("content-disposition"),
              HasSubstr("dados-pessoais-" + std::to_string(w.requester_seger.id) + ".zip"));
}

TEST_P(PersonalDataPagesTest, TheAdminExportsAndAnonymizesAfterConfirming) {
  const auto admin = sign_in(w.admin);
  const auto page = get(admin, person_page(w.requester_seger));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Baixar dados pessoais"));
  EXPECT_THAT(page.body, HasSubstr(person_page(w.requester_seger) + "/anonimizar"));
  const auto zip =
      post(admin, person_page(w.requester_seger) + "/dados-pessoais", "csrf=" + admin.csrf);
  ASSERT_EQ(zip.status, 200);
  EXPECT_EQ(zip.headers.at("content-type"), "application/zip");
  EXPECT_EQ(post(admin, person_page(w.requester_seger) + "/dados-pessoais", "").status, 403);

  const std::string confirm = person_page(w.requester_seger) + "/anonimizar";
  const auto step = get(admin, confirm);
  ASSERT_EQ(step.status, 200);
  EXPECT_THAT(step.body, HasSubstr("name=\"confirmo\""));
  EXPECT_THAT(step.body, HasSubstr("não pode ser desfeito"));
  // Without the box ticked, or without the token: nothing happens.
  EXPECT_EQ(post(admin, confirm, "csrf=" + admin.csrf).status, 422);
  EXPECT_EQ(post(admin, confirm, "confirmo=sim").status, 403);
  EXPECT_EQ(name_of(w.requester_seger), w.requester_seger.name);
  const auto done = post(admin, confirm, "csrf=" + admin.csrf + "&confirmo=sim");
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(done.headers.at("location"), person_page(w.requester_seger) + "?anonimizada=1");
  EXPECT_THAT(name_of(w.requester_seger), HasSubstr("Titular anonimizado"));
  const auto after = get(admin, done.headers.at("location")).body;
  EXPECT_THAT(after, HasSubstr("seus dados pessoais foram apagados"));
  // Both requests are listed with who made them.
  EXPECT_THAT(after, HasSubstr("id=\"lgpd-registros\""));
  EXPECT_THAT(after, HasSubstr("Exportação dos dados"));
  EXPECT_THAT(after, HasSubstr("Anonimização"));
  EXPECT_THAT(after, HasSubstr(w.admin.name));
}

TEST_P(PersonalDataPagesTest, OnlyAdminsReachTheAnonymization) {
  const auto attendant = sign_in(w.attendant);
  const std::string confirm = person_page(w.requester_seger) + "/anonimizar";
  EXPECT_EQ(get(attendant, confirm).status, 403);
  EXPECT_EQ(post(attendant, confirm, "csrf=" + attendant.csrf + "&confirmo=sim").status, 403);
  EXPECT_EQ(name_of(w.requester_seger), w.requester_seger.name);
}

GUICHE_ON_BOTH_ENGINES(PersonalDataPagesTest);

}  // namespace
}  // namespace guiche::testing
