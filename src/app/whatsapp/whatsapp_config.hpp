#pragma once
// The WhatsApp channel's settings (docs/whatsapp.md): where the WhatsApp
// Business Platform's Cloud API answers, which business phone number speaks,
// and the secrets, which come only from the environment and are never logged.
// The channel is on only when all of them are set (enabled()).
#include <string>
#include <vector>

#include "app/whatsapp/whatsapp_templates.hpp"

namespace guiche::app {

struct WhatsAppConfig {
  // The Cloud API's base URL with its version ("https://graph.facebook.com/v21.0";
  // the tests point it at scripts/test-servers/whatsapp_cloud.py).
  std::string api_url;
  std::string phone_number_id;
  std::string token;         // GUICHE_WHATSAPP_TOKEN: the bearer for the Cloud API
  std::string app_secret;    // GUICHE_WHATSAPP_APP_SECRET: signs the webhooks (X-Hub-Signature-256)
  std::string verify_token;  // GUICHE_WHATSAPP_VERIFY_TOKEN: the webhook subscription handshake

  // The approved templates notices use outside the 24-hour window.
  WhatsAppTemplates templates{};

  // The settings still missing, by the name an operator sets them with
  // (never a value): empty when the channel is on.
  std::vector<std::string> missing() const {
    std::vector<std::string> out;
    if (api_url.empty()) out.push_back("--whatsapp-api-url");
    if (phone_number_id.empty()) out.push_back("--whatsapp-phone-number-id");
    if (token.empty()) out.push_back("GUICHE_WHATSAPP_TOKEN");
    if (app_secret.empty()) out.push_back("GUICHE_WHATSAPP_APP_SECRET");
    if (verify_token.empty()) out.push_back("GUICHE_WHATSAPP_VERIFY_TOKEN");
    return out;
  }
  bool enabled() const { return missing().empty(); }
};

}  // namespace guiche::app
