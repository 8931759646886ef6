#include "api/ticket_registration.hpp"

#include "api/json_fields.hpp"
#include "domain/channel.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

std::optional<Channel> channel_from(const std::optional<std::string>& channel) {
  if (!channel) return std::nullopt;
  auto parsed = parse_channel(*channel);
  if (!parsed)
    throw invalid_field("channel", "Canal inválido (portal, email, phone, whatsapp, api).");
  return parsed;
}

}  // namespace

app::RegisterRequest registration_from(const nlohmann::json& body, std::int64_t caller_id) {
  reject_unknown_fields(body, {"service_code", "subject", "description", "form_answers",
                               "requester_id", "channel", "category", "impact", "urgency"});
  app::RegisterRequest request;
  request.service_code = required_string(body, "service_code");
  request.subject = required_string(body, "subject");
  request.description = required_string(body, "description");
  if (body.contains("form_answers")) request.form_answers = body["form_answers"];
  request.requester_id = optional_integer(body, "requester_id").value_or(caller_id);
  if (auto category = optional_string(body, "category")) {
    request.category = parse_category(*category);
    if (!request.category) throw invalid_field("category", "Categoria desconhecida.");
  }
  request.impact = static_cast<int>(optional_integer(body, "impact").value_or(3));
  request.urgency = static_cast<int>(optional_integer(body, "urgency").value_or(3));
  request.channel = channel_from(optional_string(body, "channel"));
  return request;
}

}  // namespace guiche::api
