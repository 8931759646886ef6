// A service's code as people type it (domain/service_code.hpp) in the pages,
// on both engines: the attendant's phone registration takes the code the
// caller quotes (an unknown one is an error on the form, nothing registered),
// and the portal's search lists the service whose code was typed first, marked.
#include <gmock/gmock.h>

#include "app/directory/directory.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ServiceCodePagesTest : public WebServerTest {
 protected:
  std::string phone_page(const std::string& code) {
    return "/atendimento/registrar?pessoa=" + std::to_string(w.requester_seger.id) +
           "&codigo=" + code;
  }
  // The value of the hidden field `name` of the page's registration form.
  static std::string hidden(const std::string& body, const std::string& name) {
    const std::string marker = "type=\"hidden\" name=\"" + name + "\" value=\"";
    const auto at = body.find(marker);
    if (at == std::string::npos) return "";
    const auto from = at + marker.size();
    return body.substr(from, body.find('"', from) - from);
  }
  // The services of the portal's list, in order.
  static std::vector<std::string> listed(const std::string& body) {
    std::vector<std::string> out;
    const std::string marker = "<strong>";
    const auto list = body.find("<ul class=\"lista-servicos\">");
    const auto end = body.find("</ul>", list);
    for (auto at = body.find(marker, list); at < end; at = body.find(marker, at + 1)) {
      const auto from = at + marker.size();
      out.push_back(body.substr(from, body.find('<', from) - from));
    }
    return out;
  }
};

TEST_P(ServiceCodePagesTest, TheAttendantTypesTheCodeTheCallerQuotes) {
  Browser carlos = sign_in(w.attendant);
  for (const std::string code : {"SIS-ACESSO", "sis%20acesso", "Sis-Ac%C3%A9sso", "sisacesso"}) {
    const auto page = get(carlos, phone_page(code));
    ASSERT_EQ(page.status, 200) << code;
    EXPECT_EQ(hidden(page.body, "servico"), "SIS-ACESSO") << code;
    EXPECT_THAT(page.body, HasSubstr("<h2 id=\"form-titulo\">Acesso a sistemas corporativos</h2>"));
  }
  // The form it opens registers by phone under that service.
  const auto page = get(carlos, phone_page("sis%20acesso"));
  const auto r = post(carlos, "/atendimento/registrar",
                      "csrf=" + carlos.csrf + "&chave=" + hidden(page.body, "chave") +
                          "&servico=" + hidden(page.body, "servico") +
                          "&pessoa=" + std::to_string(w.requester_seger.id) +
                          "&assunto=Acesso&descricao=Pedido+por+telefone&campo-sistema=SIGEFES"
                          "&campo-matricula=123456");
  ASSERT_EQ(r.status, 303) << r.body;
  ASSERT_EQ(count("tickets"), 1);
  database->db().read([&](store::Connection& c) {
    const auto row = c.query_one("SELECT service_id, channel FROM tickets");
    EXPECT_EQ(row->integer(0), w.sis_access.id);
    EXPECT_EQ(row->text(1), "phone");
  });
}

TEST_P(ServiceCodePagesTest, AnUnknownCodeIsAnErrorOnTheFormAndRegistersNothing) {
  Browser carlos = sign_in(w.attendant);
  const auto page = get(carlos, phone_page("SIS-ACESSO-2"));
  EXPECT_EQ(page.status, 422);
  EXPECT_THAT(page.body, HasSubstr("Nenhum serviço ativo tem o código “SIS-ACESSO-2”. Confira o "
                                   "código com o solicitante ou escolha o serviço na lista."));
  EXPECT_THAT(page.body, HasSubstr("id=\"codigo\" name=\"codigo\" type=\"text\" "
                                   "value=\"SIS-ACESSO-2\""));
  EXPECT_THAT(page.body, HasSubstr("aria-invalid=\"true\""));
  EXPECT_THAT(page.body, Not(HasSubstr("form-titulo")));  // no request form
  EXPECT_EQ(count("tickets"), 0);
  // Hostile input is shown escaped.
  EXPECT_THAT(get(carlos, phone_page("%3Cb%3Ex")).body, HasSubstr("“&lt;b&gt;x”"));
}

TEST_P(ServiceCodePagesTest, ThePortalListsTheServiceOfATypedCodeFirst) {
  Service s;
  s.code = "AAA-LEGADO";
  s.name = "Antigo pedido de sis-acesso";
  s.audience = Audience::anyone;
  desk->directory().create_service(as(w.admin), s);
  Browser maria = sign_in(w.requester_seger);

  auto page = get(maria, "/servicos?q=SIS-ACESSO");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(listed(page.body), (std::vector<std::string>{"SIS-ACESSO", "AAA-LEGADO"}));
  EXPECT_THAT(page.body, HasSubstr("class=\"br-card servico exato\""));
  EXPECT_THAT(page.body, HasSubstr("Este é o serviço do código buscado"));

  // As typed on a phone: spaces, case, accents.
  page = get(maria, "/servicos?q=sup%20t%C3%A9c");
  EXPECT_EQ(listed(page.body), std::vector<std::string>{"SUP-TEC"});
  EXPECT_THAT(page.body, HasSubstr("servico exato"));

  // A search that is no code lists both, nothing marked, ranked: the word
  // in a name before a part of one ("sis-acesso").
  page = get(maria, "/servicos?q=acesso");
  EXPECT_EQ(listed(page.body), (std::vector<std::string>{"SIS-ACESSO", "AAA-LEGADO"}));
  EXPECT_THAT(page.body, Not(HasSubstr("servico exato")));
}

TEST_P(ServiceCodePagesTest, ThePortalFindsAServiceByAPopularNameWithoutAccents) {
  Service s = w.sis_access;
  s.popular_names = {"Liberação de senha", "Desbloqueio"};
  desk->directory().update_service(as(w.admin), s);
  Browser maria = sign_in(w.requester_seger);
  EXPECT_EQ(listed(get(maria, "/servicos?q=LIBERACAO").body),
            std::vector<std::string>{"SIS-ACESSO"});
  EXPECT_EQ(listed(get(maria, "/servicos?q=desbloq").body), std::vector<std::string>{"SIS-ACESSO"});
}

GUICHE_ON_BOTH_ENGINES(ServiceCodePagesTest);

}  // namespace
}  // namespace guiche::testing
