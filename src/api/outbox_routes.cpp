// The outbox (what the desk sends, retrying what failed, settling what a
// crash left in doubt) and the message
// templates admins edit. The desk decides who may; only admins do.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/outbox/outbox_admin.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

nlohmann::json outbox_json(const store::OutboxMessage& m) {
  return {{"id", m.id},
          {"channel", m.channel},
          {"template", m.template_key},
          {"ticket_id", m.ticket_id ? nlohmann::json(*m.ticket_id) : nullptr},
          {"recipient", m.recipient_address},
          {"subject", m.subject},
          {"message_id", m.message_id},
          {"status", m.status},
          {"attempts", m.attempts},
          {"next_attempt_at", format_utc(m.next_attempt_at)},
          {"last_error", m.last_error ? nlohmann::json(*m.last_error) : nullptr},
          {"created_at", format_utc(m.created_at)},
          {"sent_at", m.sent_at ? nlohmann::json(format_utc(*m.sent_at)) : nullptr}};
}

nlohmann::json template_json(const app::TemplateView& v) {
  return {{"key", v.value.key},
          {"channel", v.value.channel},
          {"locale", v.value.locale},
          {"subject", v.value.subject},
          {"text", v.value.text},
          {"html", v.value.html},
          {"is_default", v.is_default},
          {"placeholders", mail::template_placeholders(v.value.key)},
          {"updated_at", v.updated_at ? nlohmann::json(format_utc(*v.updated_at)) : nullptr}};
}

}  // namespace

void add_outbox_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/api/v1/outbox", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    const int limit = query_limit(r.query_value("limit"));
    auto items = nlohmann::json::array();
    for (const auto& m : desk.outbox().outbox(actor, r.query_value("status").value_or(""),
                                              query_id(r.query_value("before"), "before"), limit))
      items.push_back(outbox_json(m));
    return items_response(items);
  });
  add_guarded_route(routes, "POST", "/api/v1/outbox/:id/retry",
                    [&ctx, &desk](const http::Request& r) {
                      auto actor = require_caller(ctx, r);
                      const auto id = path_id(r.params.at("id"));
                      return json_response(200, outbox_json(desk.outbox().retry_outbox(actor, id)));
                    });
  add_guarded_route(
      routes, "POST", "/api/v1/outbox/:id/confirm-delivery", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto id = path_id(r.params.at("id"));
        return json_response(200, outbox_json(desk.outbox().confirm_delivered(actor, id)));
      });
  add_guarded_route(routes, "GET", "/api/v1/templates/:key", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    const auto key = decoded_segment(r.params.at("key"));
    return json_response(200, template_json(desk.outbox().message_template(actor, key)));
  });
  add_guarded_route(routes, "PUT", "/api/v1/templates/:key", [&ctx, &desk](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto body = strict_body(ctx, r, {"subject", "text", "html"});
    require_every_field(body, {"subject", "text", "html"});
    mail::Template t;
    t.key = decoded_segment(r.params.at("key"));
    set_text(body, "subject", t.subject);
    set_text(body, "text", t.text);
    set_text(body, "html", t.html);
    return json_response(200, template_json(desk.outbox().save_message_template(actor, t)));
  });
}

}  // namespace guiche::api
