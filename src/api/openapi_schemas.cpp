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
    "id": {"type": "integer"}, "protocol": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{6}$"},
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
    "links": {"type": "array", "items": {"type": "object"}}, "version": {"type": "integer"}}},
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
  "Link": {"type": "object", "required": ["ticket_id"], "additionalProperties": false, "properties": {
    "ticket_id": {"type": "integer"}, "kind": {"enum": ["related", "duplicate_of", "caused_by"]}}}
})JSON");
}

}  // namespace guiche::api
