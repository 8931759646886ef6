#include "app/whatsapp/cloud_webhook_payload.hpp"

#include <map>

#include "domain/error.hpp"

namespace guiche::app {
namespace {

using nlohmann::json;

DomainError bad(const std::string& what) {
  return DomainError(DomainError::Kind::malformed, "Webhook do WhatsApp inválido: " + what + ".");
}

std::string text_field(const json& object, const char* name, const std::string& where) {
  if (!object.contains(name) || !object[name].is_string() ||
      object[name].get<std::string>().empty()) {
    throw bad(where + "." + name + " ausente");
  }
  return object[name].get<std::string>();
}

// WhatsApp sends Unix seconds as a string ("1733390000").
Instant timestamp_of(const json& object, const std::string& where) {
  const std::string text = text_field(object, "timestamp", where);
  std::int64_t seconds = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9' || seconds > 99'999'999'999) throw bad(where + ".timestamp inválido");
    seconds = seconds * 10 + (ch - '0');
  }
  return from_millis(seconds * 1000);
}

const json& list_at(const json& object, const char* name, const std::string& where) {
  static const json empty = json::array();
  if (!object.contains(name)) return empty;
  if (!object[name].is_array()) throw bad(where + "." + name + " não é uma lista");
  return object[name];
}

void read_value(const json& value, const std::string& where, CloudWebhookBatch& batch) {
  std::map<std::string, std::string> names;  // wa_id -> profile name
  std::size_t index = 0;
  for (const auto& contact : list_at(value, "contacts", where)) {
    const std::string at = where + ".contacts[" + std::to_string(index++) + "]";
    if (!contact.is_object()) throw bad(at + " não é um objeto");
    if (contact.contains("wa_id") && contact["wa_id"].is_string() && contact.contains("profile") &&
        contact["profile"].is_object() && contact["profile"].contains("name") &&
        contact["profile"]["name"].is_string()) {
      names[contact["wa_id"].get<std::string>()] = contact["profile"]["name"].get<std::string>();
    }
  }
  index = 0;
  for (const auto& message : list_at(value, "messages", where)) {
    const std::string at = where + ".messages[" + std::to_string(index++) + "]";
    if (!message.is_object()) throw bad(at + " não é um objeto");
    CloudWebhookItem item;
    item.kind = "message";
    item.wamid = text_field(message, "id", at);
    item.wa_id = text_field(message, "from", at);
    item.sent_at = timestamp_of(message, at);
    text_field(message, "type", at);
    item.object = message;
    if (auto name = names.find(item.wa_id); name != names.end()) {
      item.object["profile_name"] = name->second;
    }
    batch.items.push_back(std::move(item));
  }
  index = 0;
  for (const auto& status : list_at(value, "statuses", where)) {
    const std::string at = where + ".statuses[" + std::to_string(index++) + "]";
    if (!status.is_object()) throw bad(at + " não é um objeto");
    CloudWebhookItem item;
    item.kind = "status";
    item.wamid = text_field(status, "id", at);
    item.wa_id = text_field(status, "recipient_id", at);
    item.status = text_field(status, "status", at);
    if (item.status.size() > 40) throw bad(at + ".status inválido");
    item.sent_at = timestamp_of(status, at);
    item.object = status;
    batch.items.push_back(std::move(item));
  }
}

}  // namespace

CloudWebhookBatch parse_cloud_webhook(const std::string& body, const std::string& phone_number_id) {
  const json payload = json::parse(body, nullptr, false);
  if (payload.is_discarded()) throw bad("o corpo não é JSON");
  if (!payload.is_object() || payload.value("object", "") != "whatsapp_business_account") {
    throw bad("object deve ser whatsapp_business_account");
  }
  CloudWebhookBatch batch;
  std::size_t e = 0;
  for (const auto& entry : list_at(payload, "entry", "")) {
    const std::string entry_at = "entry[" + std::to_string(e++) + "]";
    if (!entry.is_object()) throw bad(entry_at + " não é um objeto");
    std::size_t c = 0;
    for (const auto& change : list_at(entry, "changes", entry_at)) {
      const std::string at = entry_at + ".changes[" + std::to_string(c++) + "]";
      if (!change.is_object()) throw bad(at + " não é um objeto");
      if (change.value("field", "") != "messages" || !change.contains("value") ||
          !change["value"].is_object()) {
        ++batch.ignored;
        continue;
      }
      const json& value = change["value"];
      const json metadata = value.value("metadata", json::object());
      if (metadata.is_object() && metadata.contains("phone_number_id") &&
          metadata["phone_number_id"] != phone_number_id) {
        ++batch.ignored;
        continue;
      }
      read_value(value, at + ".value", batch);
    }
  }
  return batch;
}

}  // namespace guiche::app
