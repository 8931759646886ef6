#include "transports/whatsapp/cloud_message.hpp"

namespace guiche::transports {
namespace {

nlohmann::json envelope(const std::string& to, const std::optional<std::string>& context) {
  nlohmann::json j{{"messaging_product", "whatsapp"}, {"recipient_type", "individual"}, {"to", to}};
  if (context) j["context"] = {{"message_id", *context}};
  return j;
}

}  // namespace

nlohmann::json free_form_request(const std::string& to, const store::OutboxMessage& row,
                                 const store::WhatsAppPayload& payload) {
  nlohmann::json j = envelope(to, payload.context);
  if (payload.message) {
    j.update(*payload.message);
  } else {
    j["type"] = "text";
    j["text"] = {{"body", row.text_body}, {"preview_url", false}};
  }
  return j;
}

nlohmann::json template_request(const std::string& to, const store::WhatsAppTemplateCall& call,
                                const std::optional<std::string>& context) {
  nlohmann::json j = envelope(to, context);
  j["type"] = "template";
  nlohmann::json t{{"name", call.name}, {"language", {{"code", call.language}}}};
  if (!call.parameters.empty()) {
    nlohmann::json parameters = nlohmann::json::array();
    for (const auto& p : call.parameters) parameters.push_back({{"type", "text"}, {"text", p}});
    t["components"] = nlohmann::json::array({{{"type", "body"}, {"parameters", parameters}}});
  }
  j["template"] = std::move(t);
  return j;
}

nlohmann::json media_message(const std::string& mime, const std::string& media_id,
                             const std::string& filename, const std::string& caption) {
  const bool image = mime == "image/jpeg" || mime == "image/png";
  nlohmann::json media{{"id", media_id}};
  if (!caption.empty()) media["caption"] = caption;
  if (!image && !filename.empty()) media["filename"] = filename;
  const std::string kind = image ? "image" : "document";
  return {{"type", kind}, {kind, media}};
}

}  // namespace guiche::transports
