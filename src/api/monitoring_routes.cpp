// Monitoring in: Prometheus Alertmanager's webhook (payload version 4:
// status, alerts[] with labels, annotations, startsAt, endsAt, fingerprint),
// sent with a staff account's API token (Authorization: Bearer). Each firing
// alert opens or joins an unpublished incident of the component its labels
// name; Alertmanager re-sends, and (fingerprint, startsAt) makes that
// harmless. A payload that is not one is refused whole (400), changing
// nothing. Zabbix's webhook (api/zabbix_payload.hpp) enters the same way,
// one event per request. See docs/monitoring.md.
#include "api/caller.hpp"
#include "api/directory_routes.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "api/zabbix_payload.hpp"
#include "app/incidents/status_notices.hpp"
#include "domain/error.hpp"

namespace guiche::api {
namespace {

DomainError bad(const std::string& what) {
  return malformed("Carga do Alertmanager inválida: " + what + ".");
}

std::map<std::string, std::string> string_map(const nlohmann::json& alert, const char* name,
                                              std::size_t index, bool required) {
  std::map<std::string, std::string> out;
  if (!alert.contains(name)) {
    if (required) throw bad("alerts[" + std::to_string(index) + "]." + name + " ausente");
    return out;
  }
  const auto& value = alert[name];
  if (!value.is_object())
    throw bad("alerts[" + std::to_string(index) + "]." + name + " não é um objeto");
  for (const auto& [key, item] : value.items()) {
    if (!item.is_string()) {
      throw bad("alerts[" + std::to_string(index) + "]." + name + "." + key + " não é texto");
    }
    out[key] = item.get<std::string>();
  }
  return out;
}

std::vector<app::MonitoringAlert> alerts_of(const nlohmann::json& body) {
  if (!body.contains("alerts") || !body["alerts"].is_array()) throw bad("sem a lista alerts");
  if (body.contains("version") && body["version"] != "4") {
    throw bad("versão " + body["version"].dump() + " (esperada \"4\")");
  }
  std::vector<app::MonitoringAlert> out;
  std::size_t index = 0;
  for (const auto& item : body["alerts"]) {
    const std::string at = "alerts[" + std::to_string(index) + "]";
    if (!item.is_object()) throw bad(at + " não é um objeto");
    app::MonitoringAlert a;
    const auto status = item.value("status", std::string());
    if (status != "firing" && status != "resolved")
      throw bad(at + ".status deve ser firing ou resolved");
    a.firing = status == "firing";
    if (!item.contains("fingerprint") || !item["fingerprint"].is_string() ||
        item["fingerprint"].get<std::string>().empty() ||
        item["fingerprint"].get<std::string>().size() > 200) {
      throw bad(at + ".fingerprint ausente");
    }
    a.fingerprint = item["fingerprint"];
    const auto starts = item.contains("startsAt") && item["startsAt"].is_string()
                            ? parse_instant(item["startsAt"].get<std::string>())
                            : std::nullopt;
    if (!starts) throw bad(at + ".startsAt ausente ou fora do RFC 3339");
    a.starts_at = *starts;
    a.labels = string_map(item, "labels", index, true);
    const auto annotations = string_map(item, "annotations", index, false);
    auto annotation = [&](const char* key) {
      auto it = annotations.find(key);
      return it == annotations.end() ? std::string() : it->second;
    };
    a.summary = annotation("summary");
    if (a.summary.empty() && a.labels.contains("alertname")) a.summary = a.labels["alertname"];
    a.description = annotation("description");
    out.push_back(std::move(a));
    ++index;
  }
  if (out.empty()) throw bad("a lista alerts está vazia");
  if (out.size() > 1000) throw bad("mais de 1.000 alertas numa carga");
  return out;
}

}  // namespace

void add_monitoring_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  app::Desk& desk = ctx.desk;
  add_guarded_route(
      routes, "POST", "/api/v1/monitoring/alertmanager", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        // Read whole before anything is written: a bad payload changes nothing.
        const auto alerts = alerts_of(json_body(r, 4 * ctx.max_json_bytes));
        const auto receipt = desk.status_notices().receive_monitoring_alerts(actor, alerts);
        return json_response(200, {{"alerts", receipt.alerts},
                                   {"notice_ids", receipt.notice_ids},
                                   {"unmapped", receipt.unmapped}});
      });
  add_guarded_route(
      routes, "POST", "/api/v1/monitoring/zabbix", [&ctx, &desk](const http::Request& r) {
        auto actor = require_caller(ctx, r);
        const auto alert = zabbix_alert_of(json_body(r, ctx.max_json_bytes));
        const auto receipt = desk.status_notices().receive_monitoring_alerts(actor, {alert});
        return json_response(200, {{"alerts", receipt.alerts},
                                   {"notice_ids", receipt.notice_ids},
                                   {"unmapped", receipt.unmapped}});
      });
}

}  // namespace guiche::api
