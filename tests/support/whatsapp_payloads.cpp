#include "support/whatsapp_payloads.hpp"

#include "support/hmac_sha256.hpp"

namespace guiche::testing {

using nlohmann::json;

app::WhatsAppConfig test_whatsapp_config() {
  app::WhatsAppConfig c;
  c.api_url = "http://127.0.0.1:9/v21.0";
  c.phone_number_id = kTestPhoneNumberId;
  c.token = "token-de-teste";
  c.app_secret = "segredo-do-app-de-teste";
  c.verify_token = "verificacao-de-teste";
  return c;
}

json text_message(const std::string& wamid, const std::string& wa_id, const std::string& text,
                  std::int64_t unix_seconds) {
  return {{"from", wa_id},
          {"id", wamid},
          {"timestamp", std::to_string(unix_seconds)},
          {"type", "text"},
          {"text", {{"body", text}}}};
}

json status_of(const std::string& wamid, const std::string& wa_id, const std::string& status,
               std::int64_t unix_seconds) {
  return {{"id", wamid},
          {"recipient_id", wa_id},
          {"status", status},
          {"timestamp", std::to_string(unix_seconds)}};
}

json change_value(const std::vector<json>& messages, const std::vector<json>& statuses,
                  const std::vector<std::pair<std::string, std::string>>& contacts) {
  json value = {
      {"messaging_product", "whatsapp"},
      {"metadata",
       {{"display_phone_number", "552736367200"}, {"phone_number_id", kTestPhoneNumberId}}}};
  if (!contacts.empty()) {
    value["contacts"] = json::array();
    for (const auto& [wa_id, name] : contacts) {
      value["contacts"].push_back({{"wa_id", wa_id}, {"profile", {{"name", name}}}});
    }
  }
  if (!messages.empty()) value["messages"] = messages;
  if (!statuses.empty()) value["statuses"] = statuses;
  return value;
}

std::string webhook_body(const std::vector<json>& values) {
  json body = {{"object", "whatsapp_business_account"}, {"entry", json::array()}};
  for (const auto& value : values) {
    body["entry"].push_back(
        {{"id", "102290129340398"},
         {"changes", json::array({{{"field", "messages"}, {"value", value}}})}});
  }
  return body.dump();
}

std::string meta_signature(const std::string& app_secret, const std::string& body) {
  return "sha256=" + hmac_sha256_hex(app_secret, body);
}

}  // namespace guiche::testing
