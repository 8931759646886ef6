// Manifestações on the pages, over HTTP (web/ouvidoria/): the public form
// registers without an account and shows the protocol and code once; a bad
// form comes back by its fields with nothing stored; the tracking page
// opens it by protocol and code (a wrong code reads like an unknown
// protocol) and takes the complement asked for; the ouvidoria's queue and
// page act on it; staff who reach it through a linked ticket never see a
// confidential author; the charter's service page points to the form.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Percent-encoding for form values.
std::string enc(const std::string& s) {
  std::string out;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class ManifestationPagesTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    ombudsman = create_ombudsman();
  }
  // A visitor without an account: the form's cookie and the token it echoes.
  Browser anonymous_visitor(const std::string& path) {
    const auto r = http_request(port, "GET", path);
    EXPECT_EQ(r.status, 200);
    Browser b;
    for (const auto& c : r.set_cookies) {
      if (c.rfind("guiche_manifestacao=", 0) == 0) {
        b.cookie = c.substr(0, c.find(';'));
        b.csrf = b.cookie.substr(std::string("guiche_manifestacao=").size());
      }
    }
    EXPECT_FALSE(b.csrf.empty());
    return b;
  }
  static std::string between(const std::string& body, const std::string& before,
                             const std::string& after) {
    const auto a = body.find(before);
    if (a == std::string::npos) return "";
    const auto start = a + before.size();
    return body.substr(start, body.find(after, start) - start);
  }
  Person ombudsman;
};

TEST_P(ManifestationPagesTest, RegisterWithoutAccountTrackAndComplement) {
  auto v = anonymous_visitor("/manifestacoes/nova?servico=SUP-TEC");
  auto form =
      http_request(port, "GET", "/manifestacoes/nova?servico=SUP-TEC", {{"Cookie", v.cookie}});
  EXPECT_THAT(form.body, HasSubstr("value=\"SUP-TEC\" selected"));
  auto r = post(v, "/manifestacoes/nova",
                "csrf=" + v.csrf + "&tipo=complaint&servico=SUP-TEC&assunto=" + enc("Fila parada") +
                    "&relato=" + enc("Ninguém atende <script>alert(1)</script>") +
                    "&identificacao=confidential&nome=" + enc("Ana Cidadã") +
                    "&email=ana%40exemplo.com.br&canal=email");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto protocol = between(r.body, "<dd class=\"protocolo\"><strong>", "<");
  const auto code = between(r.body, "<dd class=\"codigo-acompanhamento\"><strong>", "<");
  EXPECT_EQ(protocol, "OUV-2026-000001");
  EXPECT_EQ(code.size(), 14u);

  // The ouvidoria asks for a complement on its page.
  const auto ouv = sign_in(ombudsman);
  auto queue = get(ouv, "/ouvidoria");
  ASSERT_EQ(queue.status, 200);
  EXPECT_THAT(queue.body, HasSubstr(protocol));
  EXPECT_THAT(queue.body, HasSubstr("Fila parada"));
  const auto page = get(ouv, "/ouvidoria/manifestacoes/1");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Ana Cidadã"));
  EXPECT_THAT(page.body, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(page.body, Not(HasSubstr("<script>alert")));
  r = post(ouv, "/ouvidoria/manifestacoes/1/complemento", "csrf=" + ouv.csrf + "&pergunta=");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"pergunta-erro\""));
  r = post(ouv, "/ouvidoria/manifestacoes/1/complemento",
           "csrf=" + ouv.csrf + "&pergunta=" + enc("Qual o número do chamado?"));
  ASSERT_EQ(r.status, 303) << r.body;

  // The author tracks it and complements.
  v = anonymous_visitor("/manifestacoes/acompanhar");
  r = post(v, "/manifestacoes/acompanhar",
           "csrf=" + v.csrf + "&protocolo=" + protocol + "&codigo=AAAA-BBBB-CCCC");
  EXPECT_EQ(r.status, 404);
  const auto wrong_message = between(r.body, "<span class=\"message-body\">", "<");
  r = post(v, "/manifestacoes/acompanhar",
           "csrf=" + v.csrf + "&protocolo=OUV-2026-000999&codigo=" + code);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(between(r.body, "<span class=\"message-body\">", "<"), wrong_message);
  r = post(v, "/manifestacoes/acompanhar",
           "csrf=" + v.csrf + "&protocolo=" + protocol + "&codigo=" + code);
  ASSERT_EQ(r.status, 200);
  EXPECT_THAT(r.body, HasSubstr("Qual o número do chamado?"));
  EXPECT_THAT(r.body, HasSubstr("action=\"/manifestacoes/acompanhar/complemento\""));
  r = post(v, "/manifestacoes/acompanhar/complemento",
           "csrf=" + v.csrf + "&protocolo=" + protocol + "&codigo=" + code +
               "&complemento=" + enc("É o 2026-000010."));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr("Complemento recebido"));
  EXPECT_THAT(r.body, HasSubstr("É o 2026-000010."));

  // And the answer reaches the tracking page.
  r = post(ouv, "/ouvidoria/manifestacoes/1/resposta",
           "csrf=" + ouv.csrf + "&resposta=" + enc("Chamado priorizado."));
  ASSERT_EQ(r.status, 303) << r.body;
  r = post(v, "/manifestacoes/acompanhar",
           "csrf=" + v.csrf + "&protocolo=" + protocol + "&codigo=" + code);
  EXPECT_THAT(r.body, HasSubstr("Chamado priorizado."));
  EXPECT_THAT(r.body, HasSubstr("Respondida"));
}

TEST_P(ManifestationPagesTest, ABadFormComesBackByItsFieldsAndStoresNothing) {
  const auto v = anonymous_visitor("/manifestacoes/nova");
  auto r = post(v, "/manifestacoes/nova",
                "csrf=" + v.csrf + "&tipo=praise&assunto=&relato=x&identificacao=anonymous");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"assunto-erro\""));
  EXPECT_THAT(r.body, HasSubstr("id=\"identificacao-erro\""));
  EXPECT_THAT(r.body, HasSubstr("Só reclamações e denúncias podem ser anônimas"));
  // Without the form's cookie (another site's post), nothing happens.
  r = http_request(port, "POST", "/manifestacoes/nova",
                   {{"Content-Type", "application/x-www-form-urlencoded"}},
                   "csrf=x&tipo=complaint&assunto=A&relato=B&identificacao=anonymous");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(count("manifestations"), 0);
}

TEST_P(ManifestationPagesTest, StaffReachingItThroughATicketNeverSeeAConfidentialAuthor) {
  app::ManifestationForm f;
  f.kind = "report";
  f.identification = "confidential";
  f.subject = "Denúncia";
  f.description = "Uso indevido.";
  f.name = "Bia Sigilosa";
  f.email = "bia@exemplo.com.br";
  const auto m = desk->manifestations().register_manifestation(std::nullopt, f);
  const auto t = register_sis(w.requester_sesa, "Chamado da denúncia");
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  desk->manifestations().link_ticket(as(ombudsman), m.manifestation.id, t.protocol);
  const auto url = "/ouvidoria/manifestacoes/" + std::to_string(m.manifestation.id);
  EXPECT_THAT(get(sign_in(ombudsman), url).body, HasSubstr("Bia Sigilosa"));
  for (const Person* staff : {&w.analyst_sis, &w.admin}) {
    const auto r = get(sign_in(*staff), url);
    ASSERT_EQ(r.status, 200) << staff->name;
    EXPECT_THAT(r.body, Not(HasSubstr("Bia Sigilosa")));
    EXPECT_THAT(r.body, Not(HasSubstr("bia@exemplo")));
    EXPECT_THAT(r.body, HasSubstr("Identidade sigilosa"));
    EXPECT_THAT(r.body, Not(HasSubstr("/resposta\"")));
    EXPECT_EQ(get(sign_in(*staff), "/ouvidoria").status, 403);
  }
  EXPECT_EQ(get(sign_in(w.requester_sesa), url).status, 404);
  // The ticket's page lists it for the staff; the requester's page does not.
  const auto ticket_page = get(sign_in(w.analyst_sis), "/atendimento/chamados/" + t.protocol);
  EXPECT_THAT(ticket_page.body, HasSubstr("id=\"manifestacoes\""));
  EXPECT_THAT(ticket_page.body, HasSubstr("href=\"" + url + "\""));
  EXPECT_THAT(ticket_page.body, Not(HasSubstr("Bia Sigilosa")));
}

TEST_P(ManifestationPagesTest, TheCharterPointsToTheFormAndAdminsSetTheDays) {
  const auto service = http_request(port, "GET", "/carta/servicos/SUP-TEC");
  EXPECT_THAT(service.body, HasSubstr("href=\"/manifestacoes/nova?servico=SUP-TEC\""));
  EXPECT_THAT(http_request(port, "GET", "/carta").body, HasSubstr("href=\"/manifestacoes/nova\""));
  const auto admin = sign_in(w.admin);
  const auto settings_page = get(admin, "/admin/ouvidoria");
  EXPECT_EQ(settings_page.status, 200) << settings_page.body.substr(0, 3000);
  auto r = post(admin, "/admin/ouvidoria",
                "csrf=" + admin.csrf +
                    "&unidade=&calendario=br&dias_resposta=40&dias_prorrogacao=30"
                    "&dias_complemento=20&dias_aviso=5");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"dias_resposta-erro\""));
  r = post(admin, "/admin/ouvidoria",
           "csrf=" + admin.csrf + "&unidade=" + std::to_string(w.central.id) +
               "&calendario=br&dias_resposta=20&dias_prorrogacao=10&dias_complemento=20"
               "&dias_aviso=3");
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(desk->manifestations().settings().answer_days, 20);
  EXPECT_EQ(get(sign_in(ombudsman), "/admin/ouvidoria").status, 403);
}

GUICHE_ON_BOTH_ENGINES(ManifestationPagesTest);

}  // namespace
}  // namespace guiche::testing
