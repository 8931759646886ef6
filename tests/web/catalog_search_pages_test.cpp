// The portal's catalog as a new requester meets it (issue 19, item 8): the
// search reads descriptions too, ranked, with suggestions instead of a dead
// end; and each person's list holds the services whose audience admits them,
// the others below saying who may use them.
#include <gmock/gmock.h>

#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CatalogSearchPagesTest : public WebServerTest {
 protected:
  // The codes of the list that opens with `marker`, in order.
  static std::vector<std::string> codes_in(const std::string& body, const std::string& marker) {
    std::vector<std::string> out;
    const auto list = body.find(marker);
    if (list == std::string::npos) return out;
    const auto end = body.find("</ul>", list);
    const std::string code = "<p class=\"codigo\">Código: <strong>";
    for (auto at = body.find(code, list); at < end; at = body.find(code, at + 1)) {
      const auto from = at + code.size();
      out.push_back(body.substr(from, body.find('<', from) - from));
    }
    return out;
  }
  static std::vector<std::string> own(const std::string& body) {
    return codes_in(body, "<ul class=\"lista-servicos\">");
  }
  static std::vector<std::string> others(const std::string& body) {
    return codes_in(body, "<ul class=\"lista-servicos outros\">");
  }
};

TEST_P(CatalogSearchPagesTest, ACitizenSeesTheirServicesAndWhoMayUseTheOthers) {
  const auto citizen = sign_in(w.citizen);
  const auto page = get(citizen, "/servicos");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(own(page.body), std::vector<std::string>{"SUP-TEC"});
  EXPECT_EQ(others(page.body), (std::vector<std::string>{"EMAIL-INST", "PROJ-SIS", "SIS-ACESSO"}));
  EXPECT_THAT(page.body, HasSubstr("Serviços para outros públicos"));
  EXPECT_THAT(page.body, HasSubstr("Quem pode utilizar:"));
  // A servant of SEGER, authorized there, has them all as their own.
  const auto maria = get(sign_in(w.requester_seger), "/servicos");
  EXPECT_THAT(own(maria.body), ::testing::Contains("SIS-ACESSO"));
  EXPECT_THAT(own(maria.body), ::testing::Contains("EMAIL-INST"));
  EXPECT_THAT(maria.body, Not(HasSubstr("Serviços para outros públicos")));
}

TEST_P(CatalogSearchPagesTest, TheSearchReadsDescriptionsAndSuggestsWhenNothingMatches) {
  const auto maria = sign_in(w.requester_seger);
  // Words of the description, accents or not, "do" left out.
  EXPECT_EQ(own(get(maria, "/servicos?q=criacao+de+acesso+do+estado").body),
            std::vector<std::string>{"SIS-ACESSO"});
  EXPECT_EQ(own(get(maria, "/servicos?q=altera%C3%A7%C3%A3o").body),
            std::vector<std::string>{"SIS-ACESSO"});
  // Nothing holds "suportar": the service that begins like it is suggested.
  auto page = get(maria, "/servicos?q=suportar");
  EXPECT_TRUE(own(page.body).empty());
  EXPECT_THAT(page.body, HasSubstr("Talvez você procure um destes serviços:"));
  EXPECT_EQ(codes_in(page.body, "<ul class=\"lista-servicos sugestoes\">"),
            std::vector<std::string>{"SUP-TEC"});
  // Nothing close either: a way on, not a dead end.
  page = get(maria, "/servicos?q=xyzw");
  EXPECT_THAT(page.body, HasSubstr("Tente outras palavras"));
  EXPECT_THAT(page.body, HasSubstr("veja todos os serviços."));
}

GUICHE_ON_BOTH_ENGINES(CatalogSearchPagesTest);

}  // namespace
}  // namespace guiche::testing
