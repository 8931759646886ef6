// The OpenAPI rows and schemas of the WhatsApp channel's webhook
// (api/whatsapp_webhook_routes.cpp): Meta calls it, signed, not people.
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& whatsapp_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/webhooks/whatsapp",
       "Verificação da assinatura do webhook pela Meta: com hub.mode=subscribe e o token de "
       "verificação configurado, devolve hub.challenge em texto puro; senão 403",
       "whatsapp",
       nullptr,
       nullptr,
       200,
       {"hub.mode", "hub.verify_token", "hub.challenge"},
       false},
      {"POST",
       "/webhooks/whatsapp",
       "Mensagens e situações de entrega da WhatsApp Cloud API, assinadas em "
       "X-Hub-Signature-256 (HMAC-SHA256 do corpo com o segredo do app; 401 sem ela, nada "
       "guardado); guardadas antes da resposta e processadas depois, cada uma uma vez",
       "whatsapp",
       "WhatsAppWebhook",
       "WhatsAppWebhookReceipt",
       200,
       {},
       false},
  };
  return ops;
}

nlohmann::ordered_json openapi_whatsapp_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "WhatsAppWebhook": {"type": "object", "description": "O corpo que a Cloud API envia: object=whatsapp_business_account, entry[].changes[].value com messages ou statuses.",
    "properties": {"object": {"const": "whatsapp_business_account"},
      "entry": {"type": "array", "items": {"type": "object"}}}},
  "WhatsAppWebhookReceipt": {"type": "object", "properties": {
    "batch_id": {"type": "integer"},
    "items": {"type": "integer", "description": "mensagens e situações no corpo"},
    "new_items": {"type": "integer", "description": "delas, as ainda não recebidas"}}}
})JSON");
}

}  // namespace guiche::api
