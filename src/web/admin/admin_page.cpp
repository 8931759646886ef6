#include "web/admin/admin_page.hpp"

#include "web/date_input.hpp"

namespace guiche::web {
namespace {

nlohmann::json base_field(const std::string& id, const std::string& label, const Errors& errors,
                          bool required) {
  auto it = errors.find(id);
  nlohmann::json f = {{"id", id},        {"rotulo", label},  {"obrigatorio", required},
                      {"caixa", false},  {"area", false},    {"lista", false},
                      {"linha", false},  {"marcado", false}, {"dica", false},
                      {"oculto", false}, {"erro", false},    {"descrito", false},
                      {"tipo", "text"},  {"valor", ""},      {"foco", false},
                      {"modo", false},   {"exemplo", false}};
  if (it != errors.end()) {
    f["erro"] = it->second;
    f["descrito"] = id + "-erro";
  }
  return f;
}

}  // namespace

Visitor require_admin(WebContext& ctx, const http::Request& r) {
  auto v = require_visitor(ctx, r);
  if (!v.actor.person.has_role(Role::admin)) {
    throw DomainError(DomainError::Kind::forbidden,
                      "Somente administradores acessam a administração.");
  }
  return v;
}

void add_admin_route(WebContext& ctx, std::vector<http::Route>& routes, const char* method,
                     const char* path, std::function<http::Response(const http::Request&)> fn) {
  routes.push_back({method, path, [&ctx, fn = std::move(fn)](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return fn(r); });
                    }});
}

nlohmann::json text_input(const std::string& id, const std::string& label, const std::string& value,
                          const Errors& errors, const std::string& type, bool required) {
  auto f = base_field(id, label, errors, required);
  f["linha"] = true;
  f["tipo"] = type;
  f["valor"] = value;
  return f;
}

nlohmann::json date_input(WebContext& ctx, const std::string& id, const std::string& label,
                          const std::string& value, const Errors& errors, bool required,
                          bool with_format_hint) {
  const auto format = text(ctx, "admin.data_formato");
  auto f = text_input(id, with_format_hint ? label : label + " (" + format + ")", value, errors,
                      "text", required);
  f["modo"] = "numeric";
  f["exemplo"] = format;
  return with_format_hint ? with_hint(f, text(ctx, "admin.data_dica")) : f;
}

nlohmann::json text_area(const std::string& id, const std::string& label, const std::string& value,
                         const Errors& errors, bool required) {
  auto f = base_field(id, label, errors, required);
  f["area"] = true;
  f["valor"] = value;
  return f;
}

nlohmann::json select_input(const std::string& id, const std::string& label,
                            const std::string& value,
                            const std::vector<std::pair<std::string, std::string>>& options,
                            const Errors& errors, bool required) {
  auto f = base_field(id, label, errors, required);
  f["lista"] = true;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [v, text] : options) {
    list.push_back({{"valor", v}, {"texto", text}, {"marcado", v == value}});
  }
  f["opcoes"] = list;
  return f;
}

nlohmann::json check_input(const std::string& id, const std::string& label, bool is_checked,
                           const Errors& errors) {
  auto f = base_field(id, label, errors, false);
  f["caixa"] = true;
  f["marcado"] = is_checked;
  return f;
}

nlohmann::json with_hint(nlohmann::json field, const std::string& hint) {
  const std::string id = field["id"];
  field["dica"] = hint;
  field["descrito"] = id + "-dica" + (field["erro"].is_string() ? " " + id + "-erro" : "");
  return field;
}

nlohmann::json hidden_label(nlohmann::json field) {
  field["oculto"] = true;
  return field;
}

nlohmann::json error_summary(const Errors& errors) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [id, text] : errors) {
    // The form-wide error has nowhere to link to (and "" would still render a link).
    nlohmann::json target = id == "_geral" ? nlohmann::json(false) : nlohmann::json("#" + id);
    list.push_back({{"alvo", target}, {"texto", text}});
  }
  return {{"tem", !errors.empty()}, {"itens", list}};
}

bool checked(const Form& form, const std::string& id) {
  return form.value(id) == "sim";
}

std::int64_t number_param(const http::Request& r, const char* name) {
  const auto& s = r.params.at(name);
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos)
    throw not_found("Página não encontrada.");
  return std::stoll(s);
}

std::string date_br(Date d) {
  return format_date_input(d);
}

Date desk_today(WebContext& ctx) {
  return ctx.desk.local_date(SystemClock{}.now());
}

http::Response admin_page(WebContext& ctx, const Visitor& v, const http::Request& r, int status,
                          const std::string& name, const std::string& title_key,
                          nlohmann::json view) {
  view["salvo"] = r.query_value("salvo").has_value();
  if (!view.contains("erros")) view["erros"] = error_summary({});
  return page(ctx, v, status, name, title_key, std::move(view));
}

}  // namespace guiche::web
