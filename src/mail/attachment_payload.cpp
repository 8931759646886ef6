#include "mail/attachment_payload.hpp"

#include <nlohmann/json.hpp>

namespace guiche::mail {

std::string attachments_payload(const std::vector<Attachment>& attachments) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& a : attachments) {
    files.push_back(
        {{"filename", a.filename}, {"content_type", a.content_type}, {"content", a.content}});
  }
  return nlohmann::json{{"attachments", files}}.dump();
}

std::vector<Attachment> attachments_from_payload(const std::string& payload) {
  std::vector<Attachment> out;
  const auto json = nlohmann::json::parse(payload, nullptr, false);
  if (!json.is_object() || !json.contains("attachments") || !json["attachments"].is_array()) {
    return out;
  }
  for (const auto& f : json["attachments"]) {
    out.push_back({f.value("filename", "anexo"),
                   f.value("content_type", "application/octet-stream"), f.value("content", "")});
  }
  return out;
}

}  // namespace guiche::mail
