#include "api/problem.hpp"
#include "observability/log.hpp"

#include "store/database.hpp"

namespace guiche::api {

int status_of(DomainError::Kind kind) {
  switch (kind) {
    case DomainError::Kind::malformed:
      return 400;
    case DomainError::Kind::validation:
      return 422;
    case DomainError::Kind::not_found:
      return 404;
    case DomainError::Kind::forbidden:
      return 403;
    case DomainError::Kind::conflict:
      return 409;
    case DomainError::Kind::too_large:
      return 413;
    case DomainError::Kind::unsupported_type:
      return 415;
    case DomainError::Kind::unauthenticated:
      return 401;
    case DomainError::Kind::rate_limited:
      return 429;
    case DomainError::Kind::unavailable:
      return 503;
  }
  return 400;
}

namespace {

std::string title_of(int status) {
  switch (status) {
    case 400:
      return "Requisição malformada";
    case 401:
      return "Não autenticado";
    case 403:
      return "Proibido";
    case 404:
      return "Não encontrado";
    case 409:
      return "Conflito";
    case 413:
      return "Conteúdo grande demais";
    case 415:
      return "Tipo de conteúdo não suportado";
    case 422:
      return "Dados inválidos";
    case 429:
      return "Muitas tentativas";
    case 503:
      return "Serviço indisponível";
    default:
      return "Erro interno";
  }
}

}  // namespace

http::Response json_response(int status, const nlohmann::json& body) {
  return {status,
          "application/json",
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

http::Response problem(int status, const std::string& title, const std::string& detail,
                       const std::vector<FieldError>& fields) {
  nlohmann::ordered_json body = {
      {"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  if (!fields.empty()) {
    auto list = nlohmann::ordered_json::array();
    for (const auto& f : fields) list.push_back({{"field", f.field}, {"message", f.message}});
    body["errors"] = list;
  }
  return {status,
          "application/problem+json",
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

http::Response problem_from(const DomainError& e) {
  const int status = status_of(e.kind());
  http::Response r = problem(status, title_of(status), e.what(), e.fields());
  if (status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

http::Response guarded(const std::function<http::Response()>& produce) {
  try {
    return produce();
  } catch (const DomainError& e) {
    return problem_from(e);
  } catch (const store::StoreError& e) {
    observability::log_error("api", std::string("erro do banco: ") + e.what());
    if (e.kind() == store::StoreError::Kind::unique_violation) {
      return problem(409, title_of(409), "O registro conflita com outro já existente.");
    }
    return problem(503, "Serviço indisponível",
                   "O banco de dados não respondeu; tente novamente em instantes.");
  } catch (const nlohmann::json::exception&) {
    return problem(400, title_of(400), "JSON com tipos inesperados.");
  } catch (const std::exception& e) {
    observability::log_error("api", e.what());
    return problem(500, title_of(500), "Ocorreu um erro inesperado; tente novamente.");
  }
}

nlohmann::json json_body(const http::Request& r, std::size_t limit) {
  auto type = r.header("content-type").value_or("");
  if (type.rfind("application/json", 0) != 0) {
    throw DomainError(DomainError::Kind::unsupported_type, "Envie o corpo como application/json.");
  }
  if (r.body.size() > limit) {
    throw DomainError(DomainError::Kind::too_large, "O corpo da requisição é grande demais.");
  }
  nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded()) throw malformed("JSON malformado ou com UTF-8 inválido.");
  if (!j.is_object()) throw malformed("O corpo deve ser um objeto JSON.");
  return j;
}

}  // namespace guiche::api
