// The OpenAPI rows and schemas of the ways to sign in (api/sign_in_settings_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& sign_in_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/auth/backends",
       "As formas de entrar ligadas (senha local; diretório LDAP / Active Directory), na ordem "
       "em que conferem um login, com a configuração de cada uma (nunca uma senha). Só "
       "administradores",
       "entrada",
       nullptr,
       "AuthBackendList",
       200,
       {}},
      {"GET",
       "/api/v1/auth/group-mappings",
       "Os mapeamentos dos grupos do diretório para órgão e papel: a cada entrada pelo diretório, "
       "os grupos da pessoa definem seus papéis (só solicitante sem grupo mapeado) e, quando o "
       "mapeamento diz, o seu órgão. Só administradores",
       "entrada",
       nullptr,
       "GroupMappingList",
       200,
       {}},
      {"POST",
       "/api/v1/auth/group-mappings",
       "Mapeia um grupo (DN, sem diferença de maiúsculas e espaços) para um órgão, um papel (numa "
       "unidade, para os papéis da equipe) ou os dois. 409 para um mapeamento repetido",
       "entrada",
       "NewGroupMapping",
       "GroupMapping",
       201,
       {}},
      {"DELETE",
       "/api/v1/auth/group-mappings/:id",
       "Remove um mapeamento; as pessoas o perdem na próxima entrada",
       "entrada",
       nullptr,
       nullptr,
       204,
       {}},
  };
  return ops;
}

nlohmann::ordered_json openapi_sign_in_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "AuthBackend": {"type": "object", "properties": {
    "key": {"type": "string", "enum": ["local", "ldap"]},
    "name": {"type": "string"},
    "detail": {"type": "string"}}},
  "AuthBackendList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/AuthBackend"}}}},
  "NewGroupMapping": {"type": "object", "required": ["group_dn"], "properties": {
    "group_dn": {"type": "string", "maxLength": 1000},
    "organization_id": {"type": ["integer", "null"]},
    "role": {"type": ["string", "null"]},
    "unit_id": {"type": ["integer", "null"]},
    "authorizes_requesters": {"type": "boolean", "description": "os membros são solicitantes autorizados do órgão"},
    "document_type": {"type": ["string", "null"], "enum": ["contract", "oficio", "service_request", null]},
    "document_number": {"type": "string", "description": "o documento que estabelece a regra"}}},
  "GroupMapping": {"type": "object", "properties": {
    "id": {"type": "integer"},
    "group_dn": {"type": "string", "description": "minúsculas, sem espaços junto a , e ="},
    "organization_id": {"type": ["integer", "null"]},
    "role": {"type": ["string", "null"]},
    "unit_id": {"type": ["integer", "null"]},
    "authorizes_requesters": {"type": "boolean"},
    "document_type": {"type": ["string", "null"]},
    "document_number": {"type": "string"},
    "created_by": {"type": "integer"},
    "created_at": {"type": "string", "format": "date-time"}}},
  "GroupMappingList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/GroupMapping"}}}}
})JSON");
}

}  // namespace guiche::api
