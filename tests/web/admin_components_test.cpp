// The status page's components in the administration (/admin/componentes):
// an admin adds one with its unit and the organizations that use it, and
// edits it; a form without a unit names its field and stores nothing;
// anyone else gets 403.
#include <gmock/gmock.h>

#include "app/incidents/status_components.hpp"
#include "support/web_server_test.hpp"
#include "web/page.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class AdminComponentsTest : public WebServerTest {};

TEST_P(AdminComponentsTest, AnAdminAddsAndEditsAComponent) {
  const auto admin = sign_in(w.admin);
  ASSERT_EQ(get(admin, "/admin/componentes").status, 200);
  const auto seger = "orgao-" + std::to_string(w.seger.id);
  const auto sesa = "orgao-" + std::to_string(w.sesa.id);
  auto form = "csrf=" + admin.csrf + "&nome=" + web::url_encode("Rede Metropolitana") +
              "&grupo=Infraestrutura&descricao=&servico=&unidade=" + std::to_string(w.geinf.id) +
              "&" + seger + "=sim&" + sesa + "=sim";
  auto r = post(admin, "/admin/componentes", form);
  ASSERT_EQ(r.status, 303) << r.body;
  auto all = desk->status_components().components(true);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].responsible_unit_id, w.geinf.id);
  EXPECT_EQ(all[0].organization_ids.size(), 2u);

  const auto url = "/admin/componentes/" + std::to_string(all[0].id);
  EXPECT_THAT(get(admin, url).body, HasSubstr("Rede Metropolitana"));
  r = post(admin, url,
           "csrf=" + admin.csrf + "&nome=" + web::url_encode("Rede Metropolitana") +
               "&grupo=Infraestrutura&servico=&unidade=" + std::to_string(w.geinf.id) + "&" +
               seger + "=sim");
  ASSERT_EQ(r.status, 303) << r.body;
  all = desk->status_components().components(true);
  EXPECT_EQ(all[0].organization_ids, std::vector<std::int64_t>{w.seger.id});
  EXPECT_FALSE(all[0].active);  // the box was left unchecked

  r = post(admin, "/admin/componentes",
           "csrf=" + admin.csrf + "&nome=Outro&grupo=Infraestrutura&servico=&unidade=");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("Unidade responsável desconhecida"));
  EXPECT_EQ(desk->status_components().components(true).size(), 1u);

  const auto attendant = sign_in(w.attendant);
  EXPECT_EQ(get(attendant, "/admin/componentes").status, 403);
  EXPECT_EQ(post(attendant, "/admin/componentes", "csrf=" + attendant.csrf + "&nome=X").status,
            403);
}

GUICHE_ON_BOTH_ENGINES(AdminComponentsTest);

}  // namespace
}  // namespace guiche::testing
