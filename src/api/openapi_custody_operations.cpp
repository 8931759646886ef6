// The OpenAPI rows and schemas of equipment custody (api/custody_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& custody_operations() {
  static const std::vector<OperationDoc> ops = {
      {"POST",
       "/api/v1/tickets/:id/equipment/entry",
       "Registrar a entrada de um equipamento sob guarda (quem atende o chamado; quem recebe é "
       "quem registra). 409 se o patrimônio já está sob guarda ou o chamado não está em aberto",
       "equipamentos",
       "EquipmentEntry",
       "Equipment",
       201,
       {}},
      {"POST",
       "/api/v1/tickets/:id/equipment/maintenance",
       "Registrar uma etapa de manutenção de um equipamento sob guarda neste chamado",
       "equipamentos",
       "EquipmentMaintenance",
       "Equipment",
       201,
       {}},
      {"POST",
       "/api/v1/tickets/:id/equipment/return",
       "Registrar a devolução de um equipamento (uma vez; também após o fim do chamado)",
       "equipamentos",
       "EquipmentReturn",
       "Equipment",
       201,
       {}},
      {"GET",
       "/api/v1/tickets/:id/equipment",
       "Equipamentos do chamado, em ordem de entrada (quem atende o chamado)",
       "equipamentos",
       nullptr,
       "EquipmentList",
       200,
       {}},
      {"GET",
       "/api/v1/equipment",
       "Equipamentos sob guarda das unidades de quem chama, mais antigos primeiro (equipe); com "
       "asset_number, toda guarda desse patrimônio, devolvida ou não, mais recente primeiro",
       "equipamentos",
       nullptr,
       "EquipmentList",
       200,
       {"asset_number", "limit"}},
  };
  return ops;
}

nlohmann::ordered_json openapi_custody_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "EquipmentEntry": {"type": "object", "additionalProperties": false,
    "required": ["asset_number", "kind", "condition"],
    "description": "Quem entregou: delivered_by_id (pessoa cadastrada) ou delivered_by_name, um dos dois.",
    "properties": {
      "asset_number": {"type": "string", "maxLength": 60, "description": "patrimônio; comparado sem espaços nas pontas e em maiúsculas"},
      "kind": {"type": "string", "maxLength": 120},
      "brand_model": {"type": "string", "maxLength": 200},
      "serial_number": {"type": "string", "maxLength": 120},
      "condition": {"type": "string", "maxLength": 2000},
      "accessories": {"type": "string", "maxLength": 2000},
      "delivered_by_id": {"type": ["integer", "null"]},
      "delivered_by_name": {"type": "string", "maxLength": 200}}},
  "EquipmentMaintenance": {"type": "object", "additionalProperties": false,
    "required": ["asset_number", "text"],
    "properties": {"asset_number": {"type": "string"}, "text": {"type": "string", "maxLength": 4000}}},
  "EquipmentReturn": {"type": "object", "additionalProperties": false,
    "required": ["asset_number"],
    "description": "Quem retirou: taken_by_id ou taken_by_name, um dos dois.",
    "properties": {"asset_number": {"type": "string"},
      "taken_by_id": {"type": ["integer", "null"]},
      "taken_by_name": {"type": "string", "maxLength": 200},
      "note": {"type": "string", "maxLength": 2000}}},
  "Equipment": {"type": "object", "properties": {
    "ticket_id": {"type": "integer"}, "protocol": {"type": "string"},
    "entry_seq": {"type": "integer", "description": "sequência do evento de entrada no chamado"},
    "unit_id": {"type": ["integer", "null"], "description": "a unidade do chamado na entrada: quem guarda"},
    "asset_number": {"type": "string"}, "kind": {"type": "string"},
    "brand_model": {"type": "string"}, "serial_number": {"type": "string"},
    "condition": {"type": "string"}, "accessories": {"type": "string"},
    "delivered_by_id": {"type": ["integer", "null"]}, "delivered_by_name": {"type": "string"},
    "received_by_id": {"type": ["integer", "null"]}, "received_by_name": {"type": "string"},
    "entered_at": {"type": "string", "format": "date-time"},
    "maintenance_steps": {"type": "integer"},
    "taken_by_id": {"type": ["integer", "null"]}, "taken_by_name": {"type": ["string", "null"]},
    "return_note": {"type": ["string", "null"]},
    "returned_at": {"type": ["string", "null"], "format": "date-time"}}},
  "EquipmentList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Equipment"}}}}
})JSON");
}

}  // namespace guiche::api
