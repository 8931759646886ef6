// Services of the Carta de Serviços (/admin/servicos): the list, and creating
// or editing one with its charter fields and its request form, built row by
// row (add, remove, move; htmx swaps the builder, a plain POST does the same
// without JavaScript). The Desk validates the service and its form.
#include "app/directory/directory.hpp"
#include "app/sla/sla_admin.hpp"
#include "web/admin/admin_forms.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

const std::map<std::string, std::string> kServiceFields = {{"code", "codigo"},
                                                           {"name", "nome"},
                                                           {"popular_names", "nomes_populares"},
                                                           {"owning_unit_id", "unidade"}};

const char* const kTypes[] = {"text", "long_text", "number", "date", "choice", "yes_no"};

std::string service_path(const std::string& code) {
  return "/admin/servicos/" + url_encode(code);
}

// The charter fields as posted over `base` (every field replaced); the form
// comes from the builder.
Service service_from(const Form& f, Service base) {
  base.code = f.value("codigo");
  base.name = f.value("nome");
  base.popular_names = split_lines(f.value("nomes_populares"));
  base.description = f.value("descricao");
  base.audience = parse_audience(f.value("publico")).value_or(base.audience);
  base.who_may_use = f.value("quem");
  base.required_documents = f.value("documentos");
  base.stages = split_lines(f.value("etapas"));
  base.cost = f.value("custo");
  base.max_deadline = f.value("prazo");
  base.access_channels = f.value("canais_acesso");
  base.communication_channels = f.value("canais_comunicacao");
  base.complaint_channels = f.value("canais_manifestacao");
  base.commitment = f.value("compromisso");
  const auto unit = f.value("unidade");
  base.owning_unit_id = unit.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(unit));
  base.default_category = parse_category(f.value("categoria")).value_or(base.default_category);
  base.sla_policy = f.value("politica");
  base.is_public = checked(f, "visivel");
  base.active = checked(f, "ativo");
  return base;
}

nlohmann::json charter_fields(WebContext& ctx, const Visitor& v, const Service& s,
                              const Errors& e) {
  const auto t = [&](const std::string& key) { return text(ctx, "admin.servicos." + key); };
  Options audiences;
  for (auto a : {Audience::authorized_requesters, Audience::public_servants, Audience::anyone})
    audiences.emplace_back(audience_code(a), t("publico_" + std::string(audience_code(a))));
  Options units = {{"", t("sem_unidade")}};
  for (const auto& u : ctx.desk.directory().units(v.actor))
    units.emplace_back(std::to_string(u.id), u.code + " — " + u.name);
  Options categories;
  for (auto c : ctx.desk.directory().categories(v.actor))
    categories.emplace_back(category_code(c),
                            text(ctx, "admin.categoria." + std::string(category_code(c))));
  Options policies = {{"", t("politica_pela_severidade")}};
  for (const auto& p : ctx.desk.sla().sla_configuration(v.actor).policies)
    policies.emplace_back(p.code, p.label);
  return nlohmann::json::array(
      {with_hint(text_input("codigo", t("codigo"), s.code, e, "text", true), t("codigo_dica")),
       text_input("nome", t("nome"), s.name, e, "text", true),
       with_hint(text_area("nomes_populares", t("nomes_populares"), join_lines(s.popular_names), e),
                 t("nomes_populares_dica")),
       text_area("descricao", t("descricao"), s.description, e),
       select_input("publico", t("publico"), std::string(audience_code(s.audience)), audiences, e),
       text_area("quem", t("quem"), s.who_may_use, e),
       text_area("documentos", t("documentos"), s.required_documents, e),
       with_hint(text_area("etapas", t("etapas"), join_lines(s.stages), e), t("uma_por_linha")),
       text_input("custo", t("custo"), s.cost, e),
       text_input("prazo", t("prazo"), s.max_deadline, e),
       text_area("canais_acesso", t("canais_acesso"), s.access_channels, e),
       text_area("canais_comunicacao", t("canais_comunicacao"), s.communication_channels, e),
       text_area("canais_manifestacao", t("canais_manifestacao"), s.complaint_channels, e),
       text_area("compromisso", t("compromisso"), s.commitment, e),
       select_input("unidade", t("unidade"),
                    s.owning_unit_id ? std::to_string(*s.owning_unit_id) : "", units, e),
       select_input("categoria", t("categoria"), std::string(category_code(s.default_category)),
                    categories, e),
       select_input("politica", t("politica"), s.sla_policy, policies, e),
       check_input("visivel", t("visivel"), s.is_public, e),
       check_input("ativo", t("ativo"), s.active, e)});
}

nlohmann::json builder_view(WebContext& ctx, const std::vector<BuilderRow>& rows, int focus,
                            const Errors& e) {
  const auto t = [&](const std::string& key) { return text(ctx, "admin.servicos." + key); };
  Options types;
  for (const char* type : kTypes) types.emplace_back(type, t("tipo_" + std::string(type)));
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const auto n = std::to_string(i);
    const auto p = "campo-" + n + "-";
    const auto number = std::to_string(i + 1);
    auto key =
        with_hint(text_input(p + "chave", t("chave"), row.key, e, "text", true), t("chave_dica"));
    key["foco"] = focus == static_cast<int>(i);
    out.push_back(
        {{"n", n},
         {"numero", number},
         {"primeiro", i == 0},
         {"ultimo", i + 1 == rows.size()},
         {"campos",
          nlohmann::json::array(
              {key, text_input(p + "rotulo", t("rotulo"), row.label, e, "text", true),
               select_input(p + "tipo", t("tipo"), row.type, types, e),
               with_hint(text_area(p + "opcoes", t("opcoes"), row.choices, e), t("opcoes_dica")),
               check_input(p + "obrigatorio", t("obrigatorio"), row.required, e)})}});
  }
  return out;
}

http::Response service_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                            const std::optional<Service>& current, const Service& shown,
                            const std::vector<BuilderRow>& rows, int focus, const Errors& e,
                            int status) {
  nlohmann::json view = {{"novo", !current},
                         {"nome", shown.name},
                         {"acao", current ? service_path(current->code) : "/admin/servicos/novo"},
                         {"campos", charter_fields(ctx, v, shown, e)},
                         {"linhas", builder_view(ctx, rows, focus, e)},
                         {"total_linhas", rows.size()},
                         {"sem_linhas", rows.empty()},
                         {"erros", error_summary(e)}};
  if (current && current->active && current->is_public)
    view["catalogo"] = "/servicos/" + url_encode(current->code) + "/solicitar";
  return admin_page(ctx, v, r, status, "admin_servico",
                    current ? current->name : std::string("admin.servicos.novo"), view);
}

http::Response save_service(WebContext& ctx, const http::Request& r,
                            const std::optional<Service>& current, const Visitor& v) {
  const Form form = read_form(r);
  check_csrf(v, form);
  Service s;
  try {
    s = service_from(form, current.value_or(Service{}));
  } catch (const std::logic_error&) {
    throw malformed("Formulário malformado.");
  }
  auto rows = builder_rows_from(form.fields);
  if (auto focus = apply_builder_action(rows, form.value("acao"))) {
    return service_page(ctx, v, r, current, s, rows, *focus, {}, 200);
  }
  try {
    s.form = form_fields_from(rows);
    s = current ? ctx.desk.directory().update_service(v.actor, s)
                : ctx.desk.directory().create_service(v.actor, s);
  } catch (const DomainError& e) {
    Errors errors;
    if (e.kind() == DomainError::Kind::conflict) {
      errors["codigo"] = e.what();
    } else if (e.kind() == DomainError::Kind::validation) {
      errors = field_errors(e, kServiceFields);
      errors.erase("_geral");
      for (const auto& [id, message] : builder_errors(e, rows)) {
        // field_errors sent the form's errors to "_geral"; the builder places them.
        if (id != "_geral" || errors.empty()) errors[id] = message;
      }
    } else {
      throw;
    }
    return service_page(ctx, v, r, current, s, rows, -1, errors, 422);
  }
  return see_other(service_path(s.code) + "?salvo=1");
}

}  // namespace

void add_admin_services(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/servicos", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : ctx.desk.directory().services(v.actor)) {
      items.push_back({{"codigo", s.code},
                       {"nome", s.name},
                       {"ativo", s.active},
                       {"campos", s.form.size()},
                       {"url", service_path(s.code)}});
    }
    return admin_page(ctx, v, r, 200, "admin_servicos", "admin.servicos.titulo",
                      {{"servicos", items}});
  });
  add_admin_route(ctx, routes, "GET", "/admin/servicos/novo", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return service_page(ctx, v, r, std::nullopt, Service{}, {}, -1, {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/servicos/novo", [&ctx](const http::Request& r) {
    return save_service(ctx, r, std::nullopt, require_admin(ctx, r));
  });
  add_admin_route(ctx, routes, "GET", "/admin/servicos/:code", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    const auto s = ctx.desk.directory().service_by_code(v.actor, r.params.at("code"));
    return service_page(ctx, v, r, s, s, builder_rows_of(s.form), -1, {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/servicos/:code", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return save_service(ctx, r, ctx.desk.directory().service_by_code(v.actor, r.params.at("code")),
                        v);
  });
}

}  // namespace guiche::web
