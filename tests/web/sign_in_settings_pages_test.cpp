// The ways to sign in (/admin/entrada): admins only, CSRF on its forms, a
// refused mapping comes back next to its field and stores nothing, hostile
// text is escaped; and the sign-in page (/entrar) says so when the directory
// is down, while a local account still signs in through it.
#include <gmock/gmock.h>

#include "app/accounts/auth/directory_server.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A directory that never answers, as when its server is down.
class DownDirectory : public app::DirectoryServer {
 public:
  app::DirectoryAnswer verify(const std::string&, const std::string&) override {
    return {app::DirectoryAnswer::Outcome::unavailable, std::nullopt, "connection refused"};
  }
  std::string issuer() const override { return "ldap:dc=teste"; }
  std::string describe() const override { return "ldaps://diretorio.teste, base dc=teste"; }
};

std::string form_part(const std::string& s) {
  std::string out;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

class SignInSettingsPagesTest : public WebServerTest {};

TEST_P(SignInSettingsPagesTest, OnlyAdminsSeeThePageAndItsFormsNeedTheCsrfToken) {
  const Browser admin = sign_in(w.admin);
  const Browser attendant = sign_in(w.attendant);
  auto page = get(admin, "/admin/entrada");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("id=\"forma-local\""));
  EXPECT_THAT(page.body, Not(HasSubstr("id=\"forma-ldap\"")));
  EXPECT_THAT(get(admin, "/admin").body, HasSubstr("/admin/entrada"));
  EXPECT_EQ(get(attendant, "/admin/entrada").status, 403);
  const std::string body =
      "grupo=" + form_part("cn=GS,ou=groups,dc=x") + "&orgao=" + std::to_string(w.sesa.id);
  EXPECT_EQ(post(attendant, "/admin/entrada/grupos", "csrf=" + attendant.csrf + "&" + body).status,
            403);
  EXPECT_EQ(post(admin, "/admin/entrada/grupos", body).status, 403);
  EXPECT_EQ(count("directory_group_mappings"), 0);
}

TEST_P(SignInSettingsPagesTest, AnAdminMapsAGroupSeesItEscapedAndRemovesIt) {
  desk->accounts().use_directory(std::make_shared<DownDirectory>());
  const Browser admin = sign_in(w.admin);
  EXPECT_THAT(get(admin, "/admin/entrada").body,
              HasSubstr("ldaps://diretorio.teste, base dc=teste"));
  // A unit role without its unit is refused next to the unit's field.
  auto r = post(admin, "/admin/entrada/grupos",
                "csrf=" + admin.csrf + "&grupo=" + form_part("cn=<b>GS</b>,ou=groups,dc=x") +
                    "&papel=analyst");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"unidade-erro\""));
  EXPECT_THAT(r.body, HasSubstr("precisa de uma unidade válida"));
  EXPECT_EQ(count("directory_group_mappings"), 0);
  r = post(admin, "/admin/entrada/grupos",
           "csrf=" + admin.csrf + "&grupo=" + form_part("CN=<b>GS</b>, OU=groups,dc=x") +
               "&papel=analyst&unidade=" + std::to_string(w.sgsis.id) +
               "&orgao=" + std::to_string(w.sesa.id));
  ASSERT_EQ(r.status, 303) << r.body;
  const auto shown = get(admin, "/admin/entrada");
  EXPECT_THAT(shown.body, HasSubstr("cn=&lt;b&gt;gs&lt;/b&gt;,ou=groups,dc=x"));
  EXPECT_THAT(shown.body, Not(HasSubstr("<b>gs</b>")));
  EXPECT_THAT(shown.body, HasSubstr("SGSIS"));
  // Members as authorized requesters: the rule needs its document.
  r = post(admin, "/admin/entrada/grupos",
           "csrf=" + admin.csrf + "&grupo=" + form_part("cn=SESA,ou=groups,dc=x") +
               "&orgao=" + std::to_string(w.sesa.id) + "&autoriza=sim&tipo-documento=oficio");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"documento-erro\""));
  EXPECT_EQ(count("directory_group_mappings"), 1);
  r = post(admin, "/admin/entrada/grupos",
           "csrf=" + admin.csrf + "&grupo=" + form_part("cn=SESA,ou=groups,dc=x") +
               "&orgao=" + std::to_string(w.sesa.id) +
               "&autoriza=sim&tipo-documento=oficio&documento=" + form_part("Ofício 12/2026"));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_THAT(get(admin, "/admin/entrada").body, HasSubstr("Ofício 12/2026"));
  desk->accounts().remove_group_mapping(as(w.admin),
                                        desk->accounts().group_mappings(as(w.admin)).back().id);
  const auto id = desk->accounts().group_mappings(as(w.admin)).front().id;
  const std::string remove = "/admin/entrada/grupos/" + std::to_string(id) + "/remover";
  EXPECT_THAT(shown.body, HasSubstr(remove));
  EXPECT_EQ(post(admin, remove, "").status, 403);
  EXPECT_EQ(post(admin, remove, "csrf=" + admin.csrf).status, 303);
  EXPECT_EQ(count("directory_group_mappings"), 0);
}

TEST_P(SignInSettingsPagesTest, TheSignInPageSaysWhenTheDirectoryIsDownAndLocalAccountsStillEnter) {
  desk->accounts().use_directory(std::make_shared<DownDirectory>());
  auto page = http_request(port, "GET", "/entrar");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("mesmo login e senha da rede"));
  std::string token;
  for (const auto& c : page.set_cookies) {
    if (c.rfind("guiche_entrada=", 0) == 0) token = c.substr(15, c.find(';') - 15);
  }
  ASSERT_FALSE(token.empty());
  const auto enter = [&](const std::string& login, const std::string& password) {
    return http_request(port, "POST", "/entrar",
                        {{"Cookie", "guiche_entrada=" + token},
                         {"Content-Type", "application/x-www-form-urlencoded"}},
                        "csrf=" + token + "&login=" + login + "&senha=" + password);
  };
  auto r = enter("maria.souza", "senha-da-maria");
  EXPECT_EQ(r.status, 503);
  EXPECT_THAT(r.body, HasSubstr("O diretório está indisponível no momento"));
  sign_in(w.attendant);  // gives the attendant a local login and password
  r = enter("user" + std::to_string(w.attendant.id), kTestPassword);
  EXPECT_EQ(r.status, 303) << r.body;
}

GUICHE_ON_BOTH_ENGINES(SignInSettingsPagesTest);

}  // namespace
}  // namespace guiche::testing
