// The knowledge base's public pages (issue 19, item 7), without sign-in:
// /conhecimento (the articles, searched without regard to accents) and
// /conhecimento/{slug} (one article, its files, "Isto resolveu?"), and the
// request form's suggestions (/conhecimento/sugestoes?assunto=, the fragment
// web/static/sugestoes_conhecimento.js fetches as the subject is typed).
// Internal articles and drafts reach staff only (app/knowledge/knowledge_base.hpp).
#include "app/attachments/attachment_policy.hpp"
#include "app/knowledge/knowledge_base.hpp"
#include "domain/knowledge/article_markup.hpp"
#include "web/knowledge/knowledge_view.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

app::Reader reader_of(const std::optional<Visitor>& v) {
  return v ? app::Reader(v->actor) : app::Reader();
}

http::Response knowledge_list(WebContext& ctx, const http::Request& r) {
  const auto v = current_visitor(ctx, r);
  const auto q = r.query_value("q").value_or("");
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : ctx.desk.knowledge().articles(reader_of(v), q)) {
    items.push_back(article_item(ctx, a));
  }
  nlohmann::json view = {{"q", q},
                         {"buscou", !q.empty()},
                         {"artigos", items},
                         {"total", items.size()},
                         {"nenhum", items.empty()},
                         {"um", items.size() == 1},
                         {"equipe", app::reads_internal_articles(reader_of(v))}};
  return page(ctx, v, 200, "conhecimento", "conhecimento.titulo", view);
}

// "filename.pdf" as an ASCII token for Content-Disposition.
std::string download_name(const std::string& name) {
  std::string out;
  for (unsigned char ch : name) {
    if (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '%' && ch != ';')
      out += ch;
    else
      out += '_';
  }
  return out.empty() ? "anexo" : out;
}

http::Response article_page(WebContext& ctx, const http::Request& r) {
  const auto v = current_visitor(ctx, r);
  const auto a = ctx.desk.knowledge().article_by_slug(reader_of(v), r.params.at("slug"));
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : a.files) {
    files.push_back({{"nome", f.filename},
                     {"url", article_path(a.article) + "/anexos/" + std::to_string(f.id)},
                     {"tamanho", app::attachment_size_label(f.size)}});
  }
  const auto answer = r.query_value("resposta").value_or("");
  nlohmann::json view = article_item(ctx, a.article);
  view.update(
      {{"corpo", render_article_markup(a.article.body)},
       {"servico", a.service_name},
       {"tem_servico", !a.service_code.empty()},
       {"url_carta", "/carta/servicos/" + url_encode(a.service_code)},
       {"url_solicitar", a.service_code.empty()
                             ? std::string("/servicos")
                             : "/servicos/" + url_encode(a.service_code) + "/solicitar"},
       {"autor", a.author_name},
       {"anexos", files},
       {"tem_anexos", !files.empty()},
       {"entrou", v.has_value()},
       {"pode_editar", a.may_edit},
       {"equipe", app::reads_internal_articles(reader_of(v))},
       {"url_editar", "/atendimento/conhecimento/" + std::to_string(a.article.id) + "/editar"},
       {"resolveu", answer == "resolveu"},
       {"perguntar", v.has_value() && answer.empty() &&
                         a.article.audience == ArticleAudience::everyone && a.article.published},
       {"acao_resolveu", article_path(a.article) + "/resolveu"}});
  return page(ctx, v, 200, "conhecimento_artigo", a.article.title, view);
}

http::Response article_file(WebContext& ctx, const http::Request& r) {
  const auto v = current_visitor(ctx, r);
  const auto reader = reader_of(v);
  // The file must be one of this article's: an id alone names nothing.
  const auto a = ctx.desk.knowledge().article_by_slug(reader, r.params.at("slug"));
  std::int64_t id = 0;
  try {
    id = std::stoll(r.params.at("id"));
  } catch (const std::exception&) {
    throw not_found("Arquivo não encontrado.");
  }
  auto content = ctx.desk.knowledge().file(reader, id);
  if (content.file.article_id != a.article.id) throw not_found("Arquivo não encontrado.");
  http::Response out;
  out.status = 200;
  out.content_type = content.file.content_type;
  out.body = std::move(content.bytes);
  out.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + download_name(content.file.filename) + "\"");
  out.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return out;
}

http::Response said_resolved(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  check_csrf(v, read_form(r));
  const auto a = ctx.desk.knowledge().article_by_slug(v.actor, r.params.at("slug"));
  ctx.desk.knowledge().record_avoided(v.actor, a.article.id);
  return see_other(article_path(a.article) + "?resposta=resolveu#resposta");
}

// "Isto resolve?": the fragment under the subject of the request form; an
// empty region (still there, for the next answer) when nothing matches.
http::Response suggestions(WebContext& ctx, const http::Request& r) {
  const auto v = current_visitor(ctx, r);
  const auto typed = r.query_value("assunto").value_or("");
  nlohmann::json items = nlohmann::json::array();
  if (typed.size() >= 3) {
    for (const auto& a : ctx.desk.knowledge().suggestions(typed)) {
      items.push_back(article_item(ctx, a));
    }
  }
  nlohmann::json view = {{"sugestoes", items},
                         {"tem_sugestoes", !items.empty()},
                         {"url_busca", "/conhecimento?q=" + url_encode(typed)}};
  return fragment(ctx, v, 200, "_conhecimento_sugestoes", view);
}

}  // namespace

void add_knowledge_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/conhecimento", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return knowledge_list(ctx, r); });
                    }});
  routes.push_back({"GET", "/conhecimento/sugestoes", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return suggestions(ctx, r); });
                    }});
  routes.push_back({"GET", "/conhecimento/:slug", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return article_page(ctx, r); });
                    }});
  routes.push_back({"POST", "/conhecimento/:slug/resolveu", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return said_resolved(ctx, r); });
                    }});
  routes.push_back({"GET", "/conhecimento/:slug/anexos/:id", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return article_file(ctx, r); });
                    }});
}

}  // namespace guiche::web
