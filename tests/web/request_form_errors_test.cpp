// The portal's request form refused (issue 19, item 8): every error at once,
// in the order of the form's inputs (not one group per submit, not
// alphabetical), messages that agree with their noun, and the files chosen
// named and asked for again, since a browser cannot be given them back.
#include <gmock/gmock.h>

#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kFormErrorsBoundary = "----formulario-com-erros-7Qz";

std::string form_errors_field(const std::string& name, const std::string& value) {
  return std::string("--") + kFormErrorsBoundary + "\r\nContent-Disposition: form-data; name=\"" +
         name + "\"\r\n\r\n" + value + "\r\n";
}

std::string form_errors_file(const std::string& filename, const std::string& bytes) {
  return std::string("--") + kFormErrorsBoundary +
         "\r\nContent-Disposition: form-data; name=\"anexos\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
}

class RequestFormErrorsTest : public WebServerTest {
 protected:
  // `kept`: as web/static/formulario_anexos.js sends it, keeping the files on the page.
  HttpResult send(const Browser& b, const std::string& parts, bool kept = false) {
    std::vector<std::pair<std::string, std::string>> headers{
        {"Cookie", b.cookie},
        {"Content-Type", std::string("multipart/form-data; boundary=") + kFormErrorsBoundary}};
    if (kept) headers.emplace_back("X-Anexos-Mantidos", "1");
    return http_request(port, "POST", "/servicos/SIS-ACESSO/solicitar", headers,
                        parts + "--" + kFormErrorsBoundary + "--\r\n");
  }
  // The links of the error summary, in order.
  static std::vector<std::string> summary_targets(const std::string& body) {
    std::vector<std::string> out;
    const auto from = body.find("id=\"resumo-erros\"");
    const auto to = body.find("</ul>", from);
    const std::string marker = "<a href=\"#";
    for (auto at = body.find(marker, from); at < to; at = body.find(marker, at + 1)) {
      const auto start = at + marker.size();
      out.push_back(body.substr(start, body.find('"', start) - start));
    }
    return out;
  }
};

TEST_P(RequestFormErrorsTest, AnEmptyFormGetsEveryErrorAtOnceInFormOrder) {
  const auto maria = sign_in(w.requester_seger);
  const auto r = send(maria, form_errors_field("csrf", maria.csrf));
  ASSERT_EQ(r.status, 422) << r.body;
  // Subject, description and the service's two required fields, as the form shows them.
  EXPECT_EQ(summary_targets(r.body),
            (std::vector<std::string>{"assunto", "descricao", "campo-sistema", "campo-matricula"}));
  EXPECT_THAT(r.body, HasSubstr("O assunto é obrigatório."));
  EXPECT_THAT(r.body, HasSubstr("A descrição é obrigatória."));
  EXPECT_EQ(count("tickets"), 0);
}

TEST_P(RequestFormErrorsTest, TheFilesChosenAreNamedAndAskedForAgain) {
  const auto maria = sign_in(w.requester_seger);
  const auto r =
      send(maria, form_errors_field("csrf", maria.csrf) +
                      form_errors_field("assunto", "Acesso ao SIGEFES") +
                      form_errors_file("tela.png", "imagem") + form_errors_file("erro.log", "log"));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, HasSubstr("Os arquivos escolhidos (tela.png, erro.log) não foram enviados"));
  EXPECT_THAT(r.body, HasSubstr("<a href=\"#anexos\">"));  // in the summary, last
  EXPECT_EQ(summary_targets(r.body).back(), "anexos");
  EXPECT_THAT(r.body, HasSubstr("value=\"Acesso ao SIGEFES\""));  // what was typed stays
  EXPECT_EQ(count("attachments"), 0);
}

TEST_P(RequestFormErrorsTest, AScriptThatKeepsTheFilesIsNotAskedForThemAgain) {
  const auto maria = sign_in(w.requester_seger);
  const auto r = send(maria,
                      form_errors_field("csrf", maria.csrf) +
                          form_errors_field("assunto", "Acesso ao SIGEFES") +
                          form_errors_file("tela.png", "imagem"),
                      true);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, Not(HasSubstr("não foram enviados")));
  EXPECT_NE(summary_targets(r.body).back(), "anexos");
  EXPECT_EQ(count("attachments"), 0);
}

GUICHE_ON_BOTH_ENGINES(RequestFormErrorsTest);

}  // namespace
}  // namespace guiche::testing
