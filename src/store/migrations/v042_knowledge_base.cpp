// Version 42: the knowledge base (issue 19, item 7; app/knowledge/).
//
// - knowledge_articles: the articles, by their slug (the page's address);
//   lists read them by audience and date, or by service, from an index.
// - knowledge_search: their full-text index, accent-insensitive like the
//   tickets' (v001's ticket_search): SQLite FTS5 with remove_diacritics,
//   PostgreSQL a tsvector of unaccent()ed text (weight A the title, B the
//   text) under a GIN index.
// - knowledge_article_tickets: which articles an agent linked to a ticket.
// - knowledge_attachments: files of an article, their bytes in the
//   attachments' store (store/attachment_blobs.hpp) by SHA-256.
// - knowledge_avoided: who said an article solved their problem instead of
//   registering a request ("Sim, resolveu meu problema"), once each; the
//   article's `avoided` counts them.
// Version 41 is another change's.
namespace guiche::store {

extern const char* const kMigrationV042KnowledgeBase = R"SQL(
CREATE TABLE knowledge_articles (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  audience TEXT NOT NULL,
  category TEXT NOT NULL,
  service_id BIGINT REFERENCES services(id),
  author_id BIGINT REFERENCES people(id),
  published INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  avoided BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX knowledge_articles_listed ON knowledge_articles (published, audience, updated_at);
CREATE INDEX knowledge_articles_updated ON knowledge_articles (updated_at);
CREATE INDEX knowledge_articles_service ON knowledge_articles (service_id, published, audience);

CREATE TABLE knowledge_article_tickets (
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  article_id BIGINT NOT NULL REFERENCES knowledge_articles(id),
  linked_by BIGINT REFERENCES people(id),
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (ticket_id, article_id)
);
CREATE INDEX knowledge_article_tickets_article ON knowledge_article_tickets (article_id);

CREATE TABLE knowledge_attachments (
  id {{id}},
  article_id BIGINT NOT NULL REFERENCES knowledge_articles(id),
  sha256 TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  uploaded_by BIGINT REFERENCES people(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX knowledge_attachments_article ON knowledge_attachments (article_id);
CREATE INDEX knowledge_attachments_sha256 ON knowledge_attachments (sha256);

CREATE TABLE knowledge_avoided (
  article_id BIGINT NOT NULL REFERENCES knowledge_articles(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  at BIGINT NOT NULL,
  PRIMARY KEY (article_id, person_id)
);
)SQL";

extern const char* const kMigrationV042KnowledgeSearchSqlite = R"SQL(
CREATE VIRTUAL TABLE knowledge_search USING fts5(
  title, body, tokenize = 'unicode61 remove_diacritics 2');
)SQL";

extern const char* const kMigrationV042KnowledgeSearchPostgres = R"SQL(
CREATE TABLE knowledge_search (
  article_id BIGINT PRIMARY KEY REFERENCES knowledge_articles(id),
  document TSVECTOR NOT NULL
);
CREATE INDEX knowledge_search_document ON knowledge_search USING GIN (document);
)SQL";

}  // namespace guiche::store
