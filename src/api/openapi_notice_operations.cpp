// The OpenAPI rows and schemas of incident communication (api/notice_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& notice_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/status-components",
       "Componentes da página de situação, ativos e inativos (pessoas autenticadas)",
       "comunicados",
       nullptr,
       "StatusComponentList",
       200,
       {}},
      {"POST",
       "/api/v1/status-components",
       "Cadastrar um componente: serviço ou item de infraestrutura, grupo, unidade responsável "
       "e órgãos que o usam (administradores)",
       "comunicados",
       "StatusComponentInput",
       "StatusComponent",
       201,
       {}},
      {"PATCH",
       "/api/v1/status-components/:id",
       "Alterar um componente: só os campos enviados (administradores)",
       "comunicados",
       "StatusComponentInput",
       "StatusComponent",
       200,
       {}},
      {"GET",
       "/api/v1/notices",
       "Quadro de comunicados em aberto, mais recentes primeiro (equipe, ASCOM, direção)",
       "comunicados",
       nullptr,
       "NoticeList",
       200,
       {}},
      {"POST",
       "/api/v1/notices",
       "Relatar um possível incidente (gestor de órgão cliente ou equipe) ou programar uma "
       "manutenção (equipe responsável ou ASCOM)",
       "comunicados",
       "NewNotice",
       "Notice",
       201,
       {}},
      {"GET",
       "/api/v1/notices/:id",
       "Um comunicado com toda a linha do tempo, rascunhos incluídos (equipe e quem relatou)",
       "comunicados",
       nullptr,
       "Notice",
       200,
       {}},
      {"POST",
       "/api/v1/notices/:id/actions",
       "Um passo da norma NPI-007: acknowledge (6.1), not_confirm (6.2), confirm_general (6.3), "
       "restore (6.4), confirm_organization (6.6), update, leadership_confirm, "
       "leadership_restore, reschedule, start, complete, cancel, publish",
       "comunicados",
       "NoticeAction",
       "Notice",
       200,
       {}},
      {"POST",
       "/api/v1/notices/:id/tickets",
       "Vincular um chamado (SA) ao comunicado: idempotente; um evento interno do comunicado e "
       "do chamado (equipe que vê o chamado)",
       "comunicados",
       "NoticeTicketLink",
       "Notice",
       200,
       {}},
      {"DELETE",
       "/api/v1/notices/:id/tickets/:ticket_id",
       "Desvincular um chamado do comunicado: idempotente (equipe que vê o chamado)",
       "comunicados",
       nullptr,
       nullptr,
       204,
       {}},
      {"POST",
       "/api/v1/notices/:id/resolve-tickets",
       "Depois do restabelecimento (6.4) ou da conclusão da manutenção: resolver cada chamado "
       "vinculado ainda aberto com uma só nota; cada solicitante é avisado pelo seu canal; o que "
       "não pôde ser resolvido volta na resposta com o motivo (409 antes do restabelecimento)",
       "comunicados",
       "ResolveLinkedTickets",
       "ResolveLinkedReport",
       200,
       {}},
      {"POST",
       "/api/v1/monitoring/alertmanager",
       "Alertas do Prometheus Alertmanager (webhook, versão 4), com o token de uma conta da "
       "equipe: cada alerta disparado abre ou atualiza um rascunho de incidente do componente "
       "indicado pelos rótulos; nunca publica",
       "comunicados",
       "AlertmanagerPayload",
       "MonitoringReceipt",
       200,
       {}},
      {"POST",
       "/api/v1/monitoring/zabbix",
       "Um evento do Zabbix (o tipo de mídia webhook de contrib/zabbix), com o token de uma "
       "conta da equipe: um problema abre ou atualiza um rascunho de incidente do componente "
       "indicado pelas tags; a recuperação o marca; nunca publica",
       "comunicados",
       "ZabbixEvent",
       "MonitoringReceipt",
       200,
       {}},
  };
  return ops;
}

nlohmann::ordered_json openapi_notice_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "StatusComponent": {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"}, "group_name": {"type": "string"},
    "description": {"type": "string"}, "service_id": {"type": ["integer", "null"]},
    "responsible_unit_id": {"type": "integer"},
    "organization_ids": {"type": "array", "items": {"type": "integer"}},
    "active": {"type": "boolean"}}},
  "StatusComponentInput": {"type": "object", "additionalProperties": false, "properties": {
    "name": {"type": "string", "maxLength": 120}, "group_name": {"type": "string"},
    "description": {"type": "string", "maxLength": 500}, "service_id": {"type": ["integer", "null"]},
    "responsible_unit_id": {"type": "integer"},
    "organization_ids": {"type": "array", "items": {"type": "integer"}},
    "active": {"type": "boolean"}}},
  "StatusComponentList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/StatusComponent"}}}},
  "NoticeEvent": {"type": "object", "properties": {
    "id": {"type": "integer"}, "action": {"type": "string"}, "state": {"type": "string"},
    "at": {"type": "string", "format": "date-time"}, "actor_id": {"type": ["integer", "null"]},
    "channel": {"type": "string"}, "data": {"type": "object"},
    "message": {"type": ["object", "null"], "description": "key, title and text as sent or shown"},
    "published_at": {"type": ["string", "null"], "format": "date-time",
      "description": "null: a draft, never public (or the receipt, sent to the reporter alone)"}}},
  "Notice": {"type": "object", "properties": {
    "id": {"type": "integer"}, "kind": {"enum": ["incident", "maintenance"]},
    "state": {"enum": ["reported", "acknowledged", "not_confirmed", "confirmed_organization",
      "confirmed_general", "restored", "scheduled", "in_progress", "completed", "cancelled"]},
    "public_state": {"type": ["string", "null"], "description": "what /status shows"},
    "title": {"type": "string"}, "impact": {"type": "string"},
    "component_ids": {"type": "array", "items": {"type": "integer"}},
    "organization_id": {"type": ["integer", "null"], "description": "null: general"},
    "reporter_kind": {"enum": ["client", "staff", "monitoring"]},
    "reported_by": {"type": ["integer", "null"]},
    "starts_at": {"type": ["string", "null"], "format": "date-time"},
    "ends_at": {"type": ["string", "null"], "format": "date-time"},
    "created_at": {"type": "string", "format": "date-time"},
    "updated_at": {"type": "string", "format": "date-time"},
    "has_drafts": {"type": "boolean"},
    "ticket_ids": {"type": "array", "items": {"type": "integer"}},
    "tickets": {"type": "array", "items": {"$ref": "#/components/schemas/LinkedTicket"}},
    "events": {"type": "array", "items": {"$ref": "#/components/schemas/NoticeEvent"}}}},
  "LinkedTicket": {"type": "object", "properties": {
    "id": {"type": "integer"}, "protocol": {"type": "string"}, "status": {"type": "string"},
    "subject": {"type": ["string", "null"], "description": "null: a ticket the caller may not see"},
    "requester_name": {"type": ["string", "null"]}}},
  "NoticeTicketLink": {"type": "object", "required": ["ticket_id"],
    "additionalProperties": false, "properties": {"ticket_id": {"type": "integer"}}},
  "ResolveLinkedTickets": {"type": "object", "required": ["note"],
    "additionalProperties": false, "properties": {
    "note": {"type": "string", "maxLength": 20000, "description": "each ticket's resolution"},
    "time_spent_minutes": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1,
      "description": "recorded on each ticket; the work was the incident's"}}},
  "ResolveLinkedReport": {"type": "object", "properties": {
    "resolved": {"type": "integer"}, "failed": {"type": "integer"},
    "items": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/LinkedTicket"},
      {"type": "object", "properties": {
        "result": {"enum": ["resolved", "already_done", "failed"]},
        "reason": {"type": ["string", "null"], "description": "why it failed, pt-BR"}}}]}}}},
  "NoticeList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Notice"}}}},
  "NewNotice": {"type": "object", "required": ["kind", "component_ids"],
    "additionalProperties": false, "properties": {
    "kind": {"enum": ["incident", "maintenance"]},
    "component_ids": {"type": "array", "items": {"type": "integer"}},
    "title": {"type": "string", "maxLength": 200}, "impact": {"type": "string", "maxLength": 500},
    "description": {"type": "string", "description": "incident: what the reporter saw"},
    "organization_id": {"type": "integer", "description": "incident: the organization it concerns"},
    "starts_at": {"type": "string", "format": "date-time", "description": "maintenance"},
    "ends_at": {"type": "string", "format": "date-time", "description": "maintenance"}}},
  "AlertmanagerPayload": {"type": "object", "required": ["alerts"], "properties": {
    "version": {"const": "4"}, "status": {"enum": ["firing", "resolved"]},
    "alerts": {"type": "array", "maxItems": 1000, "items": {"type": "object",
      "required": ["status", "labels", "startsAt", "fingerprint"], "properties": {
      "status": {"enum": ["firing", "resolved"]},
      "labels": {"type": "object", "description": "guiche_component, component or service: the component's name or id"},
      "annotations": {"type": "object", "description": "summary: the draft's title; description"},
      "startsAt": {"type": "string", "format": "date-time"},
      "endsAt": {"type": "string", "format": "date-time"},
      "fingerprint": {"type": "string"}}}}}},
  "ZabbixEvent": {"type": "object", "required": ["event_id", "event_value", "event_time",
    "trigger_name"], "properties": {
    "event_id": {"type": "string", "description": "{EVENT.ID}: the problem's, also on recovery"},
    "event_value": {"enum": ["1", "0"], "description": "{EVENT.VALUE}: 1 problem, 0 recovery"},
    "event_time": {"type": "string", "format": "date-time",
      "description": "{EVENT.DATE} {EVENT.TIME}, when the problem began, in UTC"},
    "host": {"type": "string"}, "trigger_id": {"type": "string"},
    "trigger_name": {"type": "string", "description": "the draft's title"},
    "severity": {"type": "string"},
    "tags": {"type": "array", "description": "{EVENT.TAGSJSON}; component (or guiche_component, service) names the component",
      "items": {"type": "object", "required": ["tag"], "properties": {
        "tag": {"type": "string"}, "value": {"type": "string"}}}}}},
  "MonitoringReceipt": {"type": "object", "properties": {
    "alerts": {"type": "integer"}, "notice_ids": {"type": "array", "items": {"type": "integer"}},
    "unmapped": {"type": "integer", "description": "firing alerts naming no component"}}},
  "NoticeAction": {"type": "object", "required": ["action"], "additionalProperties": false,
    "properties": {
    "action": {"enum": ["acknowledge", "not_confirm", "confirm_organization", "confirm_general",
      "update", "leadership_confirm", "restore", "leadership_restore", "reschedule", "start",
      "complete", "cancel", "publish"]},
    "text": {"type": "string", "description": "update"},
    "position": {"type": "string", "description": "leadership: the position signed under the name"},
    "impact": {"type": "string"}, "organization_id": {"type": "integer"},
    "starts_at": {"type": "string", "format": "date-time"},
    "ends_at": {"type": "string", "format": "date-time"}}}
})JSON");
}

}  // namespace guiche::api
