// Outbound webhooks (/admin/webhooks): the list, registering one (the secret
// is typed once and never shown again), and a subscription's page with its
// delivery log, retry buttons, turning it on or off and removing it. The use
// cases are app/webhooks/webhooks.hpp; they check the caller again.
#include "app/webhooks/webhook_events.hpp"
#include "app/webhooks/webhooks.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

const std::map<std::string, std::string> kWebhookFields = {
    {"description", "descricao"},
    {"url", "url"},
    {"secret", "segredo"},
    // The events' error goes next to the first box (and the summary links there).
    {"events", "evento-ticket_created"}};

std::string link_of(std::int64_t id) {
  return "/admin/webhooks/" + std::to_string(id);
}

// The event kinds as the admin reads them ("Chamado registrado, Resolvido").
std::string event_labels(WebContext& ctx, const std::vector<std::string>& kinds) {
  std::string out;
  for (const auto& kind : kinds) {
    if (!out.empty()) out += ", ";
    out += text(ctx, "webhooks.ev_" + kind);
  }
  return out;
}

http::Response new_page(WebContext& ctx, const Visitor& v, const http::Request& r, const Form& sent,
                        const Errors& e, int status) {
  const auto t = [&](const std::string& key) { return text(ctx, "webhooks." + key); };
  nlohmann::json fields = nlohmann::json::array(
      {with_hint(text_input("descricao", t("descricao"), sent.value("descricao"), e),
                 t("descricao_dica")),
       with_hint(text_input("url", t("url"), sent.value("url"), e, "url", true), t("url_dica")),
       // Never echoed back: a refused form asks for the secret again.
       with_hint(text_input("segredo", t("segredo"), "", e, "password", true), t("segredo_dica"))});
  nlohmann::json events = nlohmann::json::array();
  for (const auto& kind : app::webhook_event_kinds()) {
    events.push_back(
        check_input("evento-" + kind, t("ev_" + kind), checked(sent, "evento-" + kind), e));
  }
  const bool first_visit = sent.fields.empty();
  return admin_page(
      ctx, v, r, status, "admin_webhook_novo", "webhooks.novo",
      {{"campos", fields},
       {"eventos", events},
       {"ativo", check_input("ativo", t("ativo"), first_visit || checked(sent, "ativo"), e)},
       {"erros", error_summary(e)}});
}

http::Response create_webhook(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  app::NewWebhook w;
  w.description = form.value("descricao");
  w.url = form.value("url");
  w.secret = form.value("segredo");
  for (const auto& kind : app::webhook_event_kinds()) {
    if (checked(form, "evento-" + kind)) w.events.push_back(kind);
  }
  w.active = checked(form, "ativo");
  try {
    const auto made = ctx.desk.webhooks().create(v.actor, w);
    return see_other(link_of(made.id) + "?salvo=1");
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return new_page(ctx, v, r, form, field_errors(e, kWebhookFields), 422);
  }
}

http::Response subscription_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const auto id = number_param(r, "id");
  auto& hooks = ctx.desk.webhooks();
  const auto w = hooks.get(v.actor, id);
  nlohmann::json deliveries = nlohmann::json::array();
  for (const auto& m : hooks.deliveries(v.actor, id, std::nullopt, 100)) {
    deliveries.push_back(
        {{"id", m.id},
         {"evento", m.template_key},
         {"chamado", m.ticket_id ? std::to_string(*m.ticket_id) : std::string("—")},
         {"situacao", text(ctx, "webhooks.status_" + m.status)},
         {"tentativas", m.attempts},
         {"resposta", m.response_code ? std::to_string(*m.response_code) : std::string("—")},
         {"erro", m.last_error.value_or("")},
         {"criada", format_local(ctx, m.created_at)},
         {"reenviavel", m.status == "failed" || m.status == "pending"},
         {"link_reenviar", link_of(id) + "/entregas/" + std::to_string(m.id) + "/reenviar"}});
  }
  const std::string title = w.description.empty() ? w.url : w.description;
  return admin_page(ctx, v, r, 200, "admin_webhook", title,
                    {{"descricao", title},
                     {"url", w.url},
                     {"dica_segredo", w.secret_hint},
                     {"eventos", event_labels(ctx, w.events)},
                     {"ativo", w.active},
                     {"motivo", w.disabled_reason.value_or("")},
                     {"link", link_of(id)},
                     {"reenviada", r.query_value("reenviada").has_value()},
                     {"entregas", deliveries},
                     {"sem_entregas", deliveries.empty()}});
}

}  // namespace

void add_admin_webhooks(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/webhooks", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& w : ctx.desk.webhooks().list(v.actor)) {
      items.push_back({{"descricao", w.description.empty() ? w.url : w.description},
                       {"url", w.url},
                       {"eventos", event_labels(ctx, w.events)},
                       {"ativo", w.active},
                       {"motivo", w.disabled_reason.value_or("")},
                       {"link", link_of(w.id)}});
    }
    return admin_page(ctx, v, r, 200, "admin_webhooks", "webhooks.titulo",
                      {{"webhooks", items}, {"vazio", items.empty()}});
  });
  add_admin_route(ctx, routes, "GET", "/admin/webhooks/novo", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return new_page(ctx, v, r, Form{}, {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/webhooks/novo",
                  [&ctx](const http::Request& r) { return create_webhook(ctx, r); });
  add_admin_route(ctx, routes, "GET", "/admin/webhooks/:id",
                  [&ctx](const http::Request& r) { return subscription_page(ctx, r); });
  add_admin_route(ctx, routes, "POST", "/admin/webhooks/:id/ativo", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    const Form form = read_form(r);
    check_csrf(v, form);
    const auto id = number_param(r, "id");
    app::WebhookChange change;
    change.active = form.value("ativo") == "sim";
    ctx.desk.webhooks().update(v.actor, id, change);
    return see_other(link_of(id) + "?salvo=1");
  });
  add_admin_route(ctx, routes, "POST", "/admin/webhooks/:id/remover",
                  [&ctx](const http::Request& r) {
                    const auto v = require_admin(ctx, r);
                    const Form form = read_form(r);
                    check_csrf(v, form);
                    ctx.desk.webhooks().remove(v.actor, number_param(r, "id"));
                    return see_other("/admin/webhooks?salvo=1");
                  });
  add_admin_route(ctx, routes, "POST", "/admin/webhooks/:id/entregas/:entrega/reenviar",
                  [&ctx](const http::Request& r) {
                    const auto v = require_admin(ctx, r);
                    const Form form = read_form(r);
                    check_csrf(v, form);
                    const auto id = number_param(r, "id");
                    ctx.desk.webhooks().retry(v.actor, id, number_param(r, "entrega"));
                    return see_other(link_of(id) + "?reenviada=1#entregas");
                  });
}

}  // namespace guiche::web
