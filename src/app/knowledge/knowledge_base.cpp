// See knowledge_base.hpp.
#include "app/knowledge/knowledge_base.hpp"

#include <algorithm>
#include <map>

#include "app/access_policy.hpp"
#include "app/attachments/attachment_policy.hpp"
#include "domain/error.hpp"
#include "domain/knowledge/article_writers.hpp"
#include "store/knowledge_article_rows.hpp"
#include "store/person_rows.hpp"
#include "store/service_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

constexpr int kMostListed = 200;

bool reader_sees(const Reader& r, const KnowledgeArticle& a) {
  if (reads_internal_articles(r)) return true;
  return a.published && a.audience == ArticleAudience::everyone;
}

KnowledgeArticle readable_article(const Reader& r, std::optional<KnowledgeArticle> a) {
  if (!a || !reader_sees(r, *a)) throw not_found("Artigo não encontrado.");
  return *a;
}

// The draft as an article (service resolved), checked by the domain's rules.
KnowledgeArticle article_of(store::Connection& c, const ArticleDraft& d,
                            std::optional<Service>& service) {
  KnowledgeArticle a;
  a.title = d.title;
  a.body = d.body;
  a.category = d.category;
  a.published = d.published;
  std::vector<FieldError> errors;
  if (auto audience = parse_article_audience(d.audience)) {
    a.audience = *audience;
  } else {
    errors.push_back({"audience", "O público deve ser \"public\" ou \"internal\"."});
  }
  if (!d.service_code.empty()) {
    service = store::find_service_by_code(c, d.service_code);
    if (!service) errors.push_back({"service_code", "Serviço não encontrado."});
  }
  try {
    tidy_and_check_article(a);
  } catch (const DomainError& e) {
    auto all = e.fields();
    all.insert(all.end(), errors.begin(), errors.end());
    throw invalid(all.front().message, all);
  }
  if (!errors.empty()) throw invalid(errors.front().message, errors);
  if (service) a.service_id = service->id;
  return a;
}

void require_writer(store::Connection& c, DeskContext& ctx, const Actor& a,
                    const std::optional<Service>& service) {
  if (!may_write_article(a.person, service.has_value(),
                         service ? service->owning_unit_id : std::nullopt, *ctx.unit_tree(c))) {
    throw forbidden(service ? "Só a unidade responsável pelo serviço escreve os seus artigos."
                            : "Só gerentes e administradores escrevem artigos gerais.");
  }
}

std::string unique_slug(store::Connection& c, const std::string& title) {
  const auto base = article_slug(title);
  auto slug = base;
  for (int n = 2; store::article_slug_taken(c, slug); ++n) slug = base + "-" + std::to_string(n);
  return slug;
}

}  // namespace

bool reads_internal_articles(const Reader& r) {
  return r && r->person.active && is_staff(r->person);
}

KnowledgeArticle KnowledgeBase::create(const Actor& a, const ArticleDraft& d) {
  require_active(a);
  KnowledgeArticle out;
  ctx_.db.write([&](store::Connection& c) {
    std::optional<Service> service;
    out = article_of(c, d, service);
    require_writer(c, ctx_, a, service);
    out.slug = unique_slug(c, out.title);
    out.author_id = a.id();
    out.created_at = out.updated_at = ctx_.now();
    out.id = store::insert_article(c, out);
    store::index_article_text(c, out.id, out.title, out.body);
  });
  return out;
}

KnowledgeArticle KnowledgeBase::update(const Actor& a, std::int64_t id, const ArticleDraft& d) {
  require_active(a);
  KnowledgeArticle out;
  ctx_.db.write([&](store::Connection& c) {
    const auto before = readable_article(Reader(a), store::load_article(c, id));
    // The writer must hold the article as it was and as it will be.
    std::optional<Service> old_service;
    if (before.service_id) old_service = store::load_service(c, *before.service_id);
    require_writer(c, ctx_, a, old_service);
    std::optional<Service> service;
    out = article_of(c, d, service);
    require_writer(c, ctx_, a, service);
    out.id = before.id;
    out.slug = before.slug;
    out.author_id = before.author_id;
    out.created_at = before.created_at;
    out.avoided = before.avoided;
    out.updated_at = ctx_.now();
    store::update_article(c, out);
    store::index_article_text(c, out.id, out.title, out.body);
  });
  return out;
}

ArticleView KnowledgeBase::article(const Reader& r, std::int64_t id) {
  if (r) require_active(*r);
  ArticleView v;
  ctx_.db.read([&](store::Connection& c) {
    v.article = readable_article(r, store::load_article(c, id));
    std::optional<Service> service;
    if (v.article.service_id) service = store::load_service(c, *v.article.service_id);
    if (service) {
      v.service_code = service->code;
      v.service_name = service->name;
    }
    if (v.article.author_id) {
      if (auto p = store::load_person(c, *v.article.author_id)) v.author_name = p->name;
    }
    v.files = store::article_files(c, id);
    v.may_edit = r && may_write_article(r->person, service.has_value(),
                                        service ? service->owning_unit_id : std::nullopt,
                                        *ctx_.unit_tree(c));
  });
  return v;
}

ArticleView KnowledgeBase::article_by_slug(const Reader& r, const std::string& slug) {
  std::int64_t id = 0;
  ctx_.db.read([&](store::Connection& c) {
    id = readable_article(r, store::load_article_by_slug(c, slug)).id;
  });
  return article(r, id);
}

std::vector<KnowledgeArticle> KnowledgeBase::articles(const Reader& r, const std::string& q,
                                                      std::optional<std::int64_t> service_id,
                                                      int limit) {
  if (r) require_active(*r);
  store::ArticleFilter f;
  f.staff = reads_internal_articles(r);
  f.service_id = service_id;
  f.limit = std::clamp(limit, 1, kMostListed);
  std::vector<KnowledgeArticle> out;
  ctx_.db.read([&](store::Connection& c) {
    out = q.find_first_not_of(" \t\r\n") == std::string::npos ? store::list_articles(c, f)
                                                              : store::search_articles(c, q, f);
  });
  return out;
}

std::vector<KnowledgeArticle> KnowledgeBase::suggestions(const std::string& typed, int limit) {
  store::ArticleFilter f;
  f.limit = std::clamp(limit, 1, 10);
  std::vector<KnowledgeArticle> out;
  ctx_.db.read([&](store::Connection& c) { out = store::search_articles(c, typed, f, true); });
  return out;
}

std::optional<std::int64_t> KnowledgeBase::service_id_of(const std::string& code) {
  std::optional<std::int64_t> id;
  ctx_.db.read([&](store::Connection& c) {
    if (auto s = store::find_service_by_code(c, code)) id = s->id;
  });
  return id;
}

std::vector<KnowledgeArticle> KnowledgeBase::service_articles(std::int64_t service_id, int limit) {
  store::ArticleFilter f;
  f.service_id = service_id;
  f.limit = std::clamp(limit, 1, kMostListed);
  std::vector<KnowledgeArticle> out;
  ctx_.db.read([&](store::Connection& c) { out = store::list_articles(c, f); });
  return out;
}

std::vector<bool> KnowledgeBase::editable(const Actor& a,
                                          const std::vector<KnowledgeArticle>& articles) {
  std::vector<bool> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto& units = *ctx_.unit_tree(c);
    std::map<std::int64_t, std::optional<std::int64_t>> owners;  // service -> owning unit
    for (const auto& article : articles) {
      std::optional<std::int64_t> owner;
      if (article.service_id) {
        auto it = owners.find(*article.service_id);
        if (it == owners.end()) {
          const auto s = store::load_service(c, *article.service_id);
          it = owners.emplace(*article.service_id, s ? s->owning_unit_id : std::nullopt).first;
        }
        owner = it->second;
      }
      out.push_back(may_write_article(a.person, article.service_id.has_value(), owner, units));
    }
  });
  return out;
}

bool KnowledgeBase::record_avoided(const Actor& a, std::int64_t article_id) {
  require_active(a);
  bool counted = false;
  ctx_.db.write([&](store::Connection& c) {
    const auto article = readable_article(Reader(a), store::load_article(c, article_id));
    counted = store::record_article_avoided(c, article.id, a.id(), ctx_.now());
  });
  return counted;
}

namespace {

// The ticket `a` works (not_found when they may not see it, forbidden with
// `refusal` when they see it but do not work it).
void require_ticket_worker(DeskContext& ctx, store::Connection& c, const Actor& a,
                           std::int64_t ticket_id, const char* refusal) {
  auto ticket = store::load_ticket(c, ticket_id);
  const auto& units = *ctx.unit_tree(c);
  if (!ticket || !can_view_ticket(a.person, *ticket, units)) {
    throw not_found("Chamado não encontrado.");
  }
  if (!can_work_ticket(a.person, *ticket, units)) throw forbidden(refusal);
}

}  // namespace

void KnowledgeBase::link_ticket(const Actor& a, std::int64_t ticket_id, std::int64_t article_id) {
  require_active(a);
  ctx_.db.write([&](store::Connection& c) {
    require_ticket_worker(ctx_, c, a, ticket_id, "Só quem atende o chamado vincula artigos a ele.");
    const auto article = readable_article(Reader(a), store::load_article(c, article_id));
    store::link_article_ticket(c, article.id, ticket_id, a.id(), ctx_.now());
  });
}

void KnowledgeBase::unlink_ticket(const Actor& a, std::int64_t ticket_id, std::int64_t article_id) {
  require_active(a);
  ctx_.db.write([&](store::Connection& c) {
    require_ticket_worker(ctx_, c, a, ticket_id,
                          "Só quem atende o chamado desvincula artigos dele.");
    store::unlink_article_ticket(c, article_id, ticket_id);
  });
}

std::vector<KnowledgeArticle> KnowledgeBase::ticket_articles(const Actor& a,
                                                             std::int64_t ticket_id) {
  require_active(a);
  std::vector<KnowledgeArticle> out;
  ctx_.db.read([&](store::Connection& c) {
    auto ticket = store::load_ticket(c, ticket_id);
    if (!ticket || !can_view_ticket(a.person, *ticket, *ctx_.unit_tree(c))) {
      throw not_found("Chamado não encontrado.");
    }
    // The requester's side is not told which articles the desk linked:
    // some are internal, and the replies carry what the requester needs.
    if (!is_staff(a.person)) throw forbidden("Só a equipe vê os artigos vinculados.");
    out = store::ticket_articles(c, ticket_id);
  });
  return out;
}

store::ArticleFile KnowledgeBase::attach(const Actor& a, std::int64_t article_id,
                                         const std::string& filename, const std::string& bytes) {
  require_active(a);
  const auto name = safe_attachment_name(filename, "anexo");
  const auto sniffed = ctx_.blobs.sniff(bytes);
  const auto verdict =
      judge_attachment(ctx_.config, name, sniffed, static_cast<std::int64_t>(bytes.size()));
  if (!verdict.accepted) throw invalid_field("file", "Arquivo recusado: " + verdict.reason + ".");
  // Checked before the bytes are stored, and again in the write.
  ctx_.db.read([&](store::Connection& c) {
    const auto article = readable_article(Reader(a), store::load_article(c, article_id));
    std::optional<Service> service;
    if (article.service_id) service = store::load_service(c, *article.service_id);
    require_writer(c, ctx_, a, service);
  });
  const auto blob = ctx_.blobs.put(bytes);
  store::ArticleFile f;
  ctx_.db.write([&](store::Connection& c) {
    const auto article = readable_article(Reader(a), store::load_article(c, article_id));
    std::optional<Service> service;
    if (article.service_id) service = store::load_service(c, *article.service_id);
    require_writer(c, ctx_, a, service);
    f.article_id = article.id;
    f.sha256 = blob.sha256;
    f.filename = name;
    f.content_type = blob.content_type;
    f.size = blob.size;
    f.uploaded_by = a.id();
    f.created_at = ctx_.now();
    f.id = store::insert_article_file(c, f);
  });
  return f;
}

KnowledgeBase::FileContent KnowledgeBase::file(const Reader& r, std::int64_t file_id) {
  if (r) require_active(*r);
  FileContent out;
  ctx_.db.read([&](store::Connection& c) {
    auto f = store::load_article_file(c, file_id);
    if (!f) throw not_found("Arquivo não encontrado.");
    readable_article(r, store::load_article(c, f->article_id));
    out.file = *f;
  });
  auto bytes = ctx_.blobs.read(out.file.sha256);
  if (!bytes) throw not_found("Arquivo não encontrado.");
  out.bytes = std::move(*bytes);
  return out;
}

}  // namespace guiche::app
