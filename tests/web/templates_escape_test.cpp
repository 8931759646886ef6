// Nothing is rendered unescaped (the portal's quality bar): no template uses
// mustache's raw forms, {{{name}}} or {{&name}}, so every value a page shows
// goes through HTML escaping.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace guiche::testing {
namespace {

TEST(TemplatesTest, NoTemplateRendersAValueUnescaped) {
  int templates = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(GUICHE_WEB_DIR) / "templates")) {
    if (entry.path().extension() != ".mustache") continue;
    ++templates;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string body = text.str();
    // The one exception: the reports' charts, SVG whose every text the
    // charts escape themselves (tests/web/report_charts_test.cpp).
    if (entry.path().filename() == "relatorio.mustache") {
      const std::string chart = "{{{grafico}}}";
      for (auto at = body.find(chart); at != std::string::npos; at = body.find(chart)) {
        body.erase(at, chart.size());
      }
    }
    // And a knowledge article's body, HTML its renderer built escaping every
    // character the writer typed (tests/domain/data/article_markup.cases).
    if (entry.path().filename() == "conhecimento_artigo.mustache") {
      const std::string article = "{{{corpo}}}";
      for (auto at = body.find(article); at != std::string::npos; at = body.find(article)) {
        body.erase(at, article.size());
      }
    }
    EXPECT_EQ(body.find("{{{"), std::string::npos) << entry.path();
    EXPECT_EQ(body.find("{{&"), std::string::npos) << entry.path();
  }
  EXPECT_GT(templates, 20);
}

}  // namespace
}  // namespace guiche::testing
