#pragma once
// A knowledge-base article (issue 19, item 7; docs/domain.md, "Knowledge
// base"): a text in the markup of domain/knowledge/article_markup.hpp, public
// (read by anyone, without signing in, and suggested to requesters) or
// internal (desk staff only), by category and, optionally, by service.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace guiche {

enum class ArticleAudience { everyone, staff };

// "public" / "internal", as stored and as the API says them.
std::string_view article_audience_code(ArticleAudience a);
std::optional<ArticleAudience> parse_article_audience(std::string_view code);

inline constexpr std::size_t kMaxArticleTitle = 200;
inline constexpr std::size_t kMaxArticleBody = 50000;
inline constexpr std::size_t kMaxArticleCategory = 80;

struct KnowledgeArticle {
  std::int64_t id = 0;
  // The article's address (/conhecimento/{slug}): from the title when first
  // saved, and kept afterwards so that links given out stay good.
  std::string slug;
  std::string title;
  std::string body;  // markup (article_markup.hpp)
  ArticleAudience audience = ArticleAudience::everyone;
  std::string category;  // free text, e.g. "E-mail", "Acesso"
  std::optional<std::int64_t> service_id;
  std::optional<std::int64_t> author_id;
  bool published = false;
  Instant created_at{};
  Instant updated_at{};
  // Requesters who said "Sim, resolveu meu problema" when shown it, each once.
  std::int64_t avoided = 0;
};

// The title and category trimmed; throws DomainError (validation) with one
// field error per broken rule, in the form's order (title, body, category).
void tidy_and_check_article(KnowledgeArticle& a);

// The slug of a title: folded (domain/text_fold.hpp), letters and digits
// joined by "-", at most 80 characters; "artigo" when nothing is left.
std::string article_slug(std::string_view title);

}  // namespace guiche
