#pragma once
// What hangs off a knowledge article (migration v042): the tickets an agent
// linked it to, its files, and the requesters it helped.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/knowledge/article.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

// False when the link was there already.
bool link_article_ticket(Connection& c, std::int64_t article_id, std::int64_t ticket_id,
                         std::optional<std::int64_t> by, Instant at);
void unlink_article_ticket(Connection& c, std::int64_t article_id, std::int64_t ticket_id);
// The articles linked to a ticket, in the order they were linked.
std::vector<KnowledgeArticle> ticket_articles(Connection& c, std::int64_t ticket_id);

// Counts `person_id` once for the article; false when they were counted already.
bool record_article_avoided(Connection& c, std::int64_t article_id, std::int64_t person_id,
                            Instant at);

struct ArticleFile {
  std::int64_t id = 0;
  std::int64_t article_id = 0;
  std::string sha256;
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::optional<std::int64_t> uploaded_by;
  Instant created_at{};
};

std::int64_t insert_article_file(Connection& c, const ArticleFile& f);
std::vector<ArticleFile> article_files(Connection& c, std::int64_t article_id);
std::optional<ArticleFile> load_article_file(Connection& c, std::int64_t id);

}  // namespace guiche::store
