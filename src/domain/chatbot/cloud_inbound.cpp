#include "domain/chatbot/cloud_inbound.hpp"

namespace guiche::chatbot {
namespace {

std::string text_at(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

BotInput bot_input_of_cloud_message(const nlohmann::json& message) {
  if (!message.is_object()) return UnsupportedIn{"?"};
  std::string type = text_at(message, "type");
  const auto part = message.find(type);
  if (type.empty() || part == message.end() || !part->is_object()) {
    return UnsupportedIn{type.empty() ? "?" : type};
  }
  if (type == "text") return TextIn{text_at(*part, "body")};
  if (type == "interactive") {
    std::string kind = text_at(*part, "type");
    auto reply = part->find(kind);
    if ((kind == "button_reply" || kind == "list_reply") && reply != part->end() &&
        reply->is_object() && !text_at(*reply, "id").empty()) {
      return ChoiceIn{text_at(*reply, "id"), text_at(*reply, "title")};
    }
    return UnsupportedIn{"interactive"};
  }
  if (type == "button" && !text_at(*part, "payload").empty()) {
    return ChoiceIn{text_at(*part, "payload"), text_at(*part, "text")};
  }
  if ((type == "image" || type == "document") && !text_at(*part, "id").empty()) {
    return MediaIn{text_at(*part, "id"), text_at(*part, "mime_type"), text_at(*part, "filename"),
                   text_at(*part, "caption")};
  }
  return UnsupportedIn{type};
}

}  // namespace guiche::chatbot
