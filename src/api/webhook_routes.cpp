// Outbound webhooks (admins only): subscriptions under /api/v1/webhooks and
// each one's delivery log with retry. The secret is accepted on create and
// replace, never returned (secret_hint shows its last 4 characters). The
// use cases (app/webhooks/webhooks.hpp) check the caller.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/webhooks/webhooks.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

nlohmann::json webhook_json(const app::Webhook& w) {
  return {{"id", w.id},
          {"description", w.description},
          {"url", w.url},
          {"secret_hint", w.secret_hint},
          {"events", w.events},
          {"active", w.active},
          {"disabled_reason", w.disabled_reason ? nlohmann::json(*w.disabled_reason) : nullptr},
          {"created_at", format_utc(w.created_at)},
          {"updated_at", format_utc(w.updated_at)}};
}

nlohmann::json delivery_json(const store::OutboxMessage& m) {
  return {{"id", m.id},
          {"event", m.template_key},
          {"ticket_id", m.ticket_id ? nlohmann::json(*m.ticket_id) : nullptr},
          {"status", m.status},
          {"attempts", m.attempts},
          {"next_attempt_at", format_utc(m.next_attempt_at)},
          {"last_error", m.last_error ? nlohmann::json(*m.last_error) : nullptr},
          {"response_code", m.response_code ? nlohmann::json(*m.response_code) : nullptr},
          {"created_at", format_utc(m.created_at)},
          {"sent_at", m.sent_at ? nlohmann::json(format_utc(*m.sent_at)) : nullptr}};
}

const std::vector<std::string> kFields = {"description", "url", "secret", "events", "active"};

}  // namespace

void add_webhook_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Webhooks& hooks = ctx.desk.webhooks();
  add_guarded_route(routes, "GET", "/api/v1/webhooks", [&ctx, &hooks](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    for (const auto& w : hooks.list(actor)) items.push_back(webhook_json(w));
    return items_response(items);
  });
  add_guarded_route(routes, "POST", "/api/v1/webhooks", [&ctx, &hooks](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r, kFields);
    app::NewWebhook w;
    set_text(body, "description", w.description);
    set_text(body, "url", w.url);
    set_text(body, "secret", w.secret);
    set_text_list(body, "events", w.events);
    set_flag(body, "active", w.active);
    auto made = hooks.create(actor, w);
    return created(webhook_json(made), "/api/v1/webhooks/" + std::to_string(made.id));
  });
  add_guarded_route(routes, "GET", "/api/v1/webhooks/:id", [&ctx, &hooks](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    return json_response(200, webhook_json(hooks.get(actor, path_id(r.params.at("id")))));
  });
  add_guarded_route(routes, "PATCH", "/api/v1/webhooks/:id",
                    [&ctx, &hooks](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto id = path_id(r.params.at("id"));
                      auto body = strict_body(ctx, r, kFields);
                      app::WebhookChange change;
                      std::string text;
                      std::vector<std::string> list;
                      bool flag = false;
                      for (auto [name, target] :
                           {std::pair{"description", &change.description},
                            std::pair{"url", &change.url}, std::pair{"secret", &change.secret}}) {
                        if (!body.contains(name)) continue;
                        set_text(body, name, text);
                        *target = text;
                      }
                      if (body.contains("events")) {
                        set_text_list(body, "events", list);
                        change.events = list;
                      }
                      if (body.contains("active")) {
                        set_flag(body, "active", flag);
                        change.active = flag;
                      }
                      return json_response(200, webhook_json(hooks.update(actor, id, change)));
                    });
  add_guarded_route(routes, "DELETE", "/api/v1/webhooks/:id",
                    [&ctx, &hooks](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      hooks.remove(actor, path_id(r.params.at("id")));
                      return no_content();
                    });
  add_guarded_route(
      routes, "GET", "/api/v1/webhooks/:id/deliveries", [&ctx, &hooks](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const int limit = query_limit(r.query_value("limit"));
        auto items = nlohmann::json::array();
        for (const auto& m : hooks.deliveries(actor, path_id(r.params.at("id")),
                                              query_id(r.query_value("before"), "before"), limit))
          items.push_back(delivery_json(m));
        return items_response(items);
      });
  add_guarded_route(routes, "POST", "/api/v1/webhooks/:id/deliveries/:delivery_id/retry",
                    [&ctx, &hooks](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto id = path_id(r.params.at("id"));
                      const auto delivery = path_id(r.params.at("delivery_id"));
                      return json_response(200, delivery_json(hooks.retry(actor, id, delivery)));
                    });
}

}  // namespace guiche::api
