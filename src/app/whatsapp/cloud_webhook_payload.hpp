#pragma once
// What a WhatsApp Cloud API webhook body holds (docs/whatsapp.md;
// ../shared/BRAZIL.md section 7.1): {"object":"whatsapp_business_account",
// "entry":[{"changes":[{"field":"messages","value":{"metadata",
// "contacts","messages"|"statuses"}}]}]}, each message and each status one
// item to process. Everything the batch holds is returned, for every entry
// and change, not only the first (a bug of other desks' WhatsApp channels).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/time.hpp"

namespace guiche::app {

struct CloudWebhookItem {
  std::string kind;       // "message" or "status"
  std::string wamid;      // the message's id (a status: the id of the message it is about)
  std::string wa_id;      // the person: who wrote, or whom the status is about
  std::string status;     // statuses: sent, delivered, read, failed
  Instant sent_at{};      // WhatsApp's timestamp (seconds)
  nlohmann::json object;  // the message or status as sent, plus "profile_name" for a message
  std::string dedup_key() const {
    return kind == "message" ? "message:" + wamid : "status:" + wamid + ":" + status;
  }
};

struct CloudWebhookBatch {
  std::vector<CloudWebhookItem> items;
  // Changes of other fields (templates, account updates) and messages to
  // another business number than ours: counted, not processed.
  int ignored = 0;
};

// Reads a webhook body; throws DomainError(validation) in pt-BR when it is
// not one (not JSON, no entry list, a message without id or sender...).
// `phone_number_id`: ours; changes for another number are ignored.
CloudWebhookBatch parse_cloud_webhook(const std::string& body, const std::string& phone_number_id);

}  // namespace guiche::app
