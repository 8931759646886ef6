#include "api/json_fields.hpp"

#include <algorithm>

#include "domain/error.hpp"

namespace guiche::api {

void reject_unknown_fields(const nlohmann::json& body, const std::vector<std::string>& allowed) {
  std::vector<FieldError> errors;
  for (const auto& [key, value] : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      errors.push_back({key, "Campo desconhecido: " + key + "."});
    }
  }
  if (!errors.empty()) throw invalid("A requisição tem campos desconhecidos.", std::move(errors));
}

std::string required_string(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || !body[name].is_string()) {
    throw invalid_field(name, std::string("Informe o campo ") + name + " (texto).");
  }
  return body[name].get<std::string>();
}

std::optional<std::string> optional_string(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_string()) {
    throw invalid_field(name, std::string("O campo ") + name + " deve ser texto.");
  }
  return body[name].get<std::string>();
}

std::optional<std::int64_t> optional_integer(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_number_integer()) {
    throw invalid_field(name, std::string("O campo ") + name + " deve ser um número inteiro.");
  }
  return body[name].get<std::int64_t>();
}

std::int64_t required_integer(const nlohmann::json& body, const char* name) {
  auto v = optional_integer(body, name);
  if (!v) throw invalid_field(name, std::string("Informe o campo ") + name + " (número inteiro).");
  return *v;
}

std::optional<bool> optional_bool(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_boolean()) {
    throw invalid_field(name, std::string("O campo ") + name + " deve ser true ou false.");
  }
  return body[name].get<bool>();
}

std::int64_t path_id(const std::string& text) {
  std::int64_t id = 0;
  if (text.empty() || text.size() > 18 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw not_found("Recurso não encontrado.");
  }
  id = std::stoll(text);
  if (id <= 0) throw not_found("Recurso não encontrado.");
  return id;
}

std::optional<std::int64_t> query_id(const std::optional<std::string>& text, const char* name) {
  if (!text) return std::nullopt;
  if (text->empty() || text->size() > 18 ||
      !std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw malformed(std::string("Parâmetro ") + name + " inválido: use um número.");
  }
  return std::stoll(*text);
}

int query_limit(const std::optional<std::string>& text) {
  const auto limit = query_id(text, "limit").value_or(50);
  if (limit < 1 || limit > 200) throw invalid_field("limit", "limit vai de 1 a 200.");
  return static_cast<int>(limit);
}

}  // namespace guiche::api
