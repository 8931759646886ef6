// The OpenAPI rows and schemas of the satisfaction report and the charter
// panel (api/satisfaction_report_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& satisfaction_report_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/reports/satisfaction",
       "Satisfação no período (dias em hora de Brasília; o mês corrente se omitido), pelos "
       "chamados resolvidos nele (a última solução): perguntados (todo chamado resolvido recebe "
       "a pesquisa), avaliações de 1 a 5 estrelas (stars[0] é 1 estrela), taxa de resposta "
       "(avaliados ÷ perguntados) e média, no total, por serviço e por unidade; e os "
       "comentários, da solução mais recente para a mais antiga (after: o next_after da página "
       "anterior). Mesmos filtros e mesma autorização do relatório de SLA",
       "relatorios",
       nullptr,
       "SatisfactionReport",
       200,
       {"from", "to", "unit", "organization", "service", "severity", "channel", "category", "limit",
        "after"}},
      {"GET",
       "/api/v1/reports/charter",
       "Painel da Carta de Serviços: por serviço público, os números que a Carta mostra "
       "(registrados, resolvidos, mediana do tempo de solução em milissegundos corridos, % "
       "resolvidos no prazo publicado, avaliações e média) sobre os chamados registrados nos "
       "meses que o período toca, de todo o atendimento (são os números públicos da Carta). "
       "Filtra por unidade responsável e serviço (organization, severity, channel e category: "
       "422). Mesma autorização do relatório de SLA",
       "relatorios",
       nullptr,
       "CharterPanel",
       200,
       {"from", "to", "unit", "service"}},
  };
  return ops;
}

nlohmann::ordered_json openapi_satisfaction_report_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "RatingLine": {"type": "object", "properties": {
    "key": {"type": "string"}, "label": {"type": "string"},
    "asked": {"type": "integer"}, "rated": {"type": "integer"},
    "stars": {"type": "array", "items": {"type": "integer"}, "minItems": 5, "maxItems": 5},
    "commented": {"type": "integer"},
    "response_percent": {"type": ["number", "null"]}, "average": {"type": ["number", "null"]}}},
  "RatingComment": {"type": "object", "properties": {
    "ticket_id": {"type": "integer"}, "protocol": {"type": "string"},
    "service": {"type": "string"}, "unit": {"type": "string"},
    "rating": {"type": "integer"}, "comment": {"type": "string"},
    "resolved_at": {"type": "string", "format": "date-time"}}},
  "SatisfactionReport": {"type": "object", "properties": {
    "query": {"$ref": "#/components/schemas/ReportQuery"},
    "counting_percent": {"type": ["integer", "null"]},
    "total": {"$ref": "#/components/schemas/RatingLine"},
    "by_service": {"type": "array", "items": {"$ref": "#/components/schemas/RatingLine"}},
    "by_unit": {"type": "array", "items": {"$ref": "#/components/schemas/RatingLine"}},
    "comments": {"type": "array", "items": {"$ref": "#/components/schemas/RatingComment"}},
    "next_after": {"type": ["string", "null"]}}},
  "CharterPanel": {"type": "object", "properties": {
    "query": {"$ref": "#/components/schemas/ReportQuery"},
    "first_month": {"type": "string"}, "last_month": {"type": "string"},
    "services": {"type": "array", "items": {"type": "object", "properties": {
      "service_id": {"type": "integer"}, "code": {"type": "string"},
      "name": {"type": "string"}, "unit": {"type": "string"},
      "deadline": {"type": "string"}, "registered": {"type": "integer"},
      "resolved": {"type": "integer"},
      "median_resolution_ms": {"type": ["integer", "null"]},
      "in_time_percent": {"type": ["number", "null"]},
      "ratings": {"type": "integer"}, "mean_rating": {"type": ["number", "null"]}}}}}}
})JSON");
}

}  // namespace guiche::api
