// The administration's index (/admin): one link per section.
#include "app/desk.hpp"
#include "app/outbox/outbox_admin.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {

void add_admin_organizations(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_authorizations(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_people(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_personal_data(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_units(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_services(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_calendars(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_sla(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_webhooks(WebContext& ctx, std::vector<http::Route>& routes);  // admin_webhooks.cpp
void add_admin_components(WebContext& ctx, std::vector<http::Route>& routes);
void add_admin_charter(WebContext& ctx, std::vector<http::Route>& routes);  // admin_charter.cpp
void add_admin_ouvidoria(WebContext& ctx,
                         std::vector<http::Route>& routes);  // admin_ouvidoria.cpp
void add_admin_held_files(WebContext& ctx,
                          std::vector<http::Route>& routes);  // admin_held_files.cpp
void add_admin_outbox_in_doubt(WebContext& ctx,
                               std::vector<http::Route>& routes);  // admin_outbox_in_doubt.cpp
void add_admin_privacy(WebContext& ctx, std::vector<http::Route>& routes);  // admin_privacy.cpp
void add_admin_access_log(WebContext& ctx,
                          std::vector<http::Route>& routes);                // admin_access_log.cpp
void add_admin_sign_in(WebContext& ctx, std::vector<http::Route>& routes);  // admin_sign_in.cpp

namespace {

void add_admin_index(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& [path, key] : std::vector<std::pair<std::string, std::string>>{
             {"/admin/organizacoes", "organizacoes"},
             {"/admin/pessoas", "pessoas"},
             {"/admin/unidades", "unidades"},
             {"/admin/servicos", "servicos"},
             {"/admin/calendarios", "calendarios"},
             {"/admin/sla", "sla"},
             {"/admin/componentes", "componentes"},
             {"/admin/carta", "carta"},
             {"/admin/ouvidoria", "ouvidoria"},
             {"/admin/anexos-retidos", "retidos"},
             {"/admin/mensagens-em-duvida", "duvida"}}) {
      sections.push_back({{"url", path},
                          {"nome", text(ctx, "admin.indice." + key)},
                          {"sobre", text(ctx, "admin.indice." + key + "_sobre")}});
    }
    // LGPD: the personal-data access log and the privacy notice.
    for (const auto& [path, key] : std::vector<std::pair<std::string, std::string>>{
             {"/admin/acessos", "acessos"}, {"/admin/privacidade", "aviso"}}) {
      sections.push_back({{"url", path},
                          {"nome", text(ctx, "privacidade.indice." + key)},
                          {"sobre", text(ctx, "privacidade.indice." + key + "_sobre")}});
    }
    sections.push_back({{"url", "/admin/webhooks"},
                        {"nome", text(ctx, "webhooks.indice")},
                        {"sobre", text(ctx, "webhooks.indice_sobre")}});
    sections.push_back({{"url", "/admin/entrada"},
                        {"nome", text(ctx, "entrada.indice")},
                        {"sobre", text(ctx, "entrada.indice_sobre")}});
    // A channel that stopped (an expired WhatsApp token) shows first, until it works again.
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : ctx.desk.outbox().channel_problems(v.actor)) {
      problems.push_back({{"canal", p.channel}, {"motivo", p.reason}, {"desde", p.since_text}});
    }
    // So do messages a crash left in doubt: nobody hears of them otherwise.
    const auto in_doubt = ctx.desk.outbox().in_doubt(v.actor, 100).size();
    nlohmann::json doubts = nlohmann::json::array();
    if (in_doubt > 0)
      doubts.push_back({{"quantas", in_doubt >= 100 ? "100+" : std::to_string(in_doubt)}});
    return admin_page(ctx, v, r, 200, "admin", "admin.indice.titulo",
                      {{"secoes", sections}, {"canais_parados", problems}, {"em_duvida", doubts}});
  });
}

}  // namespace

void add_admin_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_index(ctx, routes);
  add_admin_organizations(ctx, routes);
  add_admin_authorizations(ctx, routes);
  add_admin_people(ctx, routes);
  add_admin_personal_data(ctx, routes);
  add_admin_units(ctx, routes);
  add_admin_services(ctx, routes);
  add_admin_calendars(ctx, routes);
  add_admin_sla(ctx, routes);
  add_admin_webhooks(ctx, routes);
  add_admin_components(ctx, routes);
  add_admin_charter(ctx, routes);
  add_admin_ouvidoria(ctx, routes);
  add_admin_held_files(ctx, routes);
  add_admin_outbox_in_doubt(ctx, routes);
  add_admin_privacy(ctx, routes);
  add_admin_access_log(ctx, routes);
  add_admin_sign_in(ctx, routes);
}

}  // namespace guiche::web
