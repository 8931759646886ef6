// The OpenAPI rows and schemas of LGPD (api/personal_data_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& personal_data_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/people/:id/personal-data",
       "Dados pessoais da pessoa (LGPD, art. 18): um zip com dados.json (cadastro, chamados com "
       "seus eventos, manifestações, WhatsApp, assinaturas, guarda de equipamentos) e os arquivos "
       "que ela enviou. Só a própria pessoa ou um administrador; fica registrado quem pediu",
       "pessoas",
       nullptr,
       "PersonalDataArchive",
       200,
       {}},
      {"POST",
       "/api/v1/people/:id/anonymize",
       "Anonimizar a pessoa (LGPD): apaga nome, e-mails, telefone, CPF e, nos textos que a "
       "identificam, cada ocorrência deles; seus arquivos são apagados. Chamados, eventos e "
       "números ficam. Só administradores (não a si mesmos); repetir não muda nada",
       "pessoas",
       nullptr,
       "Anonymization",
       200,
       {}},
  };
  return ops;
}

nlohmann::ordered_json openapi_personal_data_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "PersonalDataArchive": {"type": "string", "format": "binary",
    "description": "application/zip: dados.json e, em anexos/ e whatsapp/, os arquivos do titular."},
  "Anonymization": {"type": "object", "additionalProperties": false,
    "required": ["person_id", "anonymized_at", "already_anonymized", "tickets_rewritten",
                 "files_erased"],
    "properties": {
      "person_id": {"type": "integer"},
      "anonymized_at": {"type": "string", "format": "date-time"},
      "already_anonymized": {"type": "boolean",
        "description": "true: já estava anonimizada; nada mudou agora"},
      "tickets_rewritten": {"type": "integer"},
      "files_erased": {"type": "integer"}}}
})JSON");
}

}  // namespace guiche::api
