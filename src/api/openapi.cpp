// The OpenAPI 3.1 document, assembled from a table of operations.
#include "api/openapi.hpp"

#include "api/openapi_operations.hpp"

#include <string>
#include <vector>

namespace guiche::api {

nlohmann::ordered_json openapi_schemas();
nlohmann::ordered_json openapi_notice_schemas();
nlohmann::ordered_json openapi_whatsapp_schemas();
nlohmann::ordered_json openapi_custody_schemas();
nlohmann::ordered_json openapi_personal_data_schemas();
nlohmann::ordered_json openapi_manifestation_schemas();
nlohmann::ordered_json openapi_privacy_schemas();
nlohmann::ordered_json openapi_report_schemas();
nlohmann::ordered_json openapi_satisfaction_report_schemas();
nlohmann::ordered_json openapi_incident_manifestation_report_schemas();
nlohmann::ordered_json openapi_sign_in_schemas();
nlohmann::ordered_json openapi_ticket_merge_schemas();
nlohmann::ordered_json openapi_answer_schemas();
nlohmann::ordered_json openapi_knowledge_schemas();

namespace {

nlohmann::ordered_json problem_response(const char* description) {
  return {
      {"description", description},
      {"content",
       {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

nlohmann::ordered_json operation(const OperationDoc& d) {
  nlohmann::ordered_json op = {{"summary", d.summary}, {"tags", {d.tag}}};
  auto params = nlohmann::ordered_json::array();
  const std::string path = d.path;
  for (std::size_t i = path.find(':'); i != std::string::npos; i = path.find(':', i + 1)) {
    auto end = path.find('/', i);
    params.push_back({{"name", path.substr(i + 1, end == std::string::npos ? end : end - i - 1)},
                      {"in", "path"},
                      {"required", true},
                      {"schema", {{"type", "string"}}}});
  }
  for (const char* q : d.query) {
    params.push_back(
        {{"name", q}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
  }
  if (!d.query.empty() || !params.empty()) op["parameters"] = params;
  if (d.request_schema) {
    const std::string schema = d.request_schema;
    const char* type = schema == "Upload"       ? "multipart/form-data"
                       : schema == "RawMessage" ? "message/rfc822"
                                                : "application/json";
    op["requestBody"] = {
        {"required", true},
        {"content",
         {{type,
           {{"schema", {{"$ref", std::string("#/components/schemas/") + d.request_schema}}}}}}}};
  }
  nlohmann::ordered_json responses;
  const std::string code = std::to_string(d.success_status);
  if (d.response_schema) {
    const std::string schema = d.response_schema;
    responses[code] = {
        {"description", "Sucesso"},
        {"content",
         {{schema == "PersonalDataArchive" ? "application/zip" : "application/json",
           {{"schema", {{"$ref", std::string("#/components/schemas/") + d.response_schema}}}}}}}};
  } else {
    responses[code] = {{"description", d.success_status == 204 ? "Sucesso, sem corpo"
                                                               : "Sucesso (corpo não JSON)"}};
  }
  if (d.request_schema) {
    responses["400"] = problem_response("JSON malformado");
    responses["413"] = problem_response("Corpo grande demais");
    responses["415"] = problem_response("Tipo de conteúdo não suportado");
    responses["422"] = problem_response("Dados inválidos; errors nomeia os campos");
  }
  if (d.needs_auth) {
    responses["401"] = problem_response("Sem sessão ou token válido");
    responses["403"] = problem_response("Proibido (inclui CSRF ausente em escrita por cookie)");
    responses["404"] = problem_response("Não encontrado, ou não visível para quem chama");
    if (std::string(d.method) == "POST" || std::string(d.method) == "PUT" ||
        std::string(d.method) == "PATCH") {
      responses["409"] = problem_response("Conflito: transição proibida ou duplicidade");
    }
  }
  if (std::string(d.path) == "/api/v1/session" && std::string(d.method) == "POST") {
    responses["401"] = problem_response("Login ou senha incorretos");
    responses["429"] = problem_response("Muitas tentativas; aguarde");
    responses["409"] = problem_response(
        "Primeira entrada de uma conta do diretório cujo e-mail ou login já é de um cadastro: "
        "nada é criado; vincule a conta em /minha-area/contas");
    responses["503"] = problem_response("O diretório não respondeu");
  }
  if (std::string(d.path).starts_with("/webhooks/")) {
    responses["401"] = problem_response("Assinatura ausente ou inválida; nada foi guardado");
    responses["403"] = problem_response("Verificação recusada: token ou modo inválido");
    responses["404"] = problem_response("Canal não configurado");
  }
  op["responses"] = responses;
  if (d.needs_auth) op["security"] = {{{"session", {}}}, {{"bearer", {}}}};
  return op;
}

}  // namespace

std::string openapi_path(const std::string& express) {
  std::string out;
  for (std::size_t i = 0; i < express.size(); ++i) {
    if (express[i] != ':') {
      out += express[i];
      continue;
    }
    auto end = express.find('/', i);
    if (end == std::string::npos) end = express.size();
    out.append("{").append(express, i + 1, end - i - 1).append("}");
    i = end - 1;
  }
  return out;
}

const nlohmann::ordered_json& openapi_document() {
  static const nlohmann::ordered_json document = [] {
    nlohmann::ordered_json doc = {
        {"openapi", "3.1.0"},
        {"info",
         {{"title", "Guichê API"},
          {"version", "1"},
          {"description",
           "Service desk para TI do setor público. Erros em application/problem+json (RFC 9457) "
           "com detail em pt-BR; instantes em ISO 8601 (UTC); listas paginadas por cursor."}}},
        {"servers", {{{"url", "/"}}}}};
    nlohmann::ordered_json paths = nlohmann::ordered_json::object();
    for (const auto* table :
         {&documented_operations(), &notice_operations(), &whatsapp_operations(),
          &custody_operations(), &manifestation_operations(), &observability_operations(),
          &personal_data_operations(), &privacy_operations(), &report_operations(),
          &satisfaction_report_operations(), &incident_manifestation_report_operations(),
          &sign_in_operations(), &ticket_merge_operations(), &answer_operations(),
          &knowledge_operations()}) {
      for (const auto& d : *table) {
        std::string method = d.method;
        for (auto& ch : method)
          ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        paths[openapi_path(d.path)][method] = operation(d);
      }
    }
    doc["paths"] = paths;
    doc["components"] = {
        {"schemas",
         [] {
           auto schemas = openapi_schemas();
           schemas.update(openapi_notice_schemas());
           schemas.update(openapi_whatsapp_schemas());
           schemas.update(openapi_custody_schemas());
           schemas.update(openapi_manifestation_schemas());
           schemas.update(openapi_personal_data_schemas());
           schemas.update(openapi_privacy_schemas());
           schemas.update(openapi_report_schemas());
           schemas.update(openapi_satisfaction_report_schemas());
           schemas.update(openapi_incident_manifestation_report_schemas());
           schemas.update(openapi_sign_in_schemas());
           schemas.update(openapi_ticket_merge_schemas());
           schemas.update(openapi_answer_schemas());
           schemas.update(openapi_knowledge_schemas());
           return schemas;
         }()},
        {"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "guiche_session"}}},
          {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}};
    return doc;
  }();
  return document;
}

}  // namespace guiche::api
