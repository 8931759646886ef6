#include "store/knowledge_article_rows.hpp"

#include <set>
#include <sstream>

#include "domain/text_fold.hpp"

namespace guiche::store {
namespace {

const char* const kArticleColumns =
    "a.id, a.slug, a.title, a.body, a.audience, a.category, a.service_id, a.author_id, "
    "a.published, a.created_at, a.updated_at, a.avoided";

KnowledgeArticle article_from(const Row& r) {
  KnowledgeArticle a;
  a.id = r.integer(0);
  a.slug = r.text(1);
  a.title = r.text(2);
  a.body = r.text(3);
  a.audience = parse_article_audience(r.text(4)).value_or(ArticleAudience::staff);
  a.category = r.text(5);
  a.service_id = r.optional_integer(6);
  a.author_id = r.optional_integer(7);
  a.published = r.integer(8) != 0;
  a.created_at = from_millis(r.integer(9));
  a.updated_at = from_millis(r.integer(10));
  a.avoided = r.integer(11);
  return a;
}

// " AND ..." for what the reader may be given.
std::string visible_clause(const ArticleFilter& f, std::vector<Value>& params) {
  std::string sql;
  if (!f.staff) sql += " AND a.published = 1 AND a.audience = 'public'";
  if (f.service_id) {
    sql += " AND a.service_id = ?";
    params.push_back(*f.service_id);
  }
  return sql;
}

// Words too common to tell articles apart, left out of "any word" searches.
bool common_word(const std::string& w) {
  static const std::set<std::string> words = {
      "a",   "o",   "as",  "os",  "de",  "da",  "do",   "das",  "dos",  "e",   "em",
      "no",  "na",  "nos", "nas", "um",  "uma", "para", "por",  "com",  "meu", "minha",
      "que", "nao", "se",  "ao",  "the", "my",  "is",   "como", "esta", "sem", "mais",
      "eu",  "me",  "ja",  "foi", "ser", "ter", "pra",  "pelo", "pela"};
  return words.count(w) > 0;
}

// The words of `text`, folded; each a list of pieces ("e-mail": "e", "mail"),
// which the index holds as consecutive tokens.
std::vector<std::vector<std::string>> words_of(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(fold_text(text));
  for (std::string word; in >> word;) {
    std::vector<std::string> pieces;
    std::string piece;
    for (char ch : word) {
      const auto c = static_cast<unsigned char>(ch);
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || c >= 0x80) {
        piece += ch;
      } else if (!piece.empty()) {
        pieces.push_back(piece);
        piece.clear();
      }
    }
    if (!piece.empty()) pieces.push_back(piece);
    if (!pieces.empty()) out.push_back(pieces);
  }
  return out;
}

std::string joined(const std::vector<std::string>& pieces, const char* between) {
  std::string out;
  for (const auto& p : pieces) out += (out.empty() ? "" : between) + p;
  return out;
}

// The index's query language, from words only (what people type is never
// syntax): FTS5 `"e mail" "senha"` / `"e mail" OR "sen"*`, PostgreSQL
// `(e <-> mail) & senha` / `(e <-> mail) | sen:*`.
std::string index_query(Dialect dialect, const std::string& text, bool any_word) {
  auto words = words_of(text);
  if (any_word) {
    // Any word would find nearly every article by "de" or "a".
    std::erase_if(words, [](const std::vector<std::string>& w) {
      return w.size() == 1 && common_word(w[0]);
    });
  }
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool prefix = any_word && i + 1 == words.size() && words[i].back().size() >= 3;
    std::string term;
    if (dialect == Dialect::sqlite) {
      term = "\"" + joined(words[i], " ") + "\"" + (prefix ? "*" : "");
      out += (out.empty() ? "" : (any_word ? " OR " : " ")) + term;
    } else {
      term = "(" + joined(words[i], " <-> ") + (prefix ? ":*" : "") + ")";
      out += (out.empty() ? "" : (any_word ? " | " : " & ")) + term;
    }
  }
  return out;
}

}  // namespace

std::int64_t insert_article(Connection& c, const KnowledgeArticle& a) {
  return c
      .query_one(
          "INSERT INTO knowledge_articles (slug, title, body, audience, category, service_id, "
          "author_id, published, created_at, updated_at, avoided) VALUES "
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id",
          {a.slug, a.title, a.body, std::string(article_audience_code(a.audience)), a.category,
           optional_value(a.service_id), optional_value(a.author_id),
           std::int64_t{a.published ? 1 : 0}, to_millis(a.created_at), to_millis(a.updated_at)})
      ->integer(0);
}

void update_article(Connection& c, const KnowledgeArticle& a) {
  c.query(
      "UPDATE knowledge_articles SET title = ?, body = ?, audience = ?, category = ?, "
      "service_id = ?, published = ?, updated_at = ? WHERE id = ?",
      {a.title, a.body, std::string(article_audience_code(a.audience)), a.category,
       optional_value(a.service_id), std::int64_t{a.published ? 1 : 0}, to_millis(a.updated_at),
       a.id});
}

std::optional<KnowledgeArticle> load_article(Connection& c, std::int64_t id) {
  auto r = c.query_one(
      std::string("SELECT ") + kArticleColumns + " FROM knowledge_articles a WHERE a.id = ?", {id});
  if (!r) return std::nullopt;
  return article_from(*r);
}

std::optional<KnowledgeArticle> load_article_by_slug(Connection& c, const std::string& slug) {
  auto r = c.query_one(
      std::string("SELECT ") + kArticleColumns + " FROM knowledge_articles a WHERE a.slug = ?",
      {slug});
  if (!r) return std::nullopt;
  return article_from(*r);
}

bool article_slug_taken(Connection& c, const std::string& slug) {
  return c.query_one("SELECT 1 FROM knowledge_articles WHERE slug = ?", {slug}).has_value();
}

std::vector<KnowledgeArticle> list_articles(Connection& c, const ArticleFilter& f) {
  std::vector<Value> params;
  std::string sql =
      std::string("SELECT ") + kArticleColumns + " FROM knowledge_articles a WHERE 1 = 1";
  sql += visible_clause(f, params);
  sql += " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?";
  params.push_back(std::int64_t{f.limit});
  std::vector<KnowledgeArticle> out;
  for (const auto& r : c.query(sql, params)) out.push_back(article_from(r));
  return out;
}

ArticleQuery article_search_query(Dialect dialect, const std::string& text, const ArticleFilter& f,
                                  bool any_word) {
  const auto query = index_query(dialect, text, any_word);
  if (query.empty()) return {};
  std::vector<Value> params{query};
  std::string sql;
  if (dialect == Dialect::sqlite) {
    sql = std::string("SELECT ") + kArticleColumns +
          " FROM knowledge_search s JOIN knowledge_articles a ON a.id = s.rowid "
          "WHERE knowledge_search MATCH ?";
    sql += visible_clause(f, params);
    sql += " ORDER BY bm25(knowledge_search, 10.0, 1.0), a.id LIMIT ?";
  } else {
    sql = std::string("SELECT ") + kArticleColumns +
          " FROM knowledge_search s JOIN knowledge_articles a ON a.id = s.article_id "
          "WHERE s.document @@ to_tsquery('simple', unaccent(?))";
    sql += visible_clause(f, params);
    sql += " ORDER BY ts_rank(s.document, to_tsquery('simple', unaccent(?))) DESC, a.id LIMIT ?";
    params.push_back(query);
  }
  params.push_back(std::int64_t{f.limit});
  return {sql, params};
}

std::vector<KnowledgeArticle> search_articles(Connection& c, const std::string& text,
                                              const ArticleFilter& f, bool any_word) {
  const auto q = article_search_query(c.dialect(), text, f, any_word);
  if (q.sql.empty()) return {};
  std::vector<KnowledgeArticle> out;
  for (const auto& r : c.query(q.sql, q.params)) out.push_back(article_from(r));
  return out;
}

void index_article_text(Connection& c, std::int64_t article_id, const std::string& title,
                        const std::string& body) {
  if (c.dialect() == Dialect::sqlite) {
    c.query("DELETE FROM knowledge_search WHERE rowid = ?", {article_id});
    c.query("INSERT INTO knowledge_search(rowid, title, body) VALUES (?, ?, ?)",
            {article_id, title, body});
    return;
  }
  c.query(
      "INSERT INTO knowledge_search (article_id, document) VALUES (?, "
      "setweight(to_tsvector('simple', unaccent(?)), 'A') || "
      "setweight(to_tsvector('simple', unaccent(?)), 'B')) "
      "ON CONFLICT (article_id) DO UPDATE SET document = excluded.document",
      {article_id, title, body});
}

}  // namespace guiche::store
