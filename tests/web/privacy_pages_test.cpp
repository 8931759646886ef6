// The aviso de privacidade (LGPD): the public /privacidade shows the default
// text until an admin (or the encarregado de dados) saves one, escaped; the
// edit form checks CSRF and its fields and changes nothing on bad input; the
// English page shows an English text when there is one; and every page with a
// form that collects personal data links to the notice next to its button.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/privacy/privacy_notices.hpp"
#include "support/web_server_test.hpp"
#include "web/page.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class PrivacyPagesTest : public WebServerTest {
 protected:
  HttpResult anonymous(const std::string& target, const std::string& cookie = "") {
    if (cookie.empty()) return http_request(port, "GET", target);
    return http_request(port, "GET", target, {{"Cookie", cookie}});
  }
  std::string notice_form(const std::string& csrf, const std::string& text,
                          const std::string& contact, const std::string& english = "") {
    return "csrf=" + csrf + "&texto=" + web::url_encode(text) +
           "&texto_en=" + web::url_encode(english) + "&encarregado=" + web::url_encode(contact);
  }
};

TEST_P(PrivacyPagesTest, TheDefaultNoticeNamesTheControllerTheLegalBasisAndTheRights) {
  const auto page = anonymous("/privacidade");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("<h1>Aviso de privacidade</h1>"));
  EXPECT_THAT(page.body, HasSubstr(desk->config().agency_name));
  EXPECT_THAT(page.body, HasSubstr("art. 7º, III, e art. 23"));
  EXPECT_THAT(page.body, HasSubstr("art. 18"));
  EXPECT_THAT(page.body, HasSubstr("atendimento de solicitações"));
  EXPECT_THAT(page.body, HasSubstr("ainda não foi informado"));  // no encarregado yet
}

TEST_P(PrivacyPagesTest, TheAdminsTextIsShownEscapedWithTheEncarregadoAndWhoSavedIt) {
  const auto admin = sign_in(w.admin);
  const auto form = get(admin, "/admin/privacidade");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("name=\"csrf\""));
  const auto saved =
      post(admin, "/admin/privacidade",
           notice_form(admin.csrf,
                       "Quem somos\nA Agência <script>alert(1)</script> & cia.\n\nSegundo "
                       "parágrafo.",
                       "Maria Souza — encarregado@exemplo.gov.br"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.headers.at("location"), "/admin/privacidade?salvo=1");
  const auto page = anonymous("/privacidade");
  EXPECT_THAT(page.body, HasSubstr("<h2>Quem somos</h2>"));
  EXPECT_THAT(page.body, HasSubstr("A Agência &lt;script&gt;alert(1)&lt;/script&gt; &amp; cia."));
  EXPECT_THAT(page.body, Not(HasSubstr("<script>alert(1)")));
  EXPECT_THAT(page.body, HasSubstr("Maria Souza — encarregado@exemplo.gov.br"));
  EXPECT_THAT(page.body, Not(HasSubstr("ainda não foi informado")));
  EXPECT_THAT(get(admin, "/admin/privacidade").body, HasSubstr(w.admin.name));
}

TEST_P(PrivacyPagesTest, BadInputIsAClearErrorAndChangesNothing) {
  const auto admin = sign_in(w.admin);
  ASSERT_EQ(post(admin, "/admin/privacidade", notice_form(admin.csrf, "Texto bom.", "Ana — a@b.br"))
                .status,
            303);
  const auto before = anonymous("/privacidade").body;
  // Without the session's CSRF token.
  EXPECT_EQ(post(admin, "/admin/privacidade", notice_form("forjado", "Outro.", "Ana")).status, 403);
  // An empty text, a contact on two lines, a control character.
  const auto empty = post(admin, "/admin/privacidade", notice_form(admin.csrf, "  ", "Ana"));
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("Informe o texto do aviso de privacidade."));
  const auto two_lines =
      post(admin, "/admin/privacidade", notice_form(admin.csrf, "Texto.", "Ana\nBeto"));
  EXPECT_EQ(two_lines.status, 422);
  EXPECT_THAT(two_lines.body, HasSubstr("O contato deve ocupar uma linha"));
  const auto no_contact = post(admin, "/admin/privacidade", notice_form(admin.csrf, "Texto.", ""));
  EXPECT_EQ(no_contact.status, 422);
  EXPECT_THAT(no_contact.body, HasSubstr("art. 41"));
  EXPECT_EQ(
      post(admin, "/admin/privacidade", notice_form(admin.csrf, std::string("Texto\x01"), "Ana"))
          .status,
      422);
  EXPECT_EQ(anonymous("/privacidade").body, before);
  // Nobody else edits it.
  const auto agent = sign_in(w.attendant);
  EXPECT_EQ(post(agent, "/admin/privacidade", notice_form(agent.csrf, "Meu.", "Eu")).status, 403);
  EXPECT_EQ(anonymous("/privacidade").body, before);
}

TEST_P(PrivacyPagesTest, TheEncarregadoEditsTheNoticeToo) {
  Person p;
  p.name = "Dora Encarregada";
  p.emails = {"dora@prodest.es.gov.br"};
  p.roles = {{Role::data_protection_officer, std::nullopt}};
  const Person dpo = desk->directory().create_person(as(w.admin), {p, std::nullopt});
  const auto dora = sign_in(dpo);
  ASSERT_EQ(post(dora, "/admin/privacidade",
                 notice_form(dora.csrf, "Texto da Dora.", "Dora — dora@prodest.es.gov.br"))
                .status,
            303);
  EXPECT_THAT(anonymous("/privacidade").body, HasSubstr("Texto da Dora."));
}

TEST_P(PrivacyPagesTest, TheEnglishPageShowsTheEnglishTextOrSaysItIsInPortugueseOnly) {
  const auto admin = sign_in(w.admin);
  ASSERT_EQ(post(admin, "/admin/privacidade", notice_form(admin.csrf, "Texto em português.", "Ana"))
                .status,
            303);
  auto english = anonymous("/privacidade", "idioma=en");
  EXPECT_THAT(english.body, HasSubstr("<h1>Privacy notice</h1>"));
  EXPECT_THAT(english.body, HasSubstr("available in Portuguese only"));
  EXPECT_THAT(english.body, HasSubstr("Texto em português."));
  ASSERT_EQ(post(admin, "/admin/privacidade",
                 notice_form(admin.csrf, "Texto em português.", "Ana", "Text in English."))
                .status,
            303);
  english = anonymous("/privacidade", "idioma=en");
  EXPECT_THAT(english.body, HasSubstr("Text in English."));
  EXPECT_THAT(english.body, Not(HasSubstr("Texto em português.")));
  EXPECT_THAT(anonymous("/privacidade").body, HasSubstr("Texto em português."));
}

TEST_P(PrivacyPagesTest, EveryFormThatCollectsPersonalDataLinksToTheNotice) {
  struct Row {
    const char* path;
    const Person* who;  // nullptr: without signing in
  };
  const std::vector<Row> rows = {
      {"/servicos/SUP-TEC/solicitar", &w.requester_seger},  // the portal's request form
      {"/manifestacoes/nova", nullptr},                     // manifestações, anonymous too
      {"/status/assinatura", nullptr},                      // status notices' subscription
      {"/status", nullptr},                                 // the same form on the status page
      {"/entrar", nullptr},                                 // sign-in
      {"/primeiro-acesso", &w.citizen},  // the first-access password (open to the signed-in)
      {"/incidentes/informar", &w.manager_seger},  // reporting an incident
      {"/atendimento/registrar", &w.attendant},    // phone registration
      {"/admin/pessoas/nova", &w.admin},           // a person's registration
  };
  for (const auto& row : rows) {
    const auto r = row.who ? get(sign_in(*row.who), row.path) : anonymous(row.path);
    ASSERT_EQ(r.status, 200) << row.path << "\n" << r.body.substr(0, 400);
    EXPECT_THAT(r.body, HasSubstr("class=\"aviso-privacidade\"")) << row.path;
    EXPECT_THAT(r.body, HasSubstr("<a href=\"/privacidade\">aviso de privacidade</a>")) << row.path;
  }
  // And the footer of every page.
  EXPECT_THAT(anonymous("/carta").body, HasSubstr("<a href=\"/privacidade\">Privacidade</a>"));
  EXPECT_THAT(anonymous("/privacidade").body,
              HasSubstr("<a href=\"/privacidade\">Privacidade</a>"));
}

GUICHE_ON_BOTH_ENGINES(PrivacyPagesTest);

}  // namespace
}  // namespace guiche::testing
