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
    EXPECT_EQ(text.str().find("{{{"), std::string::npos) << entry.path();
    EXPECT_EQ(text.str().find("{{&"), std::string::npos) << entry.path();
  }
  EXPECT_GT(templates, 20);
}

}  // namespace
}  // namespace guiche::testing
