// See knowledge_view.hpp.
#include "web/knowledge/knowledge_view.hpp"

#include "app/knowledge/knowledge_base.hpp"
#include "domain/knowledge/article_markup.hpp"

namespace guiche::web {

std::string article_path(const KnowledgeArticle& a) {
  return "/conhecimento/" + url_encode(a.slug);
}

nlohmann::json article_item(WebContext& ctx, const KnowledgeArticle& a) {
  return {{"id", a.id},
          {"titulo", a.title},
          {"url", article_path(a)},
          {"resumo", article_excerpt(a.body, 180)},
          {"categoria", a.category},
          {"tem_categoria", !a.category.empty()},
          {"interno", a.audience == ArticleAudience::staff},
          {"rascunho", !a.published},
          {"evitados", a.avoided},
          {"atualizado", format_local(ctx, a.updated_at)}};
}

nlohmann::json ticket_articles_view(WebContext& ctx, const Visitor& v, const Ticket& t) {
  nlohmann::json linked = nlohmann::json::array();
  for (const auto& a : ctx.desk.knowledge().ticket_articles(v.actor, t.id)) {
    auto item = article_item(ctx, a);
    // What "Inserir na resposta" puts in the reply: the title and the
    // address, which the requester opens without signing in — so public,
    // published articles only. The address is absolute: the configured one
    // (serve --public-url), else the page's own (web/static/conhecimento_inserir.js).
    item["inserivel"] = a.audience == ArticleAudience::everyone && a.published;
    item["endereco"] = ctx.public_url + article_path(a);
    linked.push_back(item);
  }
  return {{"vinculados", linked},
          {"tem_vinculados", !linked.empty()},
          {"buscar", "/atendimento/conhecimento/chamado/" + url_encode(t.protocol)}};
}

}  // namespace guiche::web
