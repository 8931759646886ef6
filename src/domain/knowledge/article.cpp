// See article.hpp.
#include "domain/knowledge/article.hpp"

#include <vector>

#include "domain/error.hpp"
#include "domain/text_fold.hpp"
#include "domain/utf8_sequence.hpp"

namespace guiche {
namespace {

std::string trimmed_article_text(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool whole_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace

std::string_view article_audience_code(ArticleAudience a) {
  return a == ArticleAudience::everyone ? "public" : "internal";
}

std::optional<ArticleAudience> parse_article_audience(std::string_view code) {
  if (code == "public") return ArticleAudience::everyone;
  if (code == "internal") return ArticleAudience::staff;
  return std::nullopt;
}

void tidy_and_check_article(KnowledgeArticle& a) {
  a.title = trimmed_article_text(a.title);
  a.category = trimmed_article_text(a.category);
  std::vector<FieldError> errors;
  if (a.title.empty()) {
    errors.push_back({"title", "O título é obrigatório."});
  } else if (a.title.size() > kMaxArticleTitle) {
    errors.push_back({"title", "O título é longo demais (até 200 caracteres)."});
  }
  if (trimmed_article_text(a.body).empty()) {
    errors.push_back({"body", "O texto é obrigatório."});
  } else if (a.body.size() > kMaxArticleBody) {
    errors.push_back({"body", "O texto é longo demais (até 50.000 caracteres)."});
  }
  if (a.category.size() > kMaxArticleCategory) {
    errors.push_back({"category", "A categoria é longa demais (até 80 caracteres)."});
  }
  for (const auto* text : {&a.title, &a.body, &a.category}) {
    if (!whole_utf8(*text)) {
      errors.push_back({"body", "O texto não é UTF-8 válido."});
      break;
    }
  }
  if (!errors.empty()) throw invalid(errors.front().message, errors);
}

std::string article_slug(std::string_view title) {
  const auto folded = fold_text(title);
  std::string out;
  bool gap = false;
  for (char ch : folded) {
    const bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (!word) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += '-';
    gap = false;
    if (out.size() >= 80) break;
    out += ch;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "artigo" : out;
}

}  // namespace guiche
