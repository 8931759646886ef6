// The OpenAPI rows and schemas of answer templates, macros and bulk actions
// (api/answer_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& answer_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/answer-templates",
       "As respostas padrão (kind=answer) ou soluções padrão (kind=solution) ativas oferecidas a "
       "quem chama (as compartilhadas e as das suas unidades) cujo título ou texto tem todas as "
       "palavras de q, sem diferença de acentos; kept=true lista as que quem chama mantém "
       "(administradores e gerentes de unidade), inativas também. Só a equipe",
       "respostas",
       nullptr,
       "AnswerTemplateList",
       200,
       {"kind", "q", "kept"}},
      {"POST",
       "/api/v1/answer-templates",
       "Cria uma resposta ou solução padrão: compartilhada (unit_id null, só administradores) ou "
       "de uma unidade (também os seus gerentes). Campos do texto: {{solicitante}}, "
       "{{protocolo}}, {{servico}}, {{prazo}}, {{atendente}}, {{assunto}}",
       "respostas",
       "AnswerTemplateInput",
       "AnswerTemplate",
       201,
       {}},
      {"GET",
       "/api/v1/answer-templates/:id",
       "Lê uma resposta ou solução padrão",
       "respostas",
       nullptr,
       "AnswerTemplate",
       200,
       {}},
      {"PUT",
       "/api/v1/answer-templates/:id",
       "Altera (todos os campos) uma resposta ou solução padrão que quem chama mantém",
       "respostas",
       "AnswerTemplateInput",
       "AnswerTemplate",
       200,
       {}},
      {"GET",
       "/api/v1/tickets/:id/answer-templates/:template_id",
       "O texto da resposta ou solução padrão preenchido com os dados do chamado, para quem atua "
       "nele (o texto sai como está; quem o mostrar em HTML o escapa)",
       "respostas",
       nullptr,
       "FilledAnswer",
       200,
       {}},
      {"GET",
       "/api/v1/macros",
       "As macros ativas oferecidas a quem chama; kept=true lista as que mantém. Só a equipe",
       "respostas",
       nullptr,
       "MacroList",
       200,
       {"kept"}},
      {"POST",
       "/api/v1/macros",
       "Cria uma macro: responder com uma resposta padrão, apontar minutos, mudar a situação "
       "(in_progress, pending_third_party ou resolved, este com a solução padrão e o tempo) ou "
       "encaminhar a uma unidade (não junto com a situação). Compartilhada só por "
       "administradores",
       "respostas",
       "MacroInput",
       "Macro",
       201,
       {}},
      {"GET", "/api/v1/macros/:id", "Lê uma macro", "respostas", nullptr, "Macro", 200, {}},
      {"PUT",
       "/api/v1/macros/:id",
       "Altera (todos os campos) uma macro que quem chama mantém",
       "respostas",
       "MacroInput",
       "Macro",
       200,
       {}},
      {"POST",
       "/api/v1/tickets/:id/macros/:macro_id",
       "Aplica a macro ao chamado numa só transação: cada passo pelas regras da ação manual, "
       "tudo ou nada; o histórico registra a macro (evento interno macro_applied) e cada passo",
       "respostas",
       nullptr,
       "Ticket",
       200,
       {}},
      {"POST",
       "/api/v1/tickets/bulk",
       "Uma ação em até 100 chamados (assign, route, status, notice, macro): cada chamado pela "
       "ação de um só, com a sua autorização e os seus eventos; a resposta diz, por chamado, se "
       "foi feito ou por que foi pulado (um chamado que quem chama não vê não tem o protocolo "
       "dito). 422 acima de 100",
       "chamados",
       "BulkRequest",
       "BulkReport",
       200,
       {}},
  };
  return ops;
}

nlohmann::ordered_json openapi_answer_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "AnswerTemplateInput": {"type": "object", "required": ["kind", "title", "body"], "properties": {
    "kind": {"type": "string", "enum": ["answer", "solution"]},
    "unit_id": {"type": ["integer", "null"], "description": "null: compartilhada"},
    "title": {"type": "string", "maxLength": 200},
    "body": {"type": "string", "maxLength": 20000, "description": "mustache; campos solicitante, protocolo, servico, prazo, atendente, assunto"},
    "active": {"type": "boolean"}}},
  "AnswerTemplate": {"type": "object", "properties": {
    "id": {"type": "integer"},
    "kind": {"type": "string", "enum": ["answer", "solution"]},
    "unit_id": {"type": ["integer", "null"]},
    "title": {"type": "string"},
    "body": {"type": "string"},
    "active": {"type": "boolean"},
    "updated_at": {"type": "string", "format": "date-time"}}},
  "AnswerTemplateList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/AnswerTemplate"}}}},
  "FilledAnswer": {"type": "object", "properties": {"text": {"type": "string"}}},
  "MacroInput": {"type": "object", "required": ["name"], "properties": {
    "unit_id": {"type": ["integer", "null"]},
    "name": {"type": "string", "maxLength": 200},
    "reply_template_id": {"type": ["integer", "null"]},
    "set_status": {"type": ["string", "null"], "enum": ["in_progress", "pending_third_party", "resolved", null]},
    "route_unit_id": {"type": ["integer", "null"]},
    "minutes": {"type": ["integer", "null"], "minimum": 1, "maximum": 100000},
    "solution_template_id": {"type": ["integer", "null"]},
    "active": {"type": "boolean"}}},
  "Macro": {"type": "object", "properties": {
    "id": {"type": "integer"},
    "unit_id": {"type": ["integer", "null"]},
    "name": {"type": "string"},
    "reply_template_id": {"type": ["integer", "null"]},
    "set_status": {"type": ["string", "null"]},
    "route_unit_id": {"type": ["integer", "null"]},
    "minutes": {"type": ["integer", "null"]},
    "solution_template_id": {"type": ["integer", "null"]},
    "active": {"type": "boolean"},
    "updated_at": {"type": "string", "format": "date-time"}}},
  "MacroList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Macro"}}}},
  "BulkRequest": {"type": "object", "required": ["ticket_ids", "action"], "properties": {
    "ticket_ids": {"type": "array", "maxItems": 100, "items": {"type": "integer"}},
    "action": {"type": "object", "required": ["kind"], "properties": {
      "kind": {"type": "string", "enum": ["assign", "route", "status", "notice", "macro"]},
      "assignee_id": {"type": ["integer", "null"], "description": "assign; null tira o responsável"},
      "unit_id": {"type": "integer", "description": "route"},
      "status": {"type": "string", "description": "status"},
      "reason": {"type": "string", "description": "status"},
      "notice_id": {"type": "integer", "description": "notice"},
      "macro_id": {"type": "integer", "description": "macro"}}}}},
  "BulkReport": {"type": "object", "properties": {
    "done": {"type": "integer"},
    "skipped": {"type": "integer"},
    "tickets": {"type": "array", "items": {"type": "object", "properties": {
      "ticket_id": {"type": "integer"},
      "protocol": {"type": ["string", "null"]},
      "done": {"type": "boolean"},
      "reason": {"type": "string", "description": "pt-BR, quando pulado"}}}}}}
})JSON");
}

}  // namespace guiche::api
