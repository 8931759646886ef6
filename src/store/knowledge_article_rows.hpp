#pragma once
// The knowledge base's articles and their full-text index (migration v042).
// Searches fold accents as the tickets' search does (v001's ticket_search:
// SQLite FTS5 with remove_diacritics, PostgreSQL unaccent), read the matches
// from the index and rank them, so their cost follows the matches, never
// the number of articles.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/knowledge/article.hpp"
#include "store/database.hpp"

namespace guiche::store {

// Which articles a reader may be given.
struct ArticleFilter {
  // Internal articles and drafts too (desk staff); otherwise only the
  // published public ones.
  bool staff = false;
  std::optional<std::int64_t> service_id;
  int limit = 50;
};

std::int64_t insert_article(Connection& c, const KnowledgeArticle& a);
// Title, body, audience, category, service, published and updated_at.
void update_article(Connection& c, const KnowledgeArticle& a);
std::optional<KnowledgeArticle> load_article(Connection& c, std::int64_t id);
std::optional<KnowledgeArticle> load_article_by_slug(Connection& c, const std::string& slug);
bool article_slug_taken(Connection& c, const std::string& slug);

// Newest first (by last change).
std::vector<KnowledgeArticle> list_articles(Connection& c, const ArticleFilter& f);

// Articles whose title or text hold every word of `text` (`any_word`: at
// least one, the last word also as the start of a longer one — what a
// requester is still typing), accent- and case-insensitive, best first
// (the title weighs more). Empty when `text` has no word.
std::vector<KnowledgeArticle> search_articles(Connection& c, const std::string& text,
                                              const ArticleFilter& f, bool any_word = false);

// The statement search_articles runs, and its parameters (empty when `text`
// has no word): tests read its plan.
struct ArticleQuery {
  std::string sql;
  std::vector<Value> params;
};
ArticleQuery article_search_query(Dialect dialect, const std::string& text, const ArticleFilter& f,
                                  bool any_word = false);

// Sets the article's entry in the full-text index.
void index_article_text(Connection& c, std::int64_t article_id, const std::string& title,
                        const std::string& body);

}  // namespace guiche::store
