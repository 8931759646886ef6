#include "store/knowledge_link_rows.hpp"

#include "store/knowledge_article_rows.hpp"

namespace guiche::store {
namespace {

ArticleFile article_file_from(const Row& r) {
  ArticleFile f;
  f.id = r.integer(0);
  f.article_id = r.integer(1);
  f.sha256 = r.text(2);
  f.filename = r.text(3);
  f.content_type = r.text(4);
  f.size = r.integer(5);
  f.uploaded_by = r.optional_integer(6);
  f.created_at = from_millis(r.integer(7));
  return f;
}

const char* const kFileColumns =
    "id, article_id, sha256, filename, content_type, size_bytes, uploaded_by, created_at";

}  // namespace

bool link_article_ticket(Connection& c, std::int64_t article_id, std::int64_t ticket_id,
                         std::optional<std::int64_t> by, Instant at) {
  if (c.query_one("SELECT 1 FROM knowledge_article_tickets WHERE ticket_id = ? AND article_id = ?",
                  {ticket_id, article_id})) {
    return false;
  }
  c.query(
      "INSERT INTO knowledge_article_tickets (ticket_id, article_id, linked_by, linked_at) "
      "VALUES (?, ?, ?, ?)",
      {ticket_id, article_id, optional_value(by), to_millis(at)});
  return true;
}

void unlink_article_ticket(Connection& c, std::int64_t article_id, std::int64_t ticket_id) {
  c.query("DELETE FROM knowledge_article_tickets WHERE ticket_id = ? AND article_id = ?",
          {ticket_id, article_id});
}

std::vector<KnowledgeArticle> ticket_articles(Connection& c, std::int64_t ticket_id) {
  std::vector<KnowledgeArticle> out;
  for (const auto& r :
       c.query("SELECT article_id FROM knowledge_article_tickets WHERE ticket_id = ? "
               "ORDER BY linked_at, article_id",
               {ticket_id})) {
    if (auto a = load_article(c, r.integer(0))) out.push_back(std::move(*a));
  }
  return out;
}

bool record_article_avoided(Connection& c, std::int64_t article_id, std::int64_t person_id,
                            Instant at) {
  if (c.query_one("SELECT 1 FROM knowledge_avoided WHERE article_id = ? AND person_id = ?",
                  {article_id, person_id})) {
    return false;
  }
  c.query("INSERT INTO knowledge_avoided (article_id, person_id, at) VALUES (?, ?, ?)",
          {article_id, person_id, to_millis(at)});
  c.query("UPDATE knowledge_articles SET avoided = avoided + 1 WHERE id = ?", {article_id});
  return true;
}

std::int64_t insert_article_file(Connection& c, const ArticleFile& f) {
  return c
      .query_one(
          "INSERT INTO knowledge_attachments (article_id, sha256, filename, content_type, "
          "size_bytes, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {f.article_id, f.sha256, f.filename, f.content_type, f.size,
           optional_value(f.uploaded_by), to_millis(f.created_at)})
      ->integer(0);
}

std::vector<ArticleFile> article_files(Connection& c, std::int64_t article_id) {
  std::vector<ArticleFile> out;
  for (const auto& r : c.query(std::string("SELECT ") + kFileColumns +
                                   " FROM knowledge_attachments WHERE article_id = ? ORDER BY id",
                               {article_id})) {
    out.push_back(article_file_from(r));
  }
  return out;
}

std::optional<ArticleFile> load_article_file(Connection& c, std::int64_t id) {
  auto r = c.query_one(
      std::string("SELECT ") + kFileColumns + " FROM knowledge_attachments WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return article_file_from(*r);
}

}  // namespace guiche::store
