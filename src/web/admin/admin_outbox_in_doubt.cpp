// The messages a crash left in doubt (/admin/mensagens-em-duvida): each with
// its channel, recipient and subject, and the admin's two ways out: resend it
// or confirm that it arrived (store/outbox_rows.hpp, kInDoubtNote).
#include "app/desk.hpp"
#include "app/outbox/outbox_admin.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"
#include "web/record_id.hpp"
#include "web/request_view.hpp"

namespace guiche::web {
namespace {

constexpr int kInDoubtShown = 200;

http::Response in_doubt_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : ctx.desk.outbox().in_doubt(v.actor, kInDoubtShown)) {
    const std::string base = "/admin/mensagens-em-duvida/" + std::to_string(m.id);
    items.push_back({{"id", std::to_string(m.id)},
                     {"canal", m.channel},
                     {"destinatario", m.recipient_address},
                     {"assunto", m.subject},
                     {"criada", local_when(ctx, m.created_at)},
                     {"reenviar", base + "/reenviar"},
                     {"confirmar", base + "/confirmar"}});
  }
  return admin_page(ctx, v, r, 200, "admin_mensagens_em_duvida", "admin.duvida.titulo",
                    {{"itens", items},
                     {"vazio", items.empty()},
                     {"reenviada", r.query_value("reenviada").has_value()},
                     {"confirmada", r.query_value("confirmada").has_value()}});
}

// One of the two actions on message `:id`, then back to the list.
void add_in_doubt_action(WebContext& ctx, std::vector<http::Route>& routes, const char* path,
                         bool resend) {
  add_admin_route(ctx, routes, "POST", path, [&ctx, resend](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    const Form form = read_form(r);
    check_csrf(v, form);
    const auto id = record_id(r.params.at("id"));
    if (!id) throw not_found("Mensagem não encontrada.");
    if (resend) {
      ctx.desk.outbox().retry_outbox(v.actor, *id);
      return see_other("/admin/mensagens-em-duvida?reenviada=1");
    }
    ctx.desk.outbox().confirm_delivered(v.actor, *id);
    return see_other("/admin/mensagens-em-duvida?confirmada=1");
  });
}

}  // namespace

void add_admin_outbox_in_doubt(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/mensagens-em-duvida",
                  [&ctx](const http::Request& r) { return in_doubt_page(ctx, r); });
  add_in_doubt_action(ctx, routes, "/admin/mensagens-em-duvida/:id/reenviar", true);
  add_in_doubt_action(ctx, routes, "/admin/mensagens-em-duvida/:id/confirmar", false);
}

}  // namespace guiche::web
