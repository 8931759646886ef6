#pragma once
// The knowledge base (issue 19, item 7): articles in a small markup
// (domain/knowledge/article_markup.hpp), public or internal, by category and
// service, searched without regard to accents, suggested to requesters as
// they type a request's subject, linked from tickets and inserted in replies.
//
// Who reads what: a published public article, anyone, signed in or not;
// internal articles and drafts, desk staff only (app/access_policy.hpp's
// is_staff: agents and admins); to anyone else they do not exist (404).
// Who writes: domain/knowledge/article_writers.hpp.
// "Requests avoided": a signed-in person who was shown an article and says
// "Sim, resolveu meu problema" is counted once for it — an explicit answer,
// never a guess from someone leaving the form.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/knowledge/article.hpp"
#include "store/knowledge_link_rows.hpp"

namespace guiche::app {

// What a writer sends; the service by its code ("" for a general article).
struct ArticleDraft {
  std::string title;
  std::string body;
  std::string audience = "public";  // "public" or "internal"
  std::string category;
  std::string service_code;
  bool published = true;
};

struct ArticleView {
  KnowledgeArticle article;
  std::string service_code;  // "" without a service
  std::string service_name;
  std::string author_name;
  std::vector<store::ArticleFile> files;
  bool may_edit = false;  // the reader may change it
};

// A reader: a signed-in person, or nobody (an anonymous visitor).
using Reader = std::optional<Actor>;

class KnowledgeBase {
 public:
  explicit KnowledgeBase(DeskContext& context) : ctx_(context) {}

  KnowledgeArticle create(const Actor& a, const ArticleDraft& d);
  KnowledgeArticle update(const Actor& a, std::int64_t id, const ArticleDraft& d);

  ArticleView article(const Reader& r, std::int64_t id);
  ArticleView article_by_slug(const Reader& r, const std::string& slug);

  // The articles `r` may read: those matching every word of `q`, best
  // first, or (without words) the newest; of one service when given.
  std::vector<KnowledgeArticle> articles(const Reader& r, const std::string& q,
                                         std::optional<std::int64_t> service_id = std::nullopt,
                                         int limit = 50);
  // "Isto resolve?": the published public articles closest to what a
  // requester is typing (any uncommon word; the last one as a prefix).
  std::vector<KnowledgeArticle> suggestions(const std::string& typed, int limit = 3);
  // The id of the service whose code is `code` (codes are public: the charter).
  std::optional<std::int64_t> service_id_of(const std::string& code);
  // The service's published public articles (its charter page).
  std::vector<KnowledgeArticle> service_articles(std::int64_t service_id, int limit = 20);

  // Which of `articles` `a` may change, in their order (the staff's list).
  std::vector<bool> editable(const Actor& a, const std::vector<KnowledgeArticle>& articles);

  // "Sim, resolveu meu problema": true when `a` was counted now (once each).
  bool record_avoided(const Actor& a, std::int64_t article_id);

  // Links of articles and tickets: agents who may work the ticket link and
  // unlink; staff who may see it read them. Idempotent.
  void link_ticket(const Actor& a, std::int64_t ticket_id, std::int64_t article_id);
  void unlink_ticket(const Actor& a, std::int64_t ticket_id, std::int64_t article_id);
  std::vector<KnowledgeArticle> ticket_articles(const Actor& a, std::int64_t ticket_id);

  // Files: the article's writers attach (the attachments' policy and store:
  // app/attachments/attachment_policy.hpp); its readers download.
  store::ArticleFile attach(const Actor& a, std::int64_t article_id, const std::string& filename,
                            const std::string& bytes);
  struct FileContent {
    store::ArticleFile file;
    std::string bytes;
  };
  FileContent file(const Reader& r, std::int64_t file_id);

 private:
  DeskContext& ctx_;
};

// Whether `r` reads internal articles and drafts.
bool reads_internal_articles(const Reader& r);

}  // namespace guiche::app
