// The knowledge base's API (app/knowledge/knowledge_base.hpp): articles
// (list and search without sign-in: public ones; staff see internal ones and
// drafts too), writing them (domain/knowledge/article_writers.hpp), "this
// solved my problem" (the requests avoided), and a ticket's articles.
#include "api/caller.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/knowledge/knowledge_base.hpp"
#include "domain/error.hpp"
#include "domain/knowledge/article_markup.hpp"

namespace guiche::api {
namespace {

// Signed in when the request carries credentials (which must then be
// good); an anonymous reader otherwise.
app::Reader knowledge_reader(ApiContext& ctx, const http::Request& r) {
  if (!r.header("authorization") && !r.cookie(kSessionCookie)) return std::nullopt;
  return require_caller(ctx, r);
}

nlohmann::json article_json(const KnowledgeArticle& a, bool with_body) {
  nlohmann::json out = {{"id", a.id},
                        {"slug", a.slug},
                        {"title", a.title},
                        {"audience", std::string(article_audience_code(a.audience))},
                        {"category", a.category},
                        {"service_id", a.service_id ? nlohmann::json(*a.service_id) : nullptr},
                        {"published", a.published},
                        {"created_at", format_utc(a.created_at)},
                        {"updated_at", format_utc(a.updated_at)},
                        {"requests_avoided", a.avoided},
                        {"url", "/conhecimento/" + a.slug}};
  if (with_body) {
    out["body"] = a.body;
    out["html"] = render_article_markup(a.body);
  } else {
    out["excerpt"] = article_excerpt(a.body, 180);
  }
  return out;
}

nlohmann::json view_json(const app::ArticleView& v) {
  auto out = article_json(v.article, true);
  out["service_code"] =
      v.service_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.service_code);
  out["author_name"] = v.author_name;
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : v.files) {
    files.push_back(
        {{"id", f.id},
         {"filename", f.filename},
         {"content_type", f.content_type},
         {"size", f.size},
         {"url", "/conhecimento/" + v.article.slug + "/anexos/" + std::to_string(f.id)}});
  }
  out["files"] = files;
  return out;
}

nlohmann::json list_json(const std::vector<KnowledgeArticle>& articles) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : articles) items.push_back(article_json(a, false));
  return {{"items", items}};
}

const std::vector<std::string> kDraftFields = {"title",    "body",         "audience",
                                               "category", "service_code", "published"};

app::ArticleDraft draft_json(const nlohmann::json& b) {
  reject_unknown_fields(b, kDraftFields);
  app::ArticleDraft d;
  d.title = optional_string(b, "title").value_or("");
  d.body = optional_string(b, "body").value_or("");
  d.audience = optional_string(b, "audience").value_or("public");
  d.category = optional_string(b, "category").value_or("");
  d.service_code = optional_string(b, "service_code").value_or("");
  d.published = optional_bool(b, "published").value_or(true);
  return d;
}

}  // namespace

void add_knowledge_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/api/v1/knowledge/articles", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        const auto reader = knowledge_reader(ctx, r);
                        std::optional<std::int64_t> service_id;
                        if (auto code = r.query_value("service_code")) {
                          // An unknown code finds nothing, as an unknown word does.
                          service_id = ctx.desk.knowledge().service_id_of(*code).value_or(-1);
                        }
                        return json_response(
                            200, list_json(ctx.desk.knowledge().articles(
                                     reader, r.query_value("q").value_or(""), service_id,
                                     query_limit(r.query_value("limit")))));
                      });
                    }});
  routes.push_back({"POST", "/api/v1/knowledge/articles", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        const auto actor = require_caller(ctx, r);
                        const auto d = draft_json(json_body(r, ctx.max_json_bytes));
                        const auto a = ctx.desk.knowledge().create(actor, d);
                        return json_response(201,
                                             view_json(ctx.desk.knowledge().article(actor, a.id)));
                      });
                    }});
  routes.push_back({"GET", "/api/v1/knowledge/articles/:id", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        const auto reader = knowledge_reader(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        return json_response(200,
                                             view_json(ctx.desk.knowledge().article(reader, id)));
                      });
                    }});
  routes.push_back({"PUT", "/api/v1/knowledge/articles/:id", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        const auto actor = require_caller(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        const auto d = draft_json(json_body(r, ctx.max_json_bytes));
                        ctx.desk.knowledge().update(actor, id, d);
                        return json_response(200,
                                             view_json(ctx.desk.knowledge().article(actor, id)));
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/knowledge/articles/:id/avoided", [&ctx](const http::Request& r) {
         return guarded([&] {
           const auto actor = require_caller(ctx, r);
           const auto id = path_id(r.params.at("id"));
           const bool counted = ctx.desk.knowledge().record_avoided(actor, id);
           const auto a = ctx.desk.knowledge().article(actor, id);
           return json_response(200,
                                {{"counted", counted}, {"requests_avoided", a.article.avoided}});
         });
       }});
  routes.push_back({"GET", "/api/v1/tickets/:id/articles", [&ctx](const http::Request& r) {
                      return guarded([&] {
                        const auto actor = require_caller(ctx, r);
                        const auto id = path_id(r.params.at("id"));
                        return json_response(
                            200, list_json(ctx.desk.knowledge().ticket_articles(actor, id)));
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/tickets/:id/articles", [&ctx](const http::Request& r) {
         return guarded([&] {
           const auto actor = require_caller(ctx, r);
           const auto id = path_id(r.params.at("id"));
           const auto body = json_body(r, ctx.max_json_bytes);
           reject_unknown_fields(body, {"article_id"});
           ctx.desk.knowledge().link_ticket(actor, id, required_integer(body, "article_id"));
           return json_response(200, list_json(ctx.desk.knowledge().ticket_articles(actor, id)));
         });
       }});
  routes.push_back(
      {"DELETE", "/api/v1/tickets/:id/articles/:article_id", [&ctx](const http::Request& r) {
         return guarded([&] {
           const auto actor = require_caller(ctx, r);
           ctx.desk.knowledge().unlink_ticket(actor, path_id(r.params.at("id")),
                                              path_id(r.params.at("article_id")));
           http::Response out;
           out.status = 204;
           return out;
         });
       }});
}

}  // namespace guiche::api
