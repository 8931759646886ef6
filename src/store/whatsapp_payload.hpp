#pragma once
// What a WhatsApp outbox row carries in its payload column (migration v017):
//   {"message":  {...the Cloud API message without messaging_product,
//                 recipient_type and to: "type" and its object...},
//    "template": {"name", "language", "parameters": ["...", ...]},
//    "context":  "wamid...",
//    "template_only": true,
//    "file":     {"sha256", "filename", "content_type"}}
// Every member is optional. Without "message" the row's text_body goes as a
// text message; "template" is what goes instead outside the 24-hour
// customer-service window; "context" names a message this one replies to;
// "template_only" sends the template even where the desk counts the window
// open (WhatsApp reported it closed: error 131047 in a status webhook);
// "file" is an attachment of the ticket (store/attachment_blobs.hpp) that
// goes as itself inside the window: uploaded, then sent by its media id.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace guiche::store {

struct WhatsAppTemplateCall {
  std::string name;
  std::string language = "pt_BR";
  std::vector<std::string> parameters;  // the body's {{1}}, {{2}}, ... in order
};

struct WhatsAppFile {
  std::string sha256;
  std::string filename;
  std::string content_type;
};

struct WhatsAppPayload {
  std::optional<nlohmann::json> message;
  std::optional<WhatsAppTemplateCall> template_call;
  std::optional<std::string> context;
  bool template_only = false;
  std::optional<WhatsAppFile> file;
};

std::string to_payload_json(const WhatsAppPayload& p);
// Throws std::invalid_argument on JSON that is not a payload.
WhatsAppPayload parse_payload(const std::string& json);

}  // namespace guiche::store
