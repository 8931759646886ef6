// The OpenAPI rows and schemas of the incidents and manifestações reports
// (api/incident_report_routes.cpp, api/manifestation_report_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& incident_manifestation_report_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/reports/incidents",
       "Incidentes (norma NPI-007) relatados no período (dias em hora de Brasília; o mês "
       "corrente se omitido): relatados, confirmados, não confirmados, em análise, "
       "restabelecidos, órgãos afetados, chamados vinculados, tempos até a confirmação "
       "(relato → 1ª confirmação), até o restabelecimento (1ª confirmação → restabelecimento) e "
       "duração (relato → restabelecimento) em milissegundos corridos; por mês, por órgão "
       "afetado, por componente e um a um. unit: unidade responsável por um componente (com as "
       "subunidades); organization: os incidentes que dizem respeito ao órgão. Para a diretoria, "
       "a comunicação (ASCOM), os administradores e os gestores de unidade (os comunicados dos "
       "componentes das suas unidades); 403 para os demais",
       "relatorios",
       nullptr,
       "IncidentReport",
       200,
       {"from", "to", "unit", "organization"}},
      {"GET",
       "/api/v1/reports/manifestations",
       "Manifestações (Lei 13.460, art. 14 e 15) registradas no período: por tipo, serviço, "
       "situação e mês; respondidas em até 30 dias, no prazo prorrogado, fora do prazo, "
       "prorrogadas, vencidas, arquivadas, chamados vinculados e tempo de resposta em dias "
       "corridos. Só contagens, sem identidade nem texto. Para a ouvidoria, a diretoria e os "
       "administradores; 403 para os demais",
       "relatorios",
       nullptr,
       "ManifestationReport",
       200,
       {"from", "to", "service", "kind"}},
  };
  return ops;
}

nlohmann::ordered_json openapi_incident_manifestation_report_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "IncidentFigures": {"type": "object", "properties": {
    "reported": {"type": "integer"}, "in_analysis": {"type": "integer"},
    "not_confirmed": {"type": "integer"}, "confirmed": {"type": "integer"},
    "restored": {"type": "integer"}, "organizations_affected": {"type": "integer"},
    "linked_tickets": {"type": "integer"},
    "to_confirmation_median_ms": {"type": ["integer", "null"]},
    "to_confirmation_mean_ms": {"type": ["integer", "null"]},
    "to_restoration_median_ms": {"type": ["integer", "null"]},
    "to_restoration_mean_ms": {"type": ["integer", "null"]},
    "duration_median_ms": {"type": ["integer", "null"]},
    "duration_total_ms": {"type": "integer"},
    "month": {"type": "string", "description": "AAAA-MM, nas linhas de months"}}},
  "IncidentReport": {"type": "object", "properties": {
    "query": {"type": "object", "properties": {
      "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
      "unit": {"type": ["integer", "null"]}, "organization": {"type": ["integer", "null"]}}},
    "total": {"$ref": "#/components/schemas/IncidentFigures"},
    "months": {"type": "array", "items": {"$ref": "#/components/schemas/IncidentFigures"}},
    "incidents": {"type": "array", "items": {"type": "object", "properties": {
      "notice_id": {"type": "integer"}, "title": {"type": "string"},
      "outcome": {"type": "string", "enum": ["in_analysis", "not_confirmed", "confirmed", "restored"]},
      "components": {"type": "array", "items": {"type": "string"}},
      "scope": {"type": "string"},
      "reported_at": {"type": "string", "format": "date-time"},
      "confirmed_at": {"type": ["string", "null"], "format": "date-time"},
      "restored_at": {"type": ["string", "null"], "format": "date-time"},
      "first_published_at": {"type": ["string", "null"], "format": "date-time"},
      "to_confirmation_ms": {"type": ["integer", "null"]},
      "to_restoration_ms": {"type": ["integer", "null"]},
      "duration_ms": {"type": ["integer", "null"]},
      "affected_organization_ids": {"type": "array", "items": {"type": "integer"}},
      "linked_tickets": {"type": "integer"}}}},
    "by_organization": {"type": "array", "items": {"$ref": "#/components/schemas/ReportCountLine"}},
    "by_component": {"type": "array", "items": {"$ref": "#/components/schemas/ReportCountLine"}}}},
  "ManifestationCounts": {"type": "object", "properties": {
    "key": {"type": "string"}, "label": {"type": "string"},
    "received": {"type": "integer"}, "open": {"type": "integer"},
    "awaiting_complement": {"type": "integer"}, "answered": {"type": "integer"},
    "archived": {"type": "integer"}, "answered_on_time": {"type": "integer"},
    "answered_within_30_days": {"type": "integer"},
    "answered_in_extended_term": {"type": "integer"}, "answered_late": {"type": "integer"},
    "extended": {"type": "integer"}, "overdue": {"type": "integer"},
    "complement_requested": {"type": "integer"}, "with_linked_tickets": {"type": "integer"},
    "linked_tickets": {"type": "integer"},
    "by_kind": {"type": "object", "additionalProperties": {"type": "integer"}},
    "answer_days_mean": {"type": ["number", "null"]},
    "answer_days_median": {"type": ["number", "null"]}}},
  "ManifestationReport": {"type": "object", "properties": {
    "query": {"type": "object", "properties": {
      "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
      "service": {"type": ["integer", "null"]}, "kind": {"type": ["string", "null"]}}},
    "today": {"type": "string", "format": "date"},
    "total": {"$ref": "#/components/schemas/ManifestationCounts"},
    "by_kind": {"type": "array", "items": {"$ref": "#/components/schemas/ManifestationCounts"}},
    "by_service": {"type": "array", "items": {"$ref": "#/components/schemas/ManifestationCounts"}},
    "months": {"type": "array", "items": {"$ref": "#/components/schemas/ManifestationCounts"}}}}
})JSON");
}

}  // namespace guiche::api
