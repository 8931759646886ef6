#include "domain/chatbot/conversation.hpp"

#include <array>
#include <utility>

namespace guiche::chatbot {
namespace {

constexpr std::array<std::pair<Step, std::string_view>, 20> kSteps{{
    {Step::start, "start"},
    {Step::consent, "consent"},
    {Step::who, "who"},
    {Step::identity_key, "identity_key"},
    {Step::awaiting_lookup, "awaiting_lookup"},
    {Step::code, "code"},
    {Step::awaiting_code_check, "awaiting_code_check"},
    {Step::citizen_name, "citizen_name"},
    {Step::ticket_or_new, "ticket_or_new"},
    {Step::ticket_message, "ticket_message"},
    {Step::awaiting_ticket_add, "awaiting_ticket_add"},
    {Step::service, "service"},
    {Step::reserved_service, "reserved_service"},
    {Step::form_field, "form_field"},
    {Step::attachments, "attachments"},
    {Step::description, "description"},
    {Step::summary, "summary"},
    {Step::correction, "correction"},
    {Step::awaiting_registration, "awaiting_registration"},
    {Step::with_attendant, "with_attendant"},
}};

nlohmann::json person_json(const PersonFacts& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"public_servant", p.may_use_public_servant_services},
          {"authorized", p.may_use_authorized_services}};
}

PersonFacts person_from(const nlohmann::json& j) {
  PersonFacts p;
  p.id = j.at("id").get<std::int64_t>();
  p.name = j.at("name").get<std::string>();
  p.may_use_public_servant_services = j.at("public_servant").get<bool>();
  p.may_use_authorized_services = j.at("authorized").get<bool>();
  return p;
}

}  // namespace

std::string_view step_code(Step s) {
  for (const auto& [step, code] : kSteps) {
    if (step == s) return code;
  }
  return "start";
}

std::optional<Step> parse_step(std::string_view code) {
  for (const auto& [step, c] : kSteps) {
    if (c == code) return step;
  }
  return std::nullopt;
}

void Conversation::restart() {
  step = Step::start;
  masked_email.clear();
  service_code.clear();
  described_need = false;
  answers = nlohmann::json::object();
  field_key.clear();
  correcting = false;
  attachments.clear();
  description.clear();
  catalog_page = 0;
  ticket_id = 0;
  ticket_protocol.clear();
}

nlohmann::json Conversation::to_json() const {
  nlohmann::json j{{"version", kVersion},
                   {"step", step_code(step)},
                   {"consent", consent},
                   {"citizen_name", citizen_name},
                   {"masked_email", masked_email},
                   {"service_code", service_code},
                   {"described_need", described_need},
                   {"answers", answers},
                   {"field_key", field_key},
                   {"correcting", correcting},
                   {"description", description},
                   {"catalog_page", catalog_page},
                   {"ticket_id", ticket_id},
                   {"ticket_protocol", ticket_protocol}};
  if (person) j["person"] = person_json(*person);
  j["attachments"] = nlohmann::json::array();
  for (const auto& a : attachments) {
    j["attachments"].push_back(
        {{"media_ref", a.media_ref}, {"mime_type", a.mime_type}, {"filename", a.filename}});
  }
  j["transcript"] = nlohmann::json::array();
  for (const auto& t : transcript) j["transcript"].push_back({{"from", t.from}, {"text", t.text}});
  if (last_activity) j["last_activity"] = format_utc(*last_activity);
  return j;
}

Conversation Conversation::from_json(const nlohmann::json& j) {
  Conversation c;
  if (!j.is_object()) return c;
  // What survives any restart, read one by one so that one bad field does not lose the others.
  try {
    if (j.contains("consent")) c.consent = j.at("consent").get<bool>();
  } catch (const std::exception&) {
  }
  try {
    if (j.contains("person")) c.person = person_from(j.at("person"));
  } catch (const std::exception&) {
  }
  try {
    if (j.contains("citizen_name")) c.citizen_name = j.at("citizen_name").get<std::string>();
  } catch (const std::exception&) {
  }
  try {
    for (const auto& t : j.at("transcript")) {
      c.transcript.push_back({t.at("from").get<std::string>(), t.at("text").get<std::string>()});
    }
  } catch (const std::exception&) {
    c.transcript.clear();
  }
  try {
    if (j.at("version").get<int>() != kVersion) return c;  // another version: start over
    auto step = parse_step(j.at("step").get<std::string>());
    if (!step) return c;
    Conversation full = c;
    full.step = *step;
    full.masked_email = j.at("masked_email").get<std::string>();
    full.service_code = j.at("service_code").get<std::string>();
    full.described_need = j.at("described_need").get<bool>();
    full.answers = j.at("answers");
    if (!full.answers.is_object()) return c;
    full.field_key = j.at("field_key").get<std::string>();
    full.correcting = j.at("correcting").get<bool>();
    full.description = j.at("description").get<std::string>();
    full.catalog_page = j.at("catalog_page").get<int>();
    full.ticket_id = j.at("ticket_id").get<std::int64_t>();
    full.ticket_protocol = j.at("ticket_protocol").get<std::string>();
    for (const auto& a : j.at("attachments")) {
      full.attachments.push_back({a.at("media_ref").get<std::string>(),
                                  a.at("mime_type").get<std::string>(),
                                  a.at("filename").get<std::string>()});
    }
    if (j.contains("last_activity")) {
      full.last_activity = parse_instant(j.at("last_activity").get<std::string>());
    }
    return full;
  } catch (const std::exception&) {
    return c;
  }
}

}  // namespace guiche::chatbot
