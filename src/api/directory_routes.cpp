// The directory of /api/v1: organizations and authorizations, people, units,
// services and categories. Each group lives in its own file; the helpers they
// share live here.
#include "api/directory_routes.hpp"

#include <cctype>

#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "domain/error.hpp"

namespace guiche::api {

void add_directory_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  add_organization_routes(ctx, routes);
  add_people_routes(ctx, routes);
  add_personal_data_routes(ctx, routes);
  add_service_routes(ctx, routes);
}

void add_guarded_route(std::vector<http::Route>& routes, const char* method, const char* path,
                       http::Handler handler) {
  routes.push_back({method, path, [handler = std::move(handler)](const http::Request& r) {
                      return guarded([&] { return handler(r); });
                    }});
}

http::Response created(const nlohmann::json& body, const std::string& location) {
  auto response = json_response(201, body);
  response.headers.emplace_back("Location", location);
  return response;
}

http::Response no_content() {
  return http::Response{204, "application/json", "", {}};
}

http::Response items_response(const nlohmann::json& items) {
  return json_response(200, {{"items", items}});
}

nlohmann::json strict_body(ApiContext& ctx, const http::Request& r,
                           const std::vector<std::string>& allowed) {
  auto body = json_body(r, ctx.max_json_bytes);
  reject_unknown_fields(body, allowed);
  return body;
}

void require_every_field(const nlohmann::json& body, const std::vector<std::string>& fields) {
  std::vector<FieldError> missing;
  for (const auto& name : fields) {
    if (!body.contains(name)) {
      missing.push_back({name, "Informe o campo " + name + " (PUT substitui o registro inteiro)."});
    }
  }
  if (!missing.empty()) {
    throw invalid(
        "PUT substitui o registro inteiro: envie todos os campos, ou use PATCH para "
        "alterar só alguns.",
        std::move(missing));
  }
}

void set_text(const nlohmann::json& b, const char* name, std::string& target) {
  if (!b.contains(name)) return;
  if (!b[name].is_string()) {
    throw invalid_field(name, std::string("O campo ") + name + " deve ser texto.");
  }
  target = b[name].get<std::string>();
}

void set_flag(const nlohmann::json& b, const char* name, bool& target) {
  if (!b.contains(name)) return;
  if (!b[name].is_boolean()) {
    throw invalid_field(name, std::string("O campo ") + name + " deve ser true ou false.");
  }
  target = b[name].get<bool>();
}

void set_optional_text(const nlohmann::json& b, const char* name,
                       std::optional<std::string>& target) {
  if (b.contains(name)) target = optional_string(b, name);
}

void set_optional_id(const nlohmann::json& b, const char* name,
                     std::optional<std::int64_t>& target) {
  if (!b.contains(name)) return;
  target = optional_integer(b, name);
  if (target && *target <= 0) {
    throw invalid_field(name, std::string("O campo ") + name + " deve ser um id positivo.");
  }
}

void set_text_list(const nlohmann::json& b, const char* name, std::vector<std::string>& target) {
  if (!b.contains(name)) return;
  const auto& v = b[name];
  bool ok = v.is_array();
  for (std::size_t i = 0; ok && i < v.size(); ++i) ok = v[i].is_string();
  if (!ok) {
    throw invalid_field(name, std::string("O campo ") + name + " deve ser uma lista de textos.");
  }
  target = v.get<std::vector<std::string>>();
}

bool required_bool(const nlohmann::json& b, const char* name) {
  auto v = optional_bool(b, name);
  if (!v) throw invalid_field(name, std::string("Informe o campo ") + name + " (true ou false).");
  return *v;
}

Date required_date(const nlohmann::json& b, const char* name) {
  auto d = parse_date(required_string(b, name));
  if (!d) throw invalid_field(name, std::string("Data inválida em ") + name + " (AAAA-MM-DD).");
  return *d;
}

std::string decoded_segment(const std::string& raw) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    if (i + 2 >= raw.size()) throw not_found("Recurso não encontrado.");
    const int hi = hex(raw[i + 1]), lo = hex(raw[i + 2]);
    if (hi < 0 || lo < 0) throw not_found("Recurso não encontrado.");
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::string encoded_segment(const std::string& text) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved && c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

http::Response with_api_fields(const std::map<std::string, std::string>& names,
                               const std::function<http::Response()>& produce) {
  try {
    return produce();
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    auto fields = e.fields();
    for (auto& f : fields) {
      if (auto it = names.find(f.field); it != names.end()) f.field = it->second;
    }
    throw DomainError(e.kind(), e.what(), std::move(fields));
  }
}

}  // namespace guiche::api
