// Organizations (/admin/organizacoes): the list, creating one and editing it
// (every field replaced, as PUT does). The same page shows its authorized
// requesters (admin_authorizations.cpp).
#include "web/admin/admin_organizations.hpp"
#include "app/calendars/calendars.hpp"
#include "app/directory/directory.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

const std::map<std::string, std::string> kOrganizationFields = {
    {"name", "nome"},           {"acronym", "sigla"},
    {"cnpj", "cnpj"},           {"client_reference", "referencia"},
    {"calendar", "calendario"}, {"parent_id", "superior"}};

nlohmann::json organization_fields(WebContext& ctx, const Visitor& v, const Organization& o,
                                   const Errors& e) {
  std::vector<std::pair<std::string, std::string>> calendars;
  for (const auto& c : ctx.desk.calendars().calendars(v.actor))
    calendars.emplace_back(c.name, c.name);
  std::vector<std::pair<std::string, std::string>> parents = {
      {"", text(ctx, "admin.org.sem_superior")}};
  for (const auto& other : ctx.desk.directory().organizations(v.actor)) {
    if (other.id != o.id) parents.emplace_back(std::to_string(other.id), other.acronym);
  }
  const auto t = [&](const char* key) { return text(ctx, std::string("admin.org.") + key); };
  return nlohmann::json::array(
      {text_input("nome", t("nome"), o.name, e, "text", true),
       text_input("sigla", t("sigla"), o.acronym, e, "text", true),
       text_input("cnpj", t("cnpj"), o.cnpj.value_or(""), e),
       check_input("cliente", t("cliente"), o.is_client, e),
       with_hint(text_input("referencia", t("referencia"), o.client_reference, e),
                 t("referencia_dica")),
       select_input("calendario", t("calendario"), o.calendar, calendars, e),
       select_input("superior", t("superior"), o.parent_id ? std::to_string(*o.parent_id) : "",
                    parents, e),
       check_input("confirmacao", t("confirmacao"), o.authorization_changes_need_confirmation, e)});
}

// The form as posted over `base` (PUT semantics: every field is replaced).
Organization organization_from(const Form& f, Organization base) {
  base.name = f.value("nome");
  base.acronym = f.value("sigla");
  const auto cnpj = f.value("cnpj");
  base.cnpj = cnpj.empty() ? std::nullopt : std::optional<std::string>(cnpj);
  base.is_client = checked(f, "cliente");
  base.client_reference = f.value("referencia");
  base.calendar = f.value("calendario");
  const auto parent = f.value("superior");
  base.parent_id = parent.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(parent));
  base.authorization_changes_need_confirmation = checked(f, "confirmacao");
  return base;
}

http::Response save_organization(WebContext& ctx, const http::Request& r,
                                 std::optional<std::int64_t> id) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  std::optional<Organization> current;
  if (id) current = ctx.desk.directory().organization(v.actor, *id);
  Organization o;
  try {
    // The parent arrives from our own select; anything else is not a number.
    o = organization_from(form, current.value_or(Organization{}));
  } catch (const std::logic_error&) {
    throw malformed("Formulário malformado.");
  }
  try {
    o = id ? ctx.desk.directory().update_organization(v.actor, o)
           : ctx.desk.directory().create_organization(v.actor, o);
  } catch (const DomainError& e) {
    OrganizationForms forms{form, {}, {}, 0, {}, 422};
    if (e.kind() == DomainError::Kind::conflict) {
      forms.organization["sigla"] = e.what();
    } else if (e.kind() == DomainError::Kind::validation) {
      forms.organization = field_errors(e, kOrganizationFields);
    } else {
      throw;
    }
    return organization_page(ctx, v, r, id ? current : std::nullopt, forms);
  }
  return see_other("/admin/organizacoes/" + std::to_string(o.id) + "?salvo=1");
}

}  // namespace

http::Response organization_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                                 const std::optional<Organization>& o,
                                 const OrganizationForms& forms) {
  const bool posted = forms.status != 200 && !forms.organization.empty();
  Organization shown = o.value_or(Organization{});
  if (posted) shown = organization_from(forms.sent, shown);
  Errors all = forms.organization;
  all.insert(forms.grant.begin(), forms.grant.end());
  all.insert(forms.revoke.begin(), forms.revoke.end());
  nlohmann::json view = {{"novo", !o},
                         {"acao", o ? "/admin/organizacoes/" + std::to_string(o->id)
                                    : std::string("/admin/organizacoes/novo")},
                         {"campos", organization_fields(ctx, v, shown, forms.organization)},
                         {"erros", error_summary(all)}};
  if (o) {
    view["nome"] = o->acronym + " — " + o->name;
    view["autorizados"] = authorized_view(ctx, v, *o, forms);
  }
  return admin_page(ctx, v, r, forms.status, "admin_organizacao",
                    o ? o->acronym : std::string("admin.org.novo"), view);
}

void add_admin_organizations(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/organizacoes", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& o : ctx.desk.directory().organizations(v.actor)) {
      items.push_back({{"sigla", o.acronym},
                       {"nome", o.name},
                       {"cliente", o.is_client},
                       {"calendario", o.calendar},
                       {"url", "/admin/organizacoes/" + std::to_string(o.id)}});
    }
    return admin_page(ctx, v, r, 200, "admin_organizacoes", "admin.org.titulo",
                      {{"orgaos", items}});
  });
  add_admin_route(ctx, routes, "GET", "/admin/organizacoes/novo", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return organization_page(ctx, v, r, std::nullopt, {});
  });
  add_admin_route(ctx, routes, "POST", "/admin/organizacoes/novo", [&ctx](const http::Request& r) {
    return save_organization(ctx, r, std::nullopt);
  });
  add_admin_route(ctx, routes, "GET", "/admin/organizacoes/:id", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return organization_page(ctx, v, r,
                             ctx.desk.directory().organization(v.actor, number_param(r, "id")), {});
  });
  add_admin_route(ctx, routes, "POST", "/admin/organizacoes/:id", [&ctx](const http::Request& r) {
    return save_organization(ctx, r, number_param(r, "id"));
  });
}

}  // namespace guiche::web
