// The OpenAPI rows and schemas of merging, splitting and following tickets
// (api/ticket_merge_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& ticket_merge_operations() {
  static const std::vector<OperationDoc> ops = {
      {"POST",
       "/api/v1/tickets/:id/merge",
       "Une chamados duplicados a este: cada duplicado é encerrado como tal (evento público "
       "merged), este registra cada um que recebeu, e o solicitante de cada duplicado passa a "
       "receber as novidades deste pelo canal do seu chamado. Todos ou nenhum; no máximo 100. "
       "Quem une deve poder atuar em cada chamado",
       "ações",
       "Merge",
       "MergeResult",
       200,
       {}},
      {"POST",
       "/api/v1/tickets/:id/unmerge",
       "Desfaz a união deste duplicado enquanto o chamado que o recebeu estiver em aberto: ele "
       "volta à situação que tinha e o relógio do ANS retoma sem contar o tempo unido",
       "ações",
       nullptr,
       "MergeResult",
       200,
       {}},
      {"POST",
       "/api/v1/tickets/:id/split",
       "Desmembra uma mensagem pública do chamado numa nova solicitação do mesmo solicitante, "
       "serviço e canal, vinculada aos dois lados (split_into / split_from)",
       "ações",
       "Split",
       "Ticket",
       201,
       {}},
      {"GET",
       "/api/v1/tickets/:id/followers",
       "Quem segue o chamado: agentes (watcher) e solicitantes de duplicados unidos (requester). "
       "Só a equipe",
       "seguir",
       nullptr,
       "FollowerList",
       200,
       {}},
      {"PUT",
       "/api/v1/tickets/:id/following",
       "Passa a seguir o chamado (equipe que pode vê-lo): as novidades chegam como notificação "
       "e por e-mail",
       "seguir",
       nullptr,
       nullptr,
       204,
       {}},
      {"DELETE",
       "/api/v1/tickets/:id/following",
       "Deixa de seguir o chamado",
       "seguir",
       nullptr,
       nullptr,
       204,
       {}},
      {"GET",
       "/api/v1/following",
       "Os chamados que quem chama segue, do mais novo ao mais antigo (cursor: before, o id do "
       "último)",
       "seguir",
       nullptr,
       "FollowedTicketList",
       200,
       {"before", "limit"}},
      {"GET",
       "/api/v1/notifications",
       "As notificações de quem chama (menções em notas internas e novidades dos chamados que "
       "segue), das mais novas às mais antigas, com as não lidas contadas até 50",
       "seguir",
       nullptr,
       "NotificationList",
       200,
       {"before", "limit"}},
      {"POST",
       "/api/v1/notifications/read",
       "Marca como lidas as notificações de quem chama: todas, ou as de um chamado (ticket_id)",
       "seguir",
       "NotificationsRead",
       nullptr,
       204,
       {}},
  };
  return ops;
}

nlohmann::ordered_json openapi_ticket_merge_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "Merge": {"type": "object", "required": ["duplicate_ids"], "properties": {
    "duplicate_ids": {"type": "array", "minItems": 1, "maxItems": 100,
                      "items": {"type": "integer"}},
    "note": {"type": "string", "maxLength": 2000}}},
  "MergeResult": {"type": "object", "properties": {
    "survivor": {"$ref": "#/components/schemas/Ticket"},
    "merged": {"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}}}},
  "Split": {"type": "object", "required": ["event_seq"], "properties": {
    "event_seq": {"type": "integer"},
    "subject": {"type": "string"}}},
  "Follower": {"type": "object", "properties": {
    "person_id": {"type": "integer"}, "name": {"type": "string"},
    "kind": {"type": "string", "enum": ["watcher", "requester"]},
    "via_protocol": {"type": "string"}}},
  "FollowerList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Follower"}}}},
  "Notification": {"type": "object", "properties": {
    "id": {"type": "integer"}, "kind": {"type": "string", "enum": ["mention", "watch"]},
    "ticket_id": {"type": "integer"}, "protocol": {"type": "string"},
    "subject": {"type": "string"}, "event_seq": {"type": "integer"},
    "actor_name": {"type": "string"}, "text": {"type": "string"},
    "at": {"type": "string", "format": "date-time"}, "read": {"type": "boolean"}}},
  "FollowedTicketList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}}}},
  "NotificationList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Notification"}},
    "unread": {"type": "integer"}}},
  "NotificationsRead": {"type": "object", "properties": {"ticket_id": {"type": "integer"}}}
})JSON");
}

}  // namespace guiche::api
