// The files the desk's attachment policy held, across tickets
// (/admin/anexos-retidos): each with its ticket, type, size and the reason,
// a download to inspect it and the release that makes it a normal attachment
// (app/attachments/attachments.hpp decides who may: admins).
#include "app/attachments/attachments.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"
#include "web/record_id.hpp"
#include "web/request_view.hpp"

namespace guiche::web {
namespace {

http::Response held_files_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& held : ctx.desk.attachments().held_files(v.actor)) {
    const auto& a = held.record;
    items.push_back({{"id", std::to_string(a.id)},
                     {"nome", a.filename},
                     {"tipo", a.content_type},
                     {"tamanho", size_text(a.size_bytes)},
                     {"motivo", a.held_reason},
                     {"protocolo", held.protocol},
                     {"enviado_em", local_when(ctx, a.created_at)},
                     {"url", "/api/v1/attachments/" + std::to_string(a.id)},
                     {"liberar", "/admin/anexos-retidos/" + std::to_string(a.id) + "/liberar"}});
  }
  return admin_page(ctx, v, r, 200, "admin_anexos_retidos", "admin.retidos.titulo",
                    {{"itens", items},
                     {"vazio", items.empty()},
                     {"liberado", r.query_value("liberado").has_value()}});
}

}  // namespace

void add_admin_held_files(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/anexos-retidos",
                  [&ctx](const http::Request& r) { return held_files_page(ctx, r); });
  add_admin_route(ctx, routes, "POST", "/admin/anexos-retidos/:id/liberar",
                  [&ctx](const http::Request& r) {
                    const auto v = require_admin(ctx, r);
                    const Form form = read_form(r);
                    check_csrf(v, form);
                    const auto id = record_id(r.params.at("id"));
                    if (!id) throw not_found("Anexo não encontrado.");
                    ctx.desk.attachments().release(v.actor, *id);
                    return see_other("/admin/anexos-retidos?liberado=1");
                  });
}

}  // namespace guiche::web
