#pragma once
// WhatsApp Cloud API webhook bodies as Meta sends them (docs/whatsapp.md),
// for tests that post them to /webhooks/whatsapp, and the settings of a
// desk whose WhatsApp channel is on.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/whatsapp/whatsapp_config.hpp"

namespace guiche::testing {

inline constexpr const char* kTestPhoneNumberId = "106540352242922";

// A configured channel (the Cloud API URL is never called by these tests).
app::WhatsAppConfig test_whatsapp_config();

// A text message from `wa_id`, sent at `unix_seconds`.
nlohmann::json text_message(const std::string& wamid, const std::string& wa_id,
                            const std::string& text, std::int64_t unix_seconds);
// A status of a message we sent.
nlohmann::json status_of(const std::string& wamid, const std::string& wa_id,
                         const std::string& status, std::int64_t unix_seconds);
// One change's value for our number, naming `contacts` (wa_id -> profile name).
nlohmann::json change_value(const std::vector<nlohmann::json>& messages,
                            const std::vector<nlohmann::json>& statuses,
                            const std::vector<std::pair<std::string, std::string>>& contacts = {});
// The whole body: one entry per value given.
std::string webhook_body(const std::vector<nlohmann::json>& values);
// "sha256=<hex>" as X-Hub-Signature-256 carries it.
std::string meta_signature(const std::string& app_secret, const std::string& body);

}  // namespace guiche::testing
