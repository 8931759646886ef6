#pragma once
// The WhatsApp channel's settings (docs/whatsapp.md): where the WhatsApp
// Business Platform's Cloud API answers, which business phone number speaks,
// and the secrets, which come only from the environment and are never logged.
// The channel is on only when all of them are set (enabled()).
#include <string>

namespace guiche::app {

struct WhatsAppConfig {
  // The Cloud API's base URL with its version ("https://graph.facebook.com/v21.0";
  // the tests point it at scripts/test-servers/whatsapp_cloud.py).
  std::string api_url;
  std::string phone_number_id;
  std::string token;         // GUICHE_WHATSAPP_TOKEN: the bearer for the Cloud API
  std::string app_secret;    // GUICHE_WHATSAPP_APP_SECRET: signs the webhooks (X-Hub-Signature-256)
  std::string verify_token;  // GUICHE_WHATSAPP_VERIFY_TOKEN: the webhook subscription handshake

  bool enabled() const {
    return !api_url.empty() && !phone_number_id.empty() && !token.empty() && !app_secret.empty() &&
           !verify_token.empty();
  }
};

}  // namespace guiche::app
