// The OpenAPI rows and schemas of the reports (api/report_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& report_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/reports/sla-compliance",
       "Cumprimento de SLA no período (dias em hora de Brasília; o mês corrente se omitido): "
       "por severidade e por serviço, chamados com prazo de solução no período, cumpridos, "
       "violados, % cumpridos, P50/P90 de 1ª resposta e de solução em milissegundos de tempo "
       "útil, resolvidos e reabertos; e os chamados violados pela ordem do prazo (after: o "
       "next_after da página anterior). Para a diretoria, gestores de unidade (as suas unidades "
       "e as abaixo delas), gestores de órgão (só os chamados do seu órgão: organization é o seu, "
       "outro dá 404) e administradores; 403 para os demais. counting_percent: presente "
       "enquanto os números ainda estão sendo recontados",
       "relatorios",
       nullptr,
       "SlaComplianceReport",
       200,
       {"from", "to", "unit", "organization", "service", "severity", "channel", "category",
        "target", "limit", "after"}},
      {"GET",
       "/api/v1/reports/volume",
       "Volume e estoque no período: registrados por dia, semana, canal, serviço, categoria e "
       "unidade; encerrados; estoque no fim de cada dia até hoje; idade dos chamados abertos "
       "agora. Mesmos filtros e mesma autorização do relatório de SLA",
       "relatorios",
       nullptr,
       "VolumeReport",
       200,
       {"from", "to", "unit", "organization", "service", "severity", "channel", "category"}},
      {"GET",
       "/api/v1/reports/subscriptions",
       "Os relatórios agendados de quem chama: cada um vai por e-mail (resumo, tabelas em CSV "
       "anexas, link) quando o período termina — semanal na segunda às 07:00 com a semana "
       "anterior, mensal no dia 1º às 07:00 com o mês anterior (hora de Brasília)",
       "relatorios",
       nullptr,
       "ReportSubscriptionList",
       200,
       {}},
      {"POST",
       "/api/v1/reports/subscriptions",
       "Assinar um relatório (report: sla, volume, satisfacao, carta, incidentes ou manifestacoes; "
       "frequency: weekly ou monthly; filters: os "
       "do relatório), para quem pode lê-lo e tem e-mail; os filtros são conferidos como o "
       "relatório os lê",
       "relatorios",
       "NewReportSubscription",
       "ReportSubscription",
       201,
       {}},
      {"DELETE",
       "/api/v1/reports/subscriptions/:id",
       "Cancelar uma assinatura própria (a de outra pessoa: 404)",
       "relatorios",
       nullptr,
       nullptr,
       204,
       {}},
  };
  return ops;
}

nlohmann::ordered_json openapi_report_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "ReportQuery": {"type": "object", "properties": {
    "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
    "unit": {"type": ["integer", "null"]}, "organization": {"type": ["integer", "null"]},
    "service": {"type": ["integer", "null"]},
    "severity": {"type": ["string", "null"]}, "channel": {"type": ["string", "null"]},
    "category": {"type": ["string", "null"]}, "target_percent": {"type": "integer"}}},
  "ComplianceLine": {"type": "object", "properties": {
    "key": {"type": "string"}, "label": {"type": "string"},
    "due": {"type": "integer"}, "met": {"type": "integer"}, "breached": {"type": "integer"},
    "pending": {"type": "integer"}, "met_percent": {"type": ["number", "null"]},
    "resolved": {"type": "integer"}, "reopened": {"type": "integer"},
    "reopen_percent": {"type": ["number", "null"]}, "first_responses": {"type": "integer"},
    "first_response_p50_ms": {"type": ["integer", "null"]},
    "first_response_p90_ms": {"type": ["integer", "null"]},
    "resolution_p50_ms": {"type": ["integer", "null"]},
    "resolution_p90_ms": {"type": ["integer", "null"]}}},
  "BreachedTicket": {"type": "object", "properties": {
    "ticket_id": {"type": "integer"}, "protocol": {"type": "string"},
    "subject": {"type": "string"}, "service": {"type": "string"}, "unit": {"type": "string"},
    "severity": {"type": "string"}, "status": {"type": "string"},
    "deadline": {"type": "string", "format": "date-time"},
    "resolution_ms": {"type": ["integer", "null"]}}},
  "SlaComplianceReport": {"type": "object", "properties": {
    "counting_percent": {"type": ["integer", "null"]},
    "query": {"$ref": "#/components/schemas/ReportQuery"},
    "total": {"$ref": "#/components/schemas/ComplianceLine"},
    "by_severity": {"type": "array", "items": {"$ref": "#/components/schemas/ComplianceLine"}},
    "by_service": {"type": "array", "items": {"$ref": "#/components/schemas/ComplianceLine"}},
    "breached_tickets": {"type": "array", "items": {"$ref": "#/components/schemas/BreachedTicket"}},
    "next_after": {"type": ["string", "null"]}}},
  "ReportFilters": {"type": "object", "additionalProperties": false, "properties": {
    "unit": {"type": "integer"}, "organization": {"type": "integer"},
    "service": {"type": "integer"}, "severity": {"type": "string"},
    "channel": {"type": "string"}, "category": {"type": "string"},
    "target": {"type": "integer"}, "kind": {"type": "string"}}},
  "NewReportSubscription": {"type": "object", "required": ["report", "frequency"],
    "properties": {"report": {"enum": ["sla", "volume", "satisfacao", "carta", "incidentes", "manifestacoes"]},
      "frequency": {"enum": ["weekly", "monthly"]},
      "filters": {"$ref": "#/components/schemas/ReportFilters"}}},
  "ReportSubscription": {"type": "object", "properties": {
    "id": {"type": "integer"}, "report": {"type": "string"}, "frequency": {"type": "string"},
    "filters": {"$ref": "#/components/schemas/ReportFilters"},
    "next_run_at": {"type": "string", "format": "date-time"},
    "last_period": {"type": ["string", "null"]},
    "created_at": {"type": "string", "format": "date-time"}}},
  "ReportSubscriptionList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/ReportSubscription"}}}},
  "ReportCountLine": {"type": "object", "properties": {
    "key": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer"}}},
  "VolumeReport": {"type": "object", "properties": {
    "counting_percent": {"type": ["integer", "null"]},
    "query": {"$ref": "#/components/schemas/ReportQuery"},
    "registered": {"type": "integer"}, "ended": {"type": "integer"},
    "open_now": {"type": "integer"},
    "days": {"type": "array", "items": {"type": "object", "properties": {
      "day": {"type": "string", "format": "date"}, "registered": {"type": "integer"},
      "registered_by_channel": {"type": "object", "additionalProperties": {"type": "integer"}},
      "ended": {"type": "integer"}, "backlog": {"type": ["integer", "null"]}}}},
    "weeks": {"type": "array", "items": {"type": "object", "properties": {
      "first_day": {"type": "string", "format": "date"}, "registered": {"type": "integer"},
      "registered_by_channel": {"type": "object", "additionalProperties": {"type": "integer"}}}}},
    "by_channel": {"type": "array", "items": {"$ref": "#/components/schemas/ReportCountLine"}},
    "by_service": {"type": "array", "items": {"$ref": "#/components/schemas/ReportCountLine"}},
    "by_category": {"type": "array", "items": {"$ref": "#/components/schemas/ReportCountLine"}},
    "by_unit": {"type": "array", "items": {"$ref": "#/components/schemas/ReportCountLine"}},
    "aging": {"type": "array", "items": {"$ref": "#/components/schemas/ReportCountLine"}},
    "time_logged": {"type": "array", "description": "Minutes agents logged in the period (time entries and resolutions), by the ticket's current unit and service.",
      "items": {"type": "object", "properties": {
        "unit_id": {"type": ["integer", "null"]}, "unit": {"type": "string"},
        "service_id": {"type": "integer"}, "service": {"type": "string"},
        "minutes": {"type": "integer"}, "entries": {"type": "integer"}}}},
    "time_total": {"type": "object", "properties": {
      "minutes": {"type": "integer"}, "entries": {"type": "integer"}}}}}
})JSON");
}

}  // namespace guiche::api
