// The OpenAPI rows and schemas of the LGPD access log (api/access_log_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& privacy_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/access-log",
       "Registro de acessos a dados pessoais (LGPD, art. 37): quem leu dados de quem, quando, "
       "por onde e o quê, mais recente primeiro. Só administradores e o encarregado de dados "
       "(403 para os demais). Filtros: titular (subject_person_id), leitor (reader_person_id), "
       "período [since, until) em ISO 8601; after: o next_after da página anterior",
       "privacidade",
       nullptr,
       "AccessLogPage",
       200,
       {"subject_person_id", "reader_person_id", "since", "until", "limit", "after"}},
  };
  return ops;
}

nlohmann::ordered_json openapi_privacy_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "AccessLogEntry": {"type": "object", "properties": {
    "id": {"type": "integer"},
    "at": {"type": "string", "format": "date-time"},
    "reader_person_id": {"type": ["integer", "null"]},
    "reader_name": {"type": "string"},
    "reader_token_id": {"type": ["integer", "null"], "description": "o token de API usado, se houve"},
    "reader_address": {"type": "string"},
    "channel": {"type": "string", "enum": ["api", "web"]},
    "subject_person_id": {"type": "integer", "description": "o titular dos dados (num chamado, o solicitante)"},
    "subject_name": {"type": "string"},
    "object_kind": {"type": "string", "enum": ["ticket", "ticket_events", "attachment", "person", "people_search"]},
    "object_id": {"type": "integer"}}},
  "AccessLogPage": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/AccessLogEntry"}},
    "next_after": {"type": ["string", "null"]}}}
})JSON");
}

}  // namespace guiche::api
