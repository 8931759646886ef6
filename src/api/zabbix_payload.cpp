#include "api/zabbix_payload.hpp"

#include <optional>

#include "domain/error.hpp"

namespace guiche::api {
namespace {

DomainError bad(const std::string& what) {
  return malformed("Carga do Zabbix inválida: " + what + ".");
}

// Zabbix macros arrive as text; a hand-written payload may send numbers.
std::optional<std::string> text_of(const nlohmann::json& body, const char* name) {
  if (!body.contains(name)) return std::nullopt;
  const auto& v = body[name];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  throw bad(std::string(name) + " não é texto");
}

std::string required(const nlohmann::json& body, const char* name, std::size_t max) {
  auto v = text_of(body, name);
  if (!v || v->empty()) throw bad(std::string(name) + " ausente");
  if (v->size() > max) throw bad(std::string(name) + " longo demais");
  return *v;
}

std::string optional_text(const nlohmann::json& body, const char* name) {
  auto v = text_of(body, name).value_or("");
  if (v.size() > 500) throw bad(std::string(name) + " longo demais");
  return v;
}

// [{"tag": "component", "value": "SIGEFES"}, ...] or {"component": "SIGEFES"}.
void add_tags(const nlohmann::json& body, std::map<std::string, std::string>& labels) {
  if (!body.contains("tags") || body["tags"].is_null()) return;
  const auto& tags = body["tags"];
  if (tags.is_object()) {
    for (const auto& [key, value] : tags.items()) {
      if (!value.is_string()) throw bad("tags." + key + " não é texto");
      labels[key] = value.get<std::string>();
    }
    return;
  }
  if (!tags.is_array()) throw bad("tags não é uma lista");
  if (tags.size() > 200) throw bad("mais de 200 tags");
  std::size_t index = 0;
  for (const auto& tag : tags) {
    const std::string at = "tags[" + std::to_string(index++) + "]";
    if (!tag.is_object() || !tag.contains("tag") || !tag["tag"].is_string() ||
        tag["tag"].get<std::string>().empty()) {
      throw bad(at + ".tag ausente");
    }
    const auto value = tag.value("value", nlohmann::json(""));
    if (!value.is_string()) throw bad(at + ".value não é texto");
    labels[tag["tag"].get<std::string>()] = value.get<std::string>();
  }
}

}  // namespace

app::MonitoringAlert zabbix_alert_of(const nlohmann::json& body) {
  if (!body.is_object()) throw bad("o corpo não é um objeto");
  app::MonitoringAlert a;
  a.fingerprint = "zabbix:" + required(body, "event_id", 100);
  const auto value = required(body, "event_value", 10);
  if (value != "1" && value != "0") {
    throw bad("event_value deve ser 1 (problema) ou 0 (recuperação)");
  }
  a.firing = value == "1";
  const auto starts = parse_instant(required(body, "event_time", 100));
  if (!starts) throw bad("event_time fora do RFC 3339");
  a.starts_at = *starts;
  a.summary = required(body, "trigger_name", 500);
  const auto host = optional_text(body, "host");
  const auto severity = optional_text(body, "severity");
  const auto trigger_id = optional_text(body, "trigger_id");
  a.labels["alertname"] = a.summary;
  if (!host.empty()) a.labels["host"] = host;
  if (!severity.empty()) a.labels["severity"] = severity;
  if (!trigger_id.empty()) a.labels["trigger_id"] = trigger_id;
  add_tags(body, a.labels);  // the tags name the component; they win
  if (!host.empty()) a.description = "Host: " + host;
  if (!severity.empty())
    a.description += (a.description.empty() ? "" : "; ") + std::string("severidade: ") + severity;
  return a;
}

}  // namespace guiche::api
