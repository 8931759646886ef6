// The schemas of the OpenAPI document: what each resource looks like.
#include <nlohmann/json.hpp>

namespace guiche::api {

nlohmann::ordered_json openapi_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "Problem": {
    "type": "object",
    "description": "RFC 9457 problem details; detail is in pt-BR.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
      "type": {"type": "string"}, "title": {"type": "string"},
      "status": {"type": "integer"}, "detail": {"type": "string"},
      "errors": {"type": "array", "items": {"type": "object", "properties": {
        "field": {"type": "string"}, "message": {"type": "string"}}}}
    }
  },
  "Health": {"type": "object", "properties": {
    "status": {"type": "string"}, "database": {"enum": ["sqlite", "postgresql"]},
    "schema_version": {"type": "integer"}}},
  "Credentials": {"type": "object", "required": ["login", "password"], "properties": {
    "login": {"type": "string"}, "password": {"type": "string"}}},
  "PasswordChange": {"type": "object", "required": ["current_password", "new_password"],
    "properties": {"current_password": {"type": "string"}, "new_password": {"type": "string", "minLength": 8}}},
  "PersonSummary": {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"}, "login": {"type": ["string", "null"]},
    "organization_id": {"type": ["integer", "null"]},
    "roles": {"type": "array", "items": {"type": "object", "properties": {
      "role": {"type": "string"}, "unit_id": {"type": ["integer", "null"]}}}},
    "must_change_password": {"type": "boolean"}}},
  "Session": {"type": "object", "properties": {
    "person": {"$ref": "#/components/schemas/PersonSummary"},
    "csrf_token": {"type": "string", "description": "Echo it in X-CSRF-Token on every cookie-authenticated write."},
    "expires_at": {"type": "string", "format": "date-time"}}},
  "NewTicket": {"type": "object", "required": ["service_code", "subject", "description"],
    "additionalProperties": false, "properties": {
      "service_code": {"type": "string"}, "subject": {"type": "string", "maxLength": 200},
      "description": {"type": "string"}, "form_answers": {"type": "object"},
      "requester_id": {"type": "integer", "description": "Another person: attendants only (phone, e-mail)."},
      "channel": {"enum": ["portal", "email", "phone", "whatsapp", "api"]},
      "category": {"type": "string"}, "impact": {"type": "integer", "minimum": 1, "maximum": 3},
      "urgency": {"type": "integer", "minimum": 1, "maximum": 3}}},
  "Ticket": {"type": "object", "properties": {
    "id": {"type": "integer"}, "protocol": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{6,}$"},
    "requester_id": {"type": "integer"}, "organization_id": {"type": ["integer", "null"]},
    "service_id": {"type": "integer"}, "category": {"type": "string"}, "channel": {"type": "string"},
    "registered_by": {"type": ["integer", "null"]}, "subject": {"type": "string"},
    "description": {"type": "string"}, "form_answers": {"type": "object"},
    "impact": {"type": "integer"}, "urgency": {"type": "integer"}, "priority": {"type": "integer"},
    "status": {"enum": ["new", "triage", "assigned", "in_progress", "pending_requester",
                        "pending_third_party", "resolved", "closed", "reopened", "cancelled"]},
    "status_label": {"type": "string"}, "unit_id": {"type": ["integer", "null"]},
    "assignee_id": {"type": ["integer", "null"]}, "audience_admitted": {"type": "boolean"},
    "audience_reason": {"type": "string"}, "time_spent_minutes": {"type": "integer"},
    "resolution": {"type": "string"}, "rating": {"type": ["integer", "null"]},
    "rating_comment": {"type": "string"}, "reopen_count": {"type": "integer"},
    "agreed_deadline": {"type": ["string", "null"], "format": "date-time"},
    "estimated_deadline": {"type": ["string", "null"], "format": "date-time"},
    "first_response_at": {"type": ["string", "null"], "format": "date-time"},
    "created_at": {"type": "string", "format": "date-time"},
    "updated_at": {"type": "string", "format": "date-time"},
    "resolved_at": {"type": ["string", "null"], "format": "date-time"},
    "closed_at": {"type": ["string", "null"], "format": "date-time"},
    "links": {"type": "array", "items": {"type": "object"}}, "version": {"type": "integer"},
    "sla": {"type": "array", "description": "Single reads only: the cached SLA clock per target.",
      "items": {"type": "object", "properties": {
        "target": {"enum": ["first_response", "resolution"]}, "policy": {"type": "string"},
        "state": {"enum": ["running", "paused", "stopped", "met", "breached"]},
        "deadline": {"type": "string", "format": "date-time"}, "breached": {"type": "boolean"}}}}}},
  "TicketPage": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}},
    "next_cursor": {"type": ["string", "null"]}}},
  "Event": {"type": "object", "properties": {
    "seq": {"type": "integer"}, "kind": {"type": "string"}, "actor_id": {"type": ["integer", "null"]},
    "channel": {"type": "string"}, "at": {"type": "string", "format": "date-time"},
    "public": {"type": "boolean"}, "data": {"type": "object"}}},
  "EventList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}},
  "Triage": {"type": "object", "additionalProperties": false, "properties": {
    "service_code": {"type": "string"}, "category": {"type": "string"},
    "impact": {"type": "integer"}, "urgency": {"type": "integer"},
    "agreed_deadline": {"type": "string", "format": "date-time"}}},
  "Route": {"type": "object", "required": ["unit_id"], "additionalProperties": false, "properties": {
    "unit_id": {"type": "integer"}, "assignee_id": {"type": ["integer", "null"]}, "note": {"type": "string"}}},
  "Assign": {"type": "object", "additionalProperties": false, "properties": {
    "assignee_id": {"type": ["integer", "null"]}}},
  "StatusChange": {"type": "object", "required": ["status"], "additionalProperties": false,
    "properties": {"status": {"type": "string"}, "reason": {"type": "string"}}},
  "Reply": {"type": "object", "required": ["text"], "additionalProperties": false, "properties": {
    "text": {"type": "string"}, "asks_requester": {"type": "boolean"}}},
  "Note": {"type": "object", "required": ["text"], "additionalProperties": false,
    "properties": {"text": {"type": "string"}}},
  "TimeEntry": {"type": "object", "required": ["minutes"], "additionalProperties": false,
    "properties": {"minutes": {"type": "integer", "minimum": 1}, "note": {"type": "string"}}},
  "Resolution": {"type": "object", "required": ["resolution", "time_spent_minutes"],
    "additionalProperties": false, "properties": {
      "resolution": {"type": "string"}, "time_spent_minutes": {"type": "integer", "minimum": 1}}},
  "Evaluation": {"type": "object", "required": ["rating"], "additionalProperties": false,
    "properties": {"rating": {"type": "integer", "minimum": 1, "maximum": 5}, "comment": {"type": "string"}}},
  "Reason": {"type": "object", "required": ["reason"], "additionalProperties": false,
    "properties": {"reason": {"type": "string"}}},
  "Organization": {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"}, "acronym": {"type": "string"},
    "cnpj": {"type": ["string", "null"]}, "is_client": {"type": "boolean"},
    "client_reference": {"type": "string"}, "calendar": {"type": "string"},
    "parent_id": {"type": ["integer", "null"]},
    "authorization_changes_need_confirmation": {"type": "boolean"}}},
  "OrganizationReplacement": {"description": "PUT: the whole organization; every field is required.",
    "allOf": [{"$ref": "#/components/schemas/Organization"}],
    "required": ["name", "acronym", "cnpj", "is_client", "client_reference", "calendar",
      "parent_id", "authorization_changes_need_confirmation"]},
  "OrganizationList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Organization"}}}},
  "Person": {"type": "object", "description": "Never carries password hashes.", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"}, "login": {"type": ["string", "null"]},
    "emails": {"type": "array", "items": {"type": "string"}}, "phone": {"type": ["string", "null"]},
    "cpf": {"type": ["string", "null"]}, "organization_id": {"type": ["integer", "null"]},
    "roles": {"type": "array", "items": {"type": "object"}},
    "must_change_password": {"type": "boolean"}, "active": {"type": "boolean"},
    "notice_preference": {"enum": ["request_channel", "email", "whatsapp"],
      "description": "How the person hears of their requests: by the channel each came through (default), or always by e-mail or WhatsApp."},
    "initial_password": {"type": "string", "writeOnly": true}}},
  "PersonReplacement": {"description": "PUT: the whole person; every field is required but notice_preference (request_channel when left out).",
    "allOf": [{"$ref": "#/components/schemas/Person"}],
    "required": ["name", "login", "emails", "phone", "cpf", "organization_id", "roles", "active"]},
  "PersonList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}}}},
  "Authorization": {"type": "object", "properties": {
    "id": {"type": "integer"}, "organization_id": {"type": "integer"}, "person_id": {"type": "integer"},
    "document_type": {"enum": ["contract", "oficio", "service_request"]},
    "document_number": {"type": "string"}, "entered_by": {"type": "integer"},
    "valid_from": {"type": "string", "format": "date"},
    "valid_until": {"type": ["string", "null"], "format": "date"},
    "expires_on": {"type": ["string", "null"], "format": "date",
      "description": "válida até: último dia da autorização (opcional)"},
    "revocation_reason": {"type": "string"},
    "state": {"enum": ["pending", "confirmed", "rejected"]}}},
  "AuthorizationList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Authorization"}}}},
  "Decision": {"type": "object", "required": ["approve"], "properties": {"approve": {"type": "boolean"}}},
  "Revocation": {"type": "object", "required": ["valid_until", "reason"],
    "properties": {"valid_until": {"type": "string", "format": "date"},
      "reason": {"type": "string", "description": "motivo, mantido no histórico"}}},
  "PasswordReset": {"type": "object", "properties": {
    "emailed": {"type": "boolean"},
    "temporary_password": {"type": ["string", "null"],
      "description": "só quando a pessoa não tem e-mail: mostrar uma vez"}}},
  "Unit": {"type": "object", "properties": {
    "id": {"type": "integer"}, "code": {"type": "string"}, "name": {"type": "string"},
    "parent_id": {"type": ["integer", "null"]},
    "kind": {"enum": ["technical", "service_center", "client_relations", "communications"]},
    "active": {"type": "boolean"}}},
  "UnitList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Unit"}}}},
  "Service": {"type": "object", "description": "An item of the Carta de Serviços with its request form.",
    "properties": {
      "id": {"type": "integer"}, "code": {"type": "string"}, "name": {"type": "string"},
      "popular_names": {"type": "array", "maxItems": 20,
        "items": {"type": "string", "maxLength": 100},
        "description": "Nomes populares: what people call the service (VPN); the search finds them."},
      "description": {"type": "string"},
      "audience": {"enum": ["authorized_requesters", "public_servants", "anyone"]},
      "who_may_use": {"type": "string"}, "required_documents": {"type": "string"},
      "stages": {"type": "array", "items": {"type": "string"}}, "cost": {"type": "string"},
      "max_deadline": {"type": "string"}, "access_channels": {"type": "string"},
      "communication_channels": {"type": "string"}, "complaint_channels": {"type": "string"},
      "commitment": {"type": "string"}, "owning_unit_id": {"type": ["integer", "null"]},
      "default_category": {"type": "string"}, "sla_policy": {"type": "string"},
      "is_public": {"type": "boolean"}, "active": {"type": "boolean"},
      "form": {"type": "array", "items": {"type": "object", "properties": {
        "key": {"type": "string"}, "label": {"type": "string"},
        "type": {"enum": ["text", "long_text", "choice", "date", "number", "yes_no"]},
        "required": {"type": "boolean"}, "choices": {"type": "array", "items": {"type": "string"}}}}}}},
  "ServiceReplacement": {"description": "PUT: the whole service; every field is required.",
    "allOf": [{"$ref": "#/components/schemas/Service"}],
    "required": ["code", "name", "popular_names", "description", "audience", "who_may_use",
      "required_documents", "stages", "cost", "max_deadline", "access_channels", "communication_channels",
      "complaint_channels", "commitment", "owning_unit_id", "default_category", "sla_policy",
      "is_public", "active", "form"]},
  "ServiceList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Service"}}}},
  "CategoryList": {"type": "object", "properties": {"items": {"type": "array", "items": {
    "type": "object", "properties": {"code": {"type": "string"}, "label": {"type": "string"},
    "guidance": {"type": "string"}, "is_project": {"type": "boolean"}}}}}},
  "NewToken": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
  "Token": {"type": "object", "properties": {
    "id": {"type": "integer"}, "person_id": {"type": "integer"}, "name": {"type": "string"},
    "created_at": {"type": "string", "format": "date-time"},
    "revoked_at": {"type": ["string", "null"], "format": "date-time"},
    "secret": {"type": "string", "description": "Only in the creation response."}}},
  "TokenList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}}},
  "Upload": {"type": "object", "description": "multipart/form-data", "properties": {
    "file": {"type": "string", "contentMediaType": "application/octet-stream"},
    "public": {"enum": ["true", "false"]}}},
  "Attachment": {"type": "object", "properties": {
    "id": {"type": "integer"}, "ticket_id": {"type": "integer"}, "filename": {"type": "string"},
    "content_type": {"type": "string"}, "size_bytes": {"type": "integer"},
    "sha256": {"type": "string"}, "public": {"type": "boolean"},
    "uploaded_by": {"type": "integer"}, "created_at": {"type": "string", "format": "date-time"},
    "held": {"type": "boolean", "description": "Retido pela política de anexos: listado só para a equipe, baixado só por administradores."},
    "held_reason": {"type": ["string", "null"], "description": "Por que foi retido (pt-BR)."},
    "released_by": {"type": ["integer", "null"]},
    "released_at": {"type": ["string", "null"], "format": "date-time"}}},
  "AttachmentList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}}}},
  "UploadReceipt": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}},
    "not_accepted": {"type": "array", "description": "Arquivos guardados mas não aceitos como anexo, com o motivo.",
      "items": {"type": "object", "properties": {
        "id": {"type": "integer"}, "filename": {"type": "string"}, "reason": {"type": "string"}}}}}},
  "Link": {"type": "object", "required": ["ticket_id"], "additionalProperties": false, "properties": {
    "ticket_id": {"type": "integer"}, "kind": {"enum": ["related", "duplicate_of", "caused_by"]}}},
  "Closure": {"type": "object", "description": "How much of the day is closed; absent: all day.",
    "required": ["kind"], "properties": {
      "kind": {"enum": ["all_day", "closed_until", "closed_from", "open_only"]},
      "time": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$", "description": "closed_until / closed_from"},
      "from": {"type": "string", "description": "open_only"}, "until": {"type": "string", "description": "open_only"},
      "description": {"type": "string", "readOnly": true}}},
  "WorkingHours": {"type": "object", "description": "Per weekday (sunday ... saturday), sorted disjoint intervals.",
    "additionalProperties": {"type": "array", "items": {"type": "object", "properties": {
      "from": {"type": "string"}, "until": {"type": "string"}}}}},
  "HolidayRule": {"type": "object", "required": ["kind", "name"], "properties": {
    "kind": {"enum": ["fixed", "easter", "date"]}, "name": {"type": "string"},
    "month": {"type": "integer"}, "day": {"type": "integer"},
    "days_after_easter": {"type": "integer"}, "date": {"type": "string", "format": "date"},
    "first_year": {"type": ["integer", "null"]},
    "closure": {"$ref": "#/components/schemas/Closure"}}},
  "CalendarDefinition": {"type": "object", "required": ["parent"], "additionalProperties": false,
    "properties": {
      "parent": {"type": "string", "description": "br, br-es, br-ms or a stored calendar"},
      "time_zone": {"type": ["string", "null"], "description": "IANA id; null: the parent's"},
      "working_hours": {"oneOf": [{"$ref": "#/components/schemas/WorkingHours"}, {"type": "null"}]},
      "holidays": {"type": "array", "items": {"$ref": "#/components/schemas/HolidayRule"}}}},
  "Calendar": {"type": "object", "properties": {
    "name": {"type": "string"}, "builtin": {"type": "boolean"}, "parent": {"type": ["string", "null"]},
    "time_zone": {"type": ["string", "null"]},
    "working_hours": {"oneOf": [{"$ref": "#/components/schemas/WorkingHours"}, {"type": "null"}]},
    "holidays": {"type": "array", "items": {"$ref": "#/components/schemas/HolidayRule"}},
    "effective": {"type": "object", "properties": {"time_zone": {"type": "string"},
      "working_hours": {"$ref": "#/components/schemas/WorkingHours"}}}}},
  "OutboxMessage": {"type": "object", "properties": {
    "id": {"type": "integer"}, "channel": {"enum": ["email", "webhook"]}, "template": {"type": "string"},
    "ticket_id": {"type": ["integer", "null"]}, "recipient": {"type": "string"},
    "subject": {"type": "string"}, "message_id": {"type": "string"},
    "status": {"enum": ["pending", "sending", "in_doubt", "sent", "failed"]}, "attempts": {"type": "integer"},
    "next_attempt_at": {"type": "string", "format": "date-time"},
    "last_error": {"type": ["string", "null"]},
    "created_at": {"type": "string", "format": "date-time"},
    "sent_at": {"type": ["string", "null"], "format": "date-time"}}},
  "RawMessage": {"type": "string", "format": "binary", "description": "one RFC 5322 message"},
  "MailReceipt": {"type": "object", "properties": {
    "inbound_id": {"type": "integer"},
    "outcome": {"enum": ["ticket_created", "joined", "reopen_requested", "ignored_automatic",
                         "quarantined", "duplicate"]},
    "ticket_id": {"type": ["integer", "null"]}, "protocol": {"type": ["string", "null"]},
    "detail": {"type": "string"}}},
  "QuarantinedMail": {"type": "object", "properties": {
    "id": {"type": "integer"}, "state": {"enum": ["pending", "resolved"]},
    "reason": {"type": "string"}, "attempts": {"type": "integer"},
    "updated_at": {"type": "string", "format": "date-time"}, "message_id": {"type": "string"},
    "source": {"type": "string"}, "received_at": {"type": "string", "format": "date-time"},
    "sender": {"type": "string"}, "subject": {"type": "string"}, "size_bytes": {"type": "integer"},
    "outcome": {"type": "string"}, "ticket_id": {"type": ["integer", "null"]}}},
  "QuarantineList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/QuarantinedMail"}}}},
  "QuarantineTicket": {"type": "object", "required": ["requester_id", "service_code"],
    "additionalProperties": false, "properties": {
      "requester_id": {"type": "integer"}, "service_code": {"type": "string"}}},
  "Webhook": {"type": "object", "properties": {
    "id": {"type": "integer"}, "description": {"type": "string"},
    "url": {"type": "string", "format": "uri"},
    "secret_hint": {"type": "string", "description": "the secret's last 4 characters"},
    "events": {"type": "array", "items": {"$ref": "#/components/schemas/WebhookEvent"}},
    "active": {"type": "boolean"},
    "disabled_reason": {"type": ["string", "null"], "description": "why the desk turned it off (410 Gone)"},
    "created_at": {"type": "string", "format": "date-time"},
    "updated_at": {"type": "string", "format": "date-time"}}},
  "WebhookEvent": {"enum": ["ticket_created", "status_changed", "public_reply", "resolved",
                            "sla_warning", "sla_breach"]},
  "WebhookInput": {"type": "object", "required": ["url", "secret", "events"],
    "additionalProperties": false, "properties": {
      "description": {"type": "string", "maxLength": 200},
      "url": {"type": "string", "maxLength": 2000, "description": "http or https, without user or password"},
      "secret": {"type": "string", "minLength": 16, "maxLength": 200, "writeOnly": true},
      "events": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/WebhookEvent"}},
      "active": {"type": "boolean", "default": true}}},
  "WebhookChange": {"type": "object", "additionalProperties": false, "properties": {
      "description": {"type": "string", "maxLength": 200},
      "url": {"type": "string", "maxLength": 2000},
      "secret": {"type": "string", "minLength": 16, "maxLength": 200, "writeOnly": true},
      "events": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/WebhookEvent"}},
      "active": {"type": "boolean"}}},
  "WebhookList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Webhook"}}}},
  "WebhookDelivery": {"type": "object", "properties": {
    "id": {"type": "integer"}, "event": {"$ref": "#/components/schemas/WebhookEvent"},
    "ticket_id": {"type": ["integer", "null"]},
    "status": {"enum": ["pending", "sending", "in_doubt", "sent", "failed"]}, "attempts": {"type": "integer"},
    "next_attempt_at": {"type": "string", "format": "date-time"},
    "last_error": {"type": ["string", "null"]},
    "response_code": {"type": ["integer", "null"], "description": "the receiver's last HTTP status"},
    "created_at": {"type": "string", "format": "date-time"},
    "sent_at": {"type": ["string", "null"], "format": "date-time"}}},
  "WebhookDeliveryList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/WebhookDelivery"}}}},
  "OutboxList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/OutboxMessage"}}}},
  "MessageTemplate": {"type": "object", "properties": {
    "key": {"enum": ["registration", "information_request", "agent_reply", "resolution", "closing",
                     "reopening", "sla_warning", "sla_breach", "first_access",
                     "password_reset", "password_link", "merged", "merge_undone",
                     "merged_news", "mention", "watched_update"]},
    "channel": {"type": "string"}, "locale": {"type": "string"},
    "subject": {"type": "string"}, "text": {"type": "string"}, "html": {"type": "string"},
    "is_default": {"type": "boolean"},
    "placeholders": {"type": "array", "items": {"type": "string"}},
    "updated_at": {"type": ["string", "null"], "format": "date-time"}}},
  "MessageTemplateEdit": {"type": "object", "required": ["subject", "text", "html"],
    "additionalProperties": false, "properties": {
      "subject": {"type": "string", "description": "mustache; \"[SA AAAA-NNNNNN]\" is put in front"},
      "text": {"type": "string"}, "html": {"type": "string", "description": "may be empty"}}},
  "CalendarList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Calendar"}}}},
  "ClosedDayList": {"type": "object", "properties": {"items": {"type": "array", "items": {
    "type": "object", "properties": {
      "date": {"type": "string", "format": "date"}, "weekday": {"type": "string"},
      "name": {"type": "string"}, "holiday": {"type": "boolean", "description": "false: ponto facultativo"},
      "closure": {"$ref": "#/components/schemas/Closure"}, "declared_by": {"type": "string"}}}}}},
  "OptionalDay": {"type": "object", "required": ["date", "name"], "properties": {
    "date": {"type": "string", "format": "date"}, "name": {"type": "string"},
    "closure": {"$ref": "#/components/schemas/Closure"}}},
  "OptionalDays": {"type": "object", "required": ["items"], "additionalProperties": false,
    "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/OptionalDay"}}}},
  "OptionalDayList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/OptionalDay"}}}},
  "Duration": {"type": "object", "required": ["unit", "amount"], "properties": {
    "unit": {"enum": ["business-hours", "business-days", "calendar-hours"]},
    "amount": {"type": "integer", "minimum": 1}}},
  "SlaConfiguration": {"type": "object", "required": ["priority_matrix", "severities", "policies"],
    "properties": {
      "priority_matrix": {"type": "array", "description": "[impact - 1][urgency - 1] -> priority 1..9",
        "items": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 9}}},
      "warning_fraction": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
      "severities": {"type": "array", "items": {"type": "object", "properties": {
        "from": {"type": "integer"}, "to": {"type": "integer"}, "name": {"type": "string"},
        "policy": {"type": "string"}}}},
      "policies": {"type": "array", "items": {"type": "object", "properties": {
        "code": {"type": "string"}, "label": {"type": "string"},
        "first_response": {"$ref": "#/components/schemas/Duration"},
        "resolution": {"$ref": "#/components/schemas/Duration"},
        "pause_on_third_party": {"type": "boolean"},
        "calendar": {"enum": ["desk", "organization"]}}}},
      "rules": {"type": "array", "description": "First match wins.", "items": {"type": "object",
        "properties": {"service_code": {"type": "string"}, "category": {"type": "string"},
          "severity": {"type": "string"}, "policy": {"type": "string"}}}}}},
  "SlaTarget": {"type": "object", "properties": {
    "target": {"enum": ["first_response", "resolution"]}, "label": {"type": "string"},
    "unit": {"type": "string"}, "amount": {"type": "integer"},
    "started_at": {"type": "string", "format": "date-time"},
    "target_ms": {"type": "integer"}, "elapsed_ms": {"type": "integer"},
    "remaining_ms": {"type": "integer"}, "deadline": {"type": "string", "format": "date-time"},
    "state": {"enum": ["running", "paused", "stopped", "met", "breached"]},
    "breached": {"type": "boolean"},
    "stopped_at": {"type": ["string", "null"], "format": "date-time"},
    "warning_at": {"type": ["string", "null"], "format": "date-time"},
    "breach_at": {"type": ["string", "null"], "format": "date-time"},
    "pauses": {"type": "array", "items": {"type": "object"}},
    "running": {"type": "array", "items": {"type": "object"}},
    "counted": {"type": "array", "items": {"type": "object"}},
    "closed_days": {"type": "array", "items": {"type": "object"}}}},
  "SlaTimeline": {"type": "object", "properties": {
    "ticket_id": {"type": "integer"}, "applies": {"type": "boolean"},
    "not_applied": {"type": "string"}, "policy": {"type": "object"},
    "severity": {"type": "string"}, "priority": {"type": "integer"}, "reason": {"type": "string"},
    "calendar": {"type": "string"}, "warning_fraction": {"type": "number"},
    "targets": {"type": "array", "items": {"$ref": "#/components/schemas/SlaTarget"}}}},
  "SlaRecompute": {"type": "object", "required": ["state"], "properties": {
    "state": {"enum": ["none", "running", "finished"]},
    "reason": {"type": "string"}, "started_by": {"type": ["integer", "null"]},
    "started_at": {"type": "string", "format": "date-time"},
    "finished_at": {"type": ["string", "null"], "format": "date-time"},
    "total": {"type": "integer", "description": "unfinished tickets when the job (re)started"},
    "done": {"type": "integer"}, "percent": {"type": "integer", "minimum": 0, "maximum": 100},
    "duration_seconds": {"type": ["number", "null"]}}}
})JSON");
}

}  // namespace guiche::api
