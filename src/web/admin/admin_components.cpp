// The status page's components (/admin/componentes): the list by group,
// adding one (a catalog service or an infrastructure item) and editing it:
// its group, the unit whose staff set its notices' technical state, and the
// organizations that use it (their contacts hear of its notices).
// app::StatusComponents decides who may (admins).
#include "app/directory/directory.hpp"
#include "app/incidents/status_components.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

const std::map<std::string, std::string> kComponentFields = {{"name", "nome"},
                                                             {"group_name", "grupo"},
                                                             {"description", "descricao"},
                                                             {"service_id", "servico"},
                                                             {"responsible_unit_id", "unidade"},
                                                             {"organization_ids", "orgaos"},
                                                             {"active", "ativo"}};

std::string component_path(std::int64_t id) {
  return "/admin/componentes/" + std::to_string(id);
}

std::string t(WebContext& ctx, const std::string& key) {
  return text(ctx, "admin.componentes." + key);
}

std::optional<std::int64_t> optional_id(const std::string& value) {
  if (value.empty()) return std::nullopt;
  if (value.find_first_not_of("0123456789") != std::string::npos || value.size() > 15) {
    throw malformed("Formulário malformado.");
  }
  return std::stoll(value);
}

// The form as posted over `base`.
StatusComponent component_from(WebContext& ctx, const Visitor& v, const Form& form,
                               StatusComponent base) {
  base.name = form.value("nome");
  base.group_name = form.value("grupo");
  base.description = form.value("descricao");
  base.service_id = optional_id(form.value("servico"));
  base.responsible_unit_id = optional_id(form.value("unidade")).value_or(0);
  base.organization_ids.clear();
  for (const auto& o : ctx.desk.directory().organizations(v.actor)) {
    if (checked(form, "orgao-" + std::to_string(o.id))) base.organization_ids.push_back(o.id);
  }
  return base;
}

nlohmann::json component_fields(WebContext& ctx, const Visitor& v, const StatusComponent& c,
                                const Errors& e) {
  Options services = {{"", t(ctx, "sem_servico")}};
  for (const auto& s : ctx.desk.directory().services(v.actor)) {
    services.emplace_back(std::to_string(s.id), s.code + " — " + s.name);
  }
  Options units = {{"", t(ctx, "escolha_unidade")}};
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    if (u.active) units.emplace_back(std::to_string(u.id), u.code + " — " + u.name);
  }
  return nlohmann::json::array(
      {text_input("nome", t(ctx, "nome"), c.name, e, "text", true),
       with_hint(text_input("grupo", t(ctx, "grupo"), c.group_name, e, "text", true),
                 t(ctx, "grupo_dica")),
       text_input("descricao", t(ctx, "descricao"), c.description, e),
       with_hint(select_input("servico", t(ctx, "servico"),
                              c.service_id ? std::to_string(*c.service_id) : "", services, e),
                 t(ctx, "servico_dica")),
       with_hint(select_input("unidade", t(ctx, "unidade"),
                              c.responsible_unit_id ? std::to_string(c.responsible_unit_id) : "",
                              units, e, true),
                 t(ctx, "unidade_dica"))});
}

// The organizations, one checkbox each, those using `c` checked.
nlohmann::json organization_checks(WebContext& ctx, const Visitor& v, const StatusComponent& c) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : ctx.desk.directory().organizations(v.actor)) {
    if (!o.is_client) continue;
    const bool uses = std::find(c.organization_ids.begin(), c.organization_ids.end(), o.id) !=
                      c.organization_ids.end();
    out.push_back({{"id", "orgao-" + std::to_string(o.id)},
                   {"nome", o.acronym.empty() ? o.name : o.acronym + " — " + o.name},
                   {"marcado", uses}});
  }
  return out;
}

Errors errors_of(const DomainError& e) {
  if (e.kind() == DomainError::Kind::conflict) return {{"nome", e.what()}};
  if (e.kind() == DomainError::Kind::validation) return field_errors(e, kComponentFields);
  throw e;
}

http::Response list_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                         const Form* sent, const Errors& e) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : ctx.desk.status_components().components(true)) {
    items.push_back({{"nome", c.name},
                     {"grupo", c.group_name},
                     {"inativo", !c.active},
                     {"url", component_path(c.id)}});
  }
  StatusComponent shown;
  if (sent) shown = component_from(ctx, v, *sent, shown);
  return admin_page(ctx, v, r, sent ? 422 : 200, "admin_componentes", "admin.componentes.titulo",
                    {{"componentes", items},
                     {"campos", component_fields(ctx, v, shown, e)},
                     {"orgaos", organization_checks(ctx, v, shown)},
                     {"erros", error_summary(e)}});
}

http::Response create_component(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  try {
    ctx.desk.status_components().create_component(v.actor,
                                                  component_from(ctx, v, form, StatusComponent{}));
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::malformed) throw;
    return list_page(ctx, v, r, &form, errors_of(e));
  }
  return see_other("/admin/componentes?salvo=1");
}

http::Response component_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                              const StatusComponent& current, const Form* sent, const Errors& e) {
  StatusComponent shown = current;
  if (sent) {
    shown = component_from(ctx, v, *sent, shown);
    shown.active = checked(*sent, "ativo");
  }
  auto fields = component_fields(ctx, v, shown, e);
  auto active =
      with_hint(check_input("ativo", t(ctx, "ativo"), shown.active, e), t(ctx, "ativo_dica"));
  return admin_page(ctx, v, r, sent ? 422 : 200, "admin_componente", current.name,
                    {{"nome", current.name},
                     {"acao", component_path(current.id)},
                     {"campos", fields},
                     {"ativo_campo", nlohmann::json::array({active})},
                     {"orgaos", organization_checks(ctx, v, shown)},
                     {"erros", error_summary(e)}});
}

http::Response update(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const auto current = ctx.desk.status_components().component(number_param(r, "id"));
  const Form form = read_form(r);
  check_csrf(v, form);
  auto c = component_from(ctx, v, form, current);
  c.active = checked(form, "ativo");
  try {
    ctx.desk.status_components().update_component(v.actor, c);
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::malformed) throw;
    return component_page(ctx, v, r, current, &form, errors_of(e));
  }
  return see_other(component_path(c.id) + "?salvo=1");
}

}  // namespace

void add_admin_components(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/componentes", [&ctx](const http::Request& r) {
    return list_page(ctx, require_admin(ctx, r), r, nullptr, {});
  });
  add_admin_route(ctx, routes, "POST", "/admin/componentes",
                  [&ctx](const http::Request& r) { return create_component(ctx, r); });
  add_admin_route(ctx, routes, "GET", "/admin/componentes/:id", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    const auto c = ctx.desk.status_components().component(number_param(r, "id"));
    return component_page(ctx, v, r, c, nullptr, {});
  });
  add_admin_route(ctx, routes, "POST", "/admin/componentes/:id",
                  [&ctx](const http::Request& r) { return update(ctx, r); });
}

}  // namespace guiche::web
