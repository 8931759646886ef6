// The ways to sign in (/admin/entrada): the parts that are on, in the order
// they check a login (app/accounts/auth/), and the directory groups' mappings
// to organizations and roles, with the form to add one and a button to
// remove each. The use cases (app/accounts/auth/group_mappings.cpp) check the
// caller again.
#include "api/problem.hpp"
#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

const std::map<std::string, std::string> kMappingFields = {{"group_dn", "grupo"},
                                                           {"organization_id", "orgao"},
                                                           {"role", "papel"},
                                                           {"unit_id", "unidade"},
                                                           {"document_number", "documento"}};

std::optional<std::int64_t> id_of(const std::string& text) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(text);
}

http::Response sign_in_settings(WebContext& ctx, const Visitor& v, const http::Request& r,
                                const Form& sent, const Errors& e, int status) {
  const auto t = [&](const std::string& key) { return text(ctx, "entrada." + key); };
  auto& accounts = ctx.desk.accounts();
  nlohmann::json backends = nlohmann::json::array();
  bool directory = false;
  for (const auto& b : accounts.auth_backends(v.actor)) {
    backends.push_back({{"chave", b.key}, {"nome", b.name}, {"detalhe", b.detail}});
    directory = directory || b.key == "ldap";
  }
  std::map<std::int64_t, std::string> org_names;
  std::vector<std::pair<std::string, std::string>> orgs = {{"", t("nenhum")}};
  for (const auto& o : ctx.desk.directory().organizations(v.actor)) {
    org_names[o.id] = o.acronym + " — " + o.name;
    orgs.emplace_back(std::to_string(o.id), org_names[o.id]);
  }
  std::map<std::int64_t, std::string> unit_names;
  std::vector<std::pair<std::string, std::string>> units = {{"", t("nenhum")}};
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    unit_names[u.id] = u.code + " — " + u.name;
    units.emplace_back(std::to_string(u.id), unit_names[u.id]);
  }
  std::vector<std::pair<std::string, std::string>> roles = {{"", t("nenhum")}};
  for (auto role : all_roles()) {
    roles.emplace_back(role_code(role), text(ctx, "admin.papel." + std::string(role_code(role))));
  }
  std::vector<std::pair<std::string, std::string>> documents;
  for (auto d : {AuthorizationDocument::oficio, AuthorizationDocument::contract,
                 AuthorizationDocument::service_request}) {
    documents.emplace_back(document_code(d),
                           text(ctx, "admin.autorizados.doc_" + std::string(document_code(d))));
  }
  nlohmann::json mappings = nlohmann::json::array();
  for (const auto& m : accounts.group_mappings(v.actor)) {
    const auto name_in = [](const std::map<std::int64_t, std::string>& names,
                            const std::optional<std::int64_t>& id) {
      if (!id) return std::string("—");
      auto it = names.find(*id);
      return it == names.end() ? std::to_string(*id) : it->second;
    };
    mappings.push_back(
        {{"id", m.id},
         {"grupo", m.group_dn},
         {"orgao", name_in(org_names, m.organization_id)},
         {"papel", m.role ? text(ctx, "admin.papel." + std::string(role_code(*m.role))) : "—"},
         {"unidade", name_in(unit_names, m.unit_id)},
         {"autoriza", m.authorizes_requesters
                          ? text(ctx, "admin.autorizados.doc_" +
                                          std::string(document_code(m.document_type.value_or(
                                              AuthorizationDocument::oficio)))) +
                                " " + m.document_number
                          : "—"},
         {"link_remover", "/admin/entrada/grupos/" + std::to_string(m.id) + "/remover"}});
  }
  nlohmann::json fields = nlohmann::json::array(
      {with_hint(text_input("grupo", t("grupo"), sent.value("grupo"), e, "text", true),
                 t("grupo_dica")),
       select_input("orgao", t("orgao"), sent.value("orgao"), orgs, e),
       select_input("papel", t("papel"), sent.value("papel"), roles, e),
       with_hint(select_input("unidade", t("unidade"), sent.value("unidade"), units, e),
                 t("unidade_dica")),
       with_hint(check_input("autoriza", t("autoriza"), checked(sent, "autoriza"), e),
                 t("autoriza_dica")),
       select_input("tipo-documento", t("tipo_documento"), sent.value("tipo-documento"), documents,
                    e),
       text_input("documento", t("documento"), sent.value("documento"), e)});
  return admin_page(ctx, v, r, status, "admin_entrada", "entrada.titulo",
                    {{"formas", backends},
                     {"sem_diretorio", !directory},
                     {"mapeamentos", mappings},
                     {"vazio", mappings.empty()},
                     {"campos", fields},
                     {"erros", error_summary(e)}});
}

http::Response add_mapping(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  DirectoryGroupMapping m;
  m.group_dn = form.value("grupo");
  m.organization_id = id_of(form.value("orgao"));
  m.role = parse_role(form.value("papel"));
  m.unit_id = id_of(form.value("unidade"));
  m.authorizes_requesters = checked(form, "autoriza");
  m.document_type = parse_document(form.value("tipo-documento"));
  m.document_number = form.value("documento");
  try {
    ctx.desk.accounts().add_group_mapping(v.actor, m);
    return see_other("/admin/entrada?salvo=1#grupos");
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation && e.kind() != DomainError::Kind::conflict) {
      throw;
    }
    Errors errors = field_errors(e, kMappingFields);
    if (errors.empty()) errors["_geral"] = e.what();
    return sign_in_settings(ctx, v, r, form, errors, api::status_of(e.kind()));
  }
}

}  // namespace

void add_admin_sign_in(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/entrada", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return sign_in_settings(ctx, v, r, Form{}, {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/entrada/grupos",
                  [&ctx](const http::Request& r) { return add_mapping(ctx, r); });
  add_admin_route(ctx, routes, "POST", "/admin/entrada/grupos/:id/remover",
                  [&ctx](const http::Request& r) {
                    const auto v = require_admin(ctx, r);
                    const Form form = read_form(r);
                    check_csrf(v, form);
                    ctx.desk.accounts().remove_group_mapping(v.actor, number_param(r, "id"));
                    return see_other("/admin/entrada?salvo=1#grupos");
                  });
}

}  // namespace guiche::web
