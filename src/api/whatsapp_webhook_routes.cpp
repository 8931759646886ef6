// The WhatsApp Cloud API's webhook (docs/whatsapp.md). GET answers Meta's
// subscription handshake: hub.mode=subscribe with our verify token echoes
// hub.challenge as plain text, anything else is 403 (no signature on GET).
// POST is taken only with a valid X-Hub-Signature-256 (HMAC-SHA256 of the raw
// bytes with the app secret, compared in constant time): without one it is
// 401 and nothing is stored. A signed body is kept durably before the 200
// (app/whatsapp/whatsapp_inbox.hpp); Meta re-sends what is not answered 2xx,
// for about a day, so an answer is quick and processing comes after.
// With the channel off (no configuration) both answer 404.
#include "api/directory_routes.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "app/whatsapp/whatsapp_inbox.hpp"
#include "support/hmac_sha256.hpp"

namespace guiche::api {
namespace {

DomainError channel_off() {
  return DomainError(DomainError::Kind::not_found, "O canal WhatsApp não está configurado.");
}

bool signed_by_meta(const app::WhatsAppConfig& config, const http::Request& r) {
  const auto header = r.header("x-hub-signature-256");
  if (!header || !header->starts_with("sha256=")) return false;
  return equal_in_constant_time(header->substr(7), hmac_sha256_hex(config.app_secret, r.body));
}

}  // namespace

void add_whatsapp_webhook_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(routes, "GET", "/webhooks/whatsapp", [&desk](const http::Request& r) {
    const auto& config = desk.config().whatsapp;
    if (!config.enabled()) throw channel_off();
    const auto token = r.query_value("hub.verify_token").value_or("");
    const auto challenge = r.query_value("hub.challenge").value_or("");
    if (r.query_value("hub.mode") != "subscribe" || challenge.empty() || challenge.size() > 200 ||
        !equal_in_constant_time(token, config.verify_token)) {
      throw DomainError(DomainError::Kind::forbidden,
                        "Verificação do webhook do WhatsApp recusada: token ou modo inválido.");
    }
    http::Response ok;
    ok.content_type = "text/plain; charset=utf-8";
    ok.body = challenge;
    return ok;
  });
  add_guarded_route(routes, "POST", "/webhooks/whatsapp", [&ctx, &desk](const http::Request& r) {
    const auto& config = desk.config().whatsapp;
    if (!config.enabled()) throw channel_off();
    if (!signed_by_meta(config, r)) {
      throw DomainError(DomainError::Kind::unauthenticated,
                        "Assinatura X-Hub-Signature-256 ausente ou inválida.");
    }
    if (r.body.size() > 4 * ctx.max_json_bytes) {
      throw DomainError(DomainError::Kind::too_large, "Webhook do WhatsApp grande demais.");
    }
    const auto receipt = desk.whatsapp_inbox().receive(r.body);
    return json_response(200, {{"batch_id", receipt.batch_id},
                               {"items", receipt.items},
                               {"new_items", receipt.new_items}});
  });
}

}  // namespace guiche::api
