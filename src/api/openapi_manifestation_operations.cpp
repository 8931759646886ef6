// The OpenAPI rows and schemas of manifestações (api/manifestation_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& manifestation_operations() {
  static const std::vector<OperationDoc> ops = {
      {"POST", "/api/v1/manifestations",
       "Registrar uma manifestação (Lei 13.460): sem acesso, ou com ele para ligá-la à pessoa. "
       "Anônima só reclamação ou denúncia. Devolve o protocolo e o código de acompanhamento, "
       "mostrado só desta vez",
       "manifestações", "ManifestationForm", "ManifestationReceipt", 201, {}, false},
      {"POST", "/api/v1/manifestations/track",
       "Consultar uma manifestação pelo protocolo e código de acompanhamento, sem acesso. "
       "Protocolo desconhecido e código errado dão o mesmo 404; tentativas demais, 429",
       "manifestações", "ManifestationTracking", "TrackedManifestation", 200, {}, false},
      {"POST", "/api/v1/manifestations/track/complement",
       "Complementar a manifestação quando a ouvidoria pediu (protocolo e código); o prazo "
       "volta a correr",
       "manifestações", "ManifestationComplement", "TrackedManifestation", 200, {}, false},
      {"GET", "/api/v1/manifestations",
       "Fila da ouvidoria: as em andamento por prazo (status=running, cursor after_due_on + "
       "after_id) ou todas, mais recentes primeiro (status=all, cursor before)",
       "manifestações", nullptr, "ManifestationList", 200,
       {"status", "limit", "after_due_on", "after_id", "before"}},
      {"GET", "/api/v1/manifestations/:id",
       "Uma manifestação: a ouvidoria, ou a equipe que vê um chamado ligado a ela (sem a "
       "identidade de quem pediu sigilo)",
       "manifestações", nullptr, "Manifestation", 200, {}},
      {"POST", "/api/v1/manifestations/:id/complement-request",
       "Pedir complementação ao manifestante (uma vez): o prazo fica suspenso até ela chegar",
       "manifestações", "ManifestationText", "Manifestation", 200, {}},
      {"POST", "/api/v1/manifestations/:id/extension",
       "Prorrogar o prazo uma vez, com o motivo (comunicado ao manifestante)", "manifestações",
       "ManifestationExtension", "Manifestation", 200, {}},
      {"POST", "/api/v1/manifestations/:id/answer",
       "Responder (encerra a manifestação; vai pelo canal escolhido)", "manifestações",
       "ManifestationText", "Manifestation", 200, {}},
      {"POST", "/api/v1/manifestations/:id/archive",
       "Arquivar a manifestação cuja complementação não veio no prazo", "manifestações",
       nullptr, "Manifestation", 200, {}},
      {"POST", "/api/v1/manifestations/:id/tickets",
       "Ligar a manifestação a um chamado pelo protocolo dele", "manifestações",
       "ManifestationTicketLink", "Manifestation", 200, {}},
      {"GET", "/api/v1/manifestation-settings",
       "Configuração da ouvidoria (administradores e ouvidoria)", "manifestações", nullptr,
       "ManifestationSettings", 200, {}},
      {"PUT", "/api/v1/manifestation-settings",
       "Alterar a configuração da ouvidoria (administradores); prazos até os da lei",
       "manifestações", "ManifestationSettings", "ManifestationSettings", 200, {}},
  };
  return ops;
}

nlohmann::ordered_json openapi_manifestation_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "ManifestationForm": {"type": "object", "additionalProperties": false,
    "required": ["kind", "subject", "description"],
    "properties": {
      "kind": {"enum": ["complaint", "report", "praise", "suggestion", "request_for_action"]},
      "identification": {"enum": ["identified", "confidential", "anonymous"], "default": "identified"},
      "answer_channel": {"enum": ["email", "tracking"], "description": "vazio: e-mail se houver"},
      "service_code": {"type": "string", "description": "serviço da Carta; vazio: a unidade em geral"},
      "subject": {"type": "string", "maxLength": 200},
      "description": {"type": "string", "maxLength": 8000},
      "name": {"type": "string", "maxLength": 200},
      "email": {"type": "string"}, "phone": {"type": "string"}, "cpf": {"type": "string"}}},
  "ManifestationReceipt": {"type": "object", "properties": {
    "protocol": {"type": "string", "example": "OUV-2026-000001"},
    "tracking_code": {"type": "string", "example": "ABCD-EFGH-JKLM"},
    "due_on": {"type": "string", "format": "date"}}},
  "ManifestationTracking": {"type": "object", "additionalProperties": false,
    "required": ["protocol", "tracking_code"],
    "properties": {"protocol": {"type": "string"}, "tracking_code": {"type": "string"}}},
  "ManifestationComplement": {"type": "object", "additionalProperties": false,
    "required": ["protocol", "tracking_code", "text"],
    "properties": {"protocol": {"type": "string"}, "tracking_code": {"type": "string"},
      "text": {"type": "string", "maxLength": 8000}}},
  "ManifestationText": {"type": "object", "additionalProperties": false, "required": ["text"],
    "properties": {"text": {"type": "string"}}},
  "ManifestationExtension": {"type": "object", "additionalProperties": false,
    "required": ["reason"], "properties": {"reason": {"type": "string", "maxLength": 4000}}},
  "ManifestationTicketLink": {"type": "object", "additionalProperties": false,
    "required": ["protocol"], "properties": {"protocol": {"type": "string"}}},
  "ManifestationEvent": {"type": "object", "properties": {
    "kind": {"enum": ["registered", "complement_requested", "complemented", "extended",
                      "answered", "archived", "ticket_linked"]},
    "text": {"type": "string"}, "at": {"type": "string", "format": "date-time"},
    "actor_name": {"type": "string"}}},
  "TrackedManifestation": {"type": "object", "properties": {
    "protocol": {"type": "string"}, "kind": {"type": "string"},
    "identification": {"type": "string"},
    "status": {"enum": ["open", "awaiting_complement", "answered", "archived"]},
    "service_id": {"type": ["integer", "null"]}, "service_name": {"type": "string"},
    "subject": {"type": "string"}, "description": {"type": "string"},
    "answer_channel": {"type": "string"},
    "registered_at": {"type": "string", "format": "date-time"},
    "due_on": {"type": "string", "format": "date"},
    "deadline_standing": {"enum": ["on_time", "due_soon", "overdue"]},
    "extended": {"type": "boolean"}, "extension_reason": {"type": "string"},
    "complement_due_on": {"type": ["string", "null"], "format": "date"},
    "answer": {"type": "string"},
    "answered_at": {"type": ["string", "null"], "format": "date-time"},
    "events": {"type": "array", "items": {"$ref": "#/components/schemas/ManifestationEvent"}}}},
  "Manifestation": {"allOf": [{"$ref": "#/components/schemas/TrackedManifestation"},
    {"type": "object", "properties": {
      "id": {"type": "integer"}, "unit_id": {"type": ["integer", "null"]},
      "identity_shown": {"type": "boolean", "description": "falso quando a identidade é sigilosa para quem lê"},
      "manifestant": {"type": ["object", "null"], "properties": {
        "person_id": {"type": ["integer", "null"]}, "name": {"type": "string"},
        "email": {"type": "string"}, "phone": {"type": "string"}, "cpf": {"type": "string"}}},
      "tickets": {"type": "array", "items": {"type": "object", "properties": {
        "ticket_id": {"type": "integer"}, "protocol": {"type": "string"},
        "subject": {"type": "string"}}}},
      "complement_window_over": {"type": "boolean"}}}]},
  "ManifestationList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Manifestation"}}}},
  "ManifestationSettings": {"type": "object", "additionalProperties": false, "properties": {
    "unit_id": {"type": ["integer", "null"]}, "calendar": {"type": "string"},
    "answer_days": {"type": "integer", "minimum": 1, "maximum": 30},
    "extension_days": {"type": "integer", "minimum": 0, "maximum": 30},
    "complement_days": {"type": "integer", "minimum": 1, "maximum": 20},
    "warning_days": {"type": "integer", "minimum": 0, "maximum": 30}}}
})JSON");
}

}  // namespace guiche::api
