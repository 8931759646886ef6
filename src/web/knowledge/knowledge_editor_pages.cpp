// The staff's side of the knowledge base (issue 19, item 7), in the
// workspace: /atendimento/conhecimento (every article, internal ones and
// drafts too), the editor (/novo, /{id}/editar, with a file to attach), and
// a ticket's articles (/atendimento/conhecimento/chamado/{protocol}: find
// one and link it; unlink). Who writes: domain/knowledge/article_writers.hpp.
#include "app/directory/directory.hpp"
#include "app/knowledge/knowledge_base.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/knowledge/article_writers.hpp"
#include "web/agent/agent_common.hpp"
#include "web/knowledge/knowledge_view.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

http::Response staff_list(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  const auto q = r.query_value("q").value_or("");
  nlohmann::json items = nlohmann::json::array();
  const auto articles = ctx.desk.knowledge().articles(v.actor, q, std::nullopt, 200);
  const auto editable = ctx.desk.knowledge().editable(v.actor, articles);
  for (std::size_t i = 0; i < articles.size(); ++i) {
    auto item = article_item(ctx, articles[i]);
    if (editable[i]) {
      item["url_editar"] =
          "/atendimento/conhecimento/" + std::to_string(articles[i].id) + "/editar";
    }
    items.push_back(item);
  }
  nlohmann::json view = {{"q", q},
                         {"artigos", items},
                         {"nenhum", items.empty()},
                         {"escreve", writes_articles(v.actor.person)}};
  return page(ctx, v, 200, "agente_conhecimento", "conhecimento.equipe.titulo", view);
}

nlohmann::json editor_view(WebContext& ctx, const Visitor& v, const app::ArticleDraft& d) {
  nlohmann::json services = nlohmann::json::array();
  services.push_back({{"codigo", ""},
                      {"nome", text(ctx, "conhecimento.editor.sem_servico")},
                      {"marcado", d.service_code.empty()}});
  for (const auto& s : ctx.desk.directory().services(v.actor)) {
    services.push_back({{"codigo", s.code},
                        {"nome", s.name + " (" + s.code + ")"},
                        {"marcado", s.code == d.service_code}});
  }
  return {{"titulo_artigo", d.title}, {"corpo", d.body},
          {"categoria", d.category},  {"publico", d.audience == "public"},
          {"publicado", d.published}, {"servicos", services}};
}

http::Response editor_page(WebContext& ctx, const Visitor& v, std::optional<std::int64_t> id,
                           const app::ArticleDraft& d,
                           const std::map<std::string, std::string>& errors, int status) {
  auto view = editor_view(ctx, v, d);
  nlohmann::json errs = nlohmann::json::object();
  nlohmann::json summary = nlohmann::json::array();
  for (const char* field : {"titulo", "corpo", "categoria", "servico", "anexo", "_geral"}) {
    if (auto it = errors.find(field); it != errors.end()) {
      errs[field] = it->second;
      summary.push_back({{"texto", it->second}, {"alvo", std::string("#") + field}});
    }
  }
  view["erros"] = errs;
  view["resumo_erros"] = summary;
  view["tem_erros"] = !errors.empty();
  view["acao"] = id ? "/atendimento/conhecimento/" + std::to_string(*id) + "/editar"
                    : std::string("/atendimento/conhecimento/novo");
  view["novo"] = !id.has_value();
  if (id) {
    const auto a = ctx.desk.knowledge().article(v.actor, *id);
    view["url_artigo"] = article_path(a.article);
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : a.files) files.push_back({{"nome", f.filename}});
    view["anexos"] = files;
    view["tem_anexos"] = !files.empty();
  }
  return page(ctx, v, status, "agente_conhecimento_editar",
              id ? "conhecimento.editor.editar" : "conhecimento.editor.novo", view);
}

app::ArticleDraft draft_from(const Form& form) {
  app::ArticleDraft d;
  d.title = form.value("titulo");
  d.body = form.value("corpo");
  d.category = form.value("categoria");
  d.service_code = form.value("servico");
  d.audience = form.value("publico") == "internal" ? "internal" : "public";
  d.published = form.value("publicado") == "sim";
  return d;
}

http::Response save_article(WebContext& ctx, const http::Request& r,
                            std::optional<std::int64_t> id) {
  const auto v = require_agent(ctx, r);
  const auto form = read_form(r);
  check_csrf(v, form);
  const auto d = draft_from(form);
  const std::map<std::string, std::string> rename = {
      {"title", "titulo"},         {"body", "corpo"},      {"category", "categoria"},
      {"service_code", "servico"}, {"audience", "_geral"}, {"file", "anexo"}};
  KnowledgeArticle saved;
  try {
    saved =
        id ? ctx.desk.knowledge().update(v.actor, *id, d) : ctx.desk.knowledge().create(v.actor, d);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return editor_page(ctx, v, id, d, field_errors(e, rename), 422);
  }
  for (const auto& part : form.files) {
    if (part.bytes.empty()) continue;
    try {
      ctx.desk.knowledge().attach(v.actor, saved.id, part.filename.value_or("anexo"), part.bytes);
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::validation) throw;
      return editor_page(ctx, v, saved.id, d, field_errors(e, rename), 422);
    }
  }
  return see_other(article_path(saved));
}

std::int64_t id_param(const http::Request& r, const char* name) {
  try {
    return std::stoll(r.params.at(name));
  } catch (const std::exception&) {
    throw not_found("Artigo não encontrado.");
  }
}

app::ArticleDraft draft_of(const app::ArticleView& a) {
  app::ArticleDraft d;
  d.title = a.article.title;
  d.body = a.article.body;
  d.category = a.article.category;
  d.service_code = a.service_code;
  d.audience = std::string(article_audience_code(a.article.audience));
  d.published = a.article.published;
  return d;
}

// A ticket's articles: those linked, and a search to link another.
http::Response ticket_articles_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_agent(ctx, r);
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
  const auto q = r.query_value("q").value_or("");
  nlohmann::json found = nlohmann::json::array();
  if (!q.empty()) {
    for (const auto& a : ctx.desk.knowledge().articles(v.actor, q, std::nullopt, 20)) {
      found.push_back(article_item(ctx, a));
    }
  }
  nlohmann::json view = {{"protocolo", t.protocol},
                         {"assunto", t.subject},
                         {"url_chamado", agent_ticket_url(t.protocol)},
                         {"url_chamado_vincular", "/atendimento/conhecimento/chamado/" +
                                                      url_encode(t.protocol) + "/vincular"},
                         {"q", q},
                         {"buscou", !q.empty()},
                         {"encontrados", found},
                         {"nenhum", found.empty()},
                         {"artigos", ticket_articles_view(ctx, v, t)}};
  return page(ctx, v, 200, "agente_conhecimento_vincular", "conhecimento.vincular.titulo", view);
}

http::Response change_ticket_link(WebContext& ctx, const http::Request& r, bool link) {
  const auto v = require_agent(ctx, r);
  const auto form = read_form(r);
  check_csrf(v, form);
  const auto t = ctx.desk.tickets().ticket_by_protocol(v.actor, r.params.at("protocol"));
  std::int64_t article_id = 0;
  try {
    article_id = std::stoll(form.value("artigo"));
  } catch (const std::exception&) {
    throw not_found("Artigo não encontrado.");
  }
  if (link) {
    ctx.desk.knowledge().link_ticket(v.actor, t.id, article_id);
  } else {
    ctx.desk.knowledge().unlink_ticket(v.actor, t.id, article_id);
  }
  return see_other(safe_return_path(form.value("voltar"), agent_ticket_url(t.protocol)) +
                   "#artigos");
}

}  // namespace

void add_knowledge_editor_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/atendimento/conhecimento", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return staff_list(ctx, r); });
                    }});
  routes.push_back({"GET", "/atendimento/conhecimento/novo", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_agent(ctx, r);
                        app::ArticleDraft d;
                        return editor_page(ctx, v, std::nullopt, d, {}, 200);
                      });
                    }});
  routes.push_back({"POST", "/atendimento/conhecimento/novo", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r,
                                          [&] { return save_article(ctx, r, std::nullopt); });
                    }});
  routes.push_back({"GET", "/atendimento/conhecimento/:id/editar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] {
                        const auto v = require_agent(ctx, r);
                        const auto id = id_param(r, "id");
                        const auto a = ctx.desk.knowledge().article(v.actor, id);
                        if (!a.may_edit) {
                          throw forbidden(text(ctx, "conhecimento.editor.nao_pode"));
                        }
                        return editor_page(ctx, v, id, draft_of(a), {}, 200);
                      });
                    }});
  routes.push_back({"POST", "/atendimento/conhecimento/:id/editar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r,
                                          [&] { return save_article(ctx, r, id_param(r, "id")); });
                    }});
  routes.push_back(
      {"GET", "/atendimento/conhecimento/chamado/:protocol", [&ctx](const http::Request& r) {
         return guarded_page(ctx, r, [&] { return ticket_articles_page(ctx, r); });
       }});
  routes.push_back({"POST", "/atendimento/conhecimento/chamado/:protocol/vincular",
                    [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return change_ticket_link(ctx, r, true); });
                    }});
  routes.push_back({"POST", "/atendimento/conhecimento/chamado/:protocol/desvincular",
                    [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r,
                                          [&] { return change_ticket_link(ctx, r, false); });
                    }});
}

}  // namespace guiche::web
