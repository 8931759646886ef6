// A service's popular names in the admin's service form (/admin/servicos):
// one per line, tidied as the API tidies them (domain/popular_names.hpp),
// shown back one per line, and a name too long refused next to its field
// without changing anything.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "support/web_server_test.hpp"
#include "web/page.hpp"

namespace guiche::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class AdminServiceNamesTest : public WebServerTest {
 protected:
  std::string form(const Browser& admin, const std::string& names) {
    return "csrf=" + admin.csrf + "&codigo=POP-NOMES&nome=" + web::url_encode("Acesso remoto") +
           "&publico=anyone&visivel=sim&ativo=sim&nomes_populares=" + web::url_encode(names);
  }
  std::vector<std::string> names_of(const std::string& code) {
    return desk->directory().service_by_code(as(w.admin), code).popular_names;
  }
};

TEST_P(AdminServiceNamesTest, OnePerLineTidiedAndShownBack) {
  const auto admin = sign_in(w.admin);
  auto r = post(admin, "/admin/servicos/novo",
                form(admin, "VPN\r\n\r\n  Acesso de casa \r\nvpn\r\nAcésso de CASA"));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_THAT(names_of("POP-NOMES"), ElementsAre("VPN", "Acesso de casa"));
  const auto page = get(admin, "/admin/servicos/POP-NOMES");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(">VPN\nAcesso de casa</textarea>"));
  EXPECT_THAT(page.body, HasSubstr("Nomes populares"));

  r = post(admin, "/admin/servicos/POP-NOMES", form(admin, "VPN\n" + std::string(101, 'x')));
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"nomes_populares-erro\""));
  EXPECT_THAT(r.body, HasSubstr("Cada nome popular pode ter até 100 caracteres."));
  EXPECT_THAT(names_of("POP-NOMES"), ElementsAre("VPN", "Acesso de casa"));
}

GUICHE_ON_BOTH_ENGINES(AdminServiceNamesTest);

}  // namespace
}  // namespace guiche::testing
