// The knowledge base's markup (domain/knowledge/article_markup.hpp), from
// tests/domain/data/article_markup.cases, and the article rules
// (domain/knowledge/article.hpp).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "domain/error.hpp"
#include "domain/knowledge/article.hpp"
#include "domain/knowledge/article_markup.hpp"

namespace guiche {
namespace {

// "\n" is a line break and "\\" a backslash.
std::string unescape_case(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '\\') {
      out += '\\';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string after_label(const std::string& line, const std::string& label) {
  auto rest = line.substr(label.size());
  const auto b = rest.find_first_not_of(' ');
  return b == std::string::npos ? "" : rest.substr(b);
}

TEST(ArticleMarkup, EveryCaseOfTheDataFile) {
  std::ifstream in(std::string(GUICHE_DOMAIN_CASES_DIR) + "/article_markup.cases");
  ASSERT_TRUE(in) << "cases file missing";
  std::string input;
  bool have_input = false;
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with("#")) continue;
    if (line.starts_with("in:")) {
      input = unescape_case(after_label(line, "in:"));
      have_input = true;
    } else if (line.starts_with("html:")) {
      ASSERT_TRUE(have_input) << line;
      SCOPED_TRACE(input);
      EXPECT_EQ(render_article_markup(input), unescape_case(after_label(line, "html:")));
      have_input = false;
      ++cases;
    } else {
      FAIL() << "unknown line " << line;
    }
  }
  EXPECT_GE(cases, 30);
}

TEST(ArticleMarkup, HostileRepetitionsStayLinear) {
  for (const char* unit : {"`", "**", "*", "_", "[", "[a](", "](", "# ", "- "}) {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += unit;
    const auto html = render_article_markup(text);
    EXPECT_EQ(html.find("<script"), std::string::npos);
  }
}

TEST(ArticleMarkup, ExcerptIsPlainAndCutAtACharacter) {
  EXPECT_EQ(
      article_excerpt("# Título\n\n- item\n\n**Negrito** e [link](https://a.gov.br) & `<x>`.", 100),
      "Negrito e link & <x>.");
  EXPECT_EQ(article_excerpt("- só uma lista", 100), "só uma lista");
  EXPECT_EQ(article_excerpt("ação ação", 5), "açã…");
}

TEST(KnowledgeArticle, RulesAndSlug) {
  KnowledgeArticle a;
  a.title = "  ";
  a.body = "\n";
  try {
    tidy_and_check_article(a);
    FAIL() << "an empty article was taken";
  } catch (const DomainError& e) {
    ASSERT_EQ(e.fields().size(), 2u);
    EXPECT_EQ(e.fields()[0].field, "title");
    EXPECT_EQ(e.fields()[0].message, "O título é obrigatório.");
    EXPECT_EQ(e.fields()[1].message, "O texto é obrigatório.");
  }
  EXPECT_EQ(article_slug("Como redefinir a senha do e-mail institucional"),
            "como-redefinir-a-senha-do-e-mail-institucional");
  EXPECT_EQ(article_slug("  Impressão — ÇÃO!! "), "impressao-cao");
  EXPECT_EQ(article_slug("<>"), "artigo");
  EXPECT_EQ(parse_article_audience("internal"), ArticleAudience::staff);
  EXPECT_FALSE(parse_article_audience("secreto"));
}

}  // namespace
}  // namespace guiche
