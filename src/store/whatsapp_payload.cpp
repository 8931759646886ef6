#include "store/whatsapp_payload.hpp"

#include <stdexcept>

namespace guiche::store {

std::string to_payload_json(const WhatsAppPayload& p) {
  nlohmann::json j = nlohmann::json::object();
  if (p.message) j["message"] = *p.message;
  if (p.template_call) {
    j["template"] = {{"name", p.template_call->name},
                     {"language", p.template_call->language},
                     {"parameters", p.template_call->parameters}};
  }
  if (p.context) j["context"] = *p.context;
  if (p.template_only) j["template_only"] = true;
  if (p.file) {
    j["file"] = {{"sha256", p.file->sha256},
                 {"filename", p.file->filename},
                 {"content_type", p.file->content_type}};
  }
  return j.dump();
}

WhatsAppPayload parse_payload(const std::string& json) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) throw std::invalid_argument("payload is not a JSON object");
  WhatsAppPayload p;
  try {
    if (j.contains("message")) {
      if (!j["message"].is_object() || !j["message"].contains("type"))
        throw std::invalid_argument("payload.message needs a type");
      p.message = j["message"];
    }
    if (j.contains("template")) {
      const auto& t = j["template"];
      WhatsAppTemplateCall call;
      call.name = t.at("name").get<std::string>();
      call.language = t.value("language", std::string("pt_BR"));
      if (t.contains("parameters"))
        call.parameters = t["parameters"].get<std::vector<std::string>>();
      p.template_call = std::move(call);
    }
    if (j.contains("context")) p.context = j["context"].get<std::string>();
    p.template_only = j.value("template_only", false);
    if (j.contains("file")) {
      const auto& f = j["file"];
      p.file = WhatsAppFile{f.at("sha256").get<std::string>(), f.at("filename").get<std::string>(),
                            f.at("content_type").get<std::string>()};
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("payload: ") + e.what());
  }
  return p;
}

}  // namespace guiche::store
