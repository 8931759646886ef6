// The public Carta de Serviços (Lei 13.460 art. 7; docs/domain.md, "Public
// face"), without sign-in: /carta (the unit, then its public services by
// owning unit, searchable as the portal's catalog is: domain/service_search.hpp)
// and /carta/servicos/{code} (every art. 7 field in order, the measured
// figures next to the promise, and how to request it). /carta also holds each
// service whole for print (app.css: one per page).
#include <map>

#include "app/charter/charter.hpp"
#include "app/knowledge/knowledge_base.hpp"
#include "domain/service_search.hpp"
#include "web/charter/charter_view.hpp"
#include "web/knowledge/knowledge_view.hpp"
#include "web/message_paragraphs.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

http::Response charter_page(WebContext& ctx, const http::Request& r) {
  const auto v = current_visitor(ctx, r);
  const auto q = r.query_value("q").value_or("");
  const auto all = ctx.desk.charter().services();
  std::vector<Service> plain;
  for (const auto& s : all) plain.push_back(s.service);
  std::vector<std::string> order;
  std::map<std::string, nlohmann::json> groups;
  std::size_t found = 0;
  for (const auto& hit : search_services(plain, q)) {
    const auto& s = all[hit.index];
    const auto unit = s.unit_name.empty() ? text(ctx, "carta.sem_unidade") : s.unit_name;
    if (!groups.contains(unit)) {
      order.push_back(unit);
      groups[unit] = nlohmann::json::array();
    }
    groups[unit].push_back({{"codigo", s.service.code},
                            {"nome", s.service.name},
                            {"descricao", s.service.description},
                            {"prazo", charter_deadline_text(s)},
                            {"exato", hit.exact},
                            {"url", charter_service_path(s.service)}});
    ++found;
  }
  nlohmann::json group_list = nlohmann::json::array();
  for (const auto& name : order) group_list.push_back({{"nome", name}, {"itens", groups[name]}});
  nlohmann::json printed = nlohmann::json::array();
  for (const auto& s : all) {
    printed.push_back({{"codigo", s.service.code},
                       {"nome", s.service.name},
                       {"unidade", s.unit_name},
                       {"tem_unidade", !s.unit_name.empty()},
                       {"campos", charter_fields_json(ctx, s)}});
  }
  nlohmann::json view = {{"cabecalho", charter_header_json(ctx)},
                         {"q", q},
                         {"buscou", !q.empty()},
                         {"grupos", group_list},
                         {"total", found},
                         {"nenhum", found == 0},
                         {"um", found == 1},
                         {"impressao", printed},
                         {"tem_pdf", ctx.desk.charter().pdf().available()}};
  return page(ctx, v, 200, "carta", "carta.titulo", view);
}

http::Response service_page(WebContext& ctx, const http::Request& r) {
  const auto v = current_visitor(ctx, r);
  const auto s = ctx.desk.charter().service(r.params.at("code"));
  const auto figures = ctx.desk.charter().figures(s.service.id);
  const auto bands = charter_bands_json(s);
  nlohmann::json view = {{"cabecalho", charter_header_json(ctx)},
                         {"codigo", s.service.code},
                         {"nome", s.service.name},
                         {"unidade", s.unit_name},
                         {"tem_unidade", !s.unit_name.empty()},
                         {"nomes_populares", popular_names_text(s.service)},
                         {"tem_nomes_populares", !s.service.popular_names.empty()},
                         {"campos", charter_fields_json(ctx, s)},
                         {"faixas", bands},
                         {"tem_faixas", !bands.empty()},
                         {"numeros", figures_view(ctx, figures)},
                         {"solicitar", "/servicos/" + url_encode(s.service.code) + "/solicitar"},
                         {"entrou", v.has_value()},
                         {"canais", message_paragraphs(s.service.access_channels)}};
  // The service's public articles (app/knowledge/knowledge_base.hpp).
  nlohmann::json articles = nlohmann::json::array();
  for (const auto& a : ctx.desk.knowledge().service_articles(s.service.id)) {
    articles.push_back(article_item(ctx, a));
  }
  view["artigos"] = articles;
  view["tem_artigos"] = !articles.empty();
  return page(ctx, v, 200, "carta_servico", s.service.name, view);
}

}  // namespace

void add_charter_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/carta", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return charter_page(ctx, r); });
                    }});
  routes.push_back({"GET", "/carta/servicos/:code", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return service_page(ctx, r); });
                    }});
}

}  // namespace guiche::web
