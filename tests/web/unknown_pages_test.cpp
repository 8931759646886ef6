// Unknown addresses and redirects as browsers meet them (issue 19, item 8):
// a page that does not exist is an HTML page in pt-BR, while API clients
// keep problem+json; a redirect's status line says "303 See Other".
#include <gmock/gmock.h>

#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kBrowserAccept = "text/html,application/xhtml+xml,*/*;q=0.8";

class UnknownPagesTest : public WebServerTest {};

TEST_P(UnknownPagesTest, ABrowserAskingForAnUnknownPageGetsAPageInPortuguese) {
  auto r = http_request(port, "GET", "/pagina-que-nao-existe", {{"Accept", kBrowserAccept}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.reason, "Not Found");
  EXPECT_THAT(r.headers["content-type"], HasSubstr("text/html"));
  EXPECT_THAT(r.body, HasSubstr("<html lang=\"pt-BR\">"));
  EXPECT_THAT(r.body, HasSubstr("Página não encontrada"));
  EXPECT_THAT(r.body, HasSubstr("O endereço pedido não existe no Guichê."));
  // Signed in, the page keeps the person's menu.
  const auto maria = sign_in(w.requester_seger);
  r = http_request(port, "GET", "/servicos/x/y/z",
                   {{"Cookie", maria.cookie}, {"Accept", kBrowserAccept}});
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(r.body, HasSubstr("href=\"/minha-area\""));
}

TEST_P(UnknownPagesTest, ApiClientsStillGetProblemJson) {
  for (const auto& [target, accept] :
       std::vector<std::pair<std::string, std::string>>{{"/api/v1/nao-existe", kBrowserAccept},
                                                        {"/api/v1/nao-existe", "*/*"},
                                                        {"/pagina-que-nao-existe", "*/*"},
                                                        {"/pagina-que-nao-existe", ""}}) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!accept.empty()) headers.emplace_back("Accept", accept);
    const auto r = http_request(port, "GET", target, headers);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.headers.at("content-type"), "application/problem+json") << target << " " << accept;
    EXPECT_EQ(r.json().value("status", 0), 404) << target;
  }
  // Other methods as before.
  const auto r = http_request(port, "POST", "/pagina-que-nao-existe", {{"Accept", kBrowserAccept}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.headers.at("content-type"), "application/problem+json");
}

TEST_P(UnknownPagesTest, RedirectsSaySeeOther) {
  auto r = http_request(port, "GET", "/minha-area", {{"Accept", kBrowserAccept}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.reason, "See Other");
  EXPECT_THAT(r.headers["location"], HasSubstr("/entrar"));
}

GUICHE_ON_BOTH_ENGINES(UnknownPagesTest);

}  // namespace
}  // namespace guiche::testing
