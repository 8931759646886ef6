// Units (/admin/unidades): the tree, creating a unit under another, and
// editing one (code, name, parent, kind; deactivating it once no ticket of
// its is open — the Desk decides).
#include "app/directory/directory.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

const std::map<std::string, std::string> kUnitFields = {
    {"code", "codigo"}, {"name", "nome"}, {"parent", "superior"}, {"active", "ativa"}};

// The units in tree order (each after its parent) with their depth.
void walk(const std::vector<Unit>& all, std::optional<std::int64_t> parent, int depth,
          std::vector<std::pair<const Unit*, int>>& out) {
  for (const auto& u : all) {
    if (u.parent_id == parent) {
      out.emplace_back(&u, depth);
      walk(all, u.id, depth + 1, out);
    }
  }
}

std::string unit_path(std::int64_t id) {
  return "/admin/unidades/" + std::to_string(id);
}

struct UnitChoices {
  std::vector<std::pair<const Unit*, int>> tree;
  Options parents;
  Options kinds;
};

// `units` must outlive the result. A unit cannot sit under itself, so the
// edited one (`except`) is left out of the parents.
UnitChoices choices(WebContext& ctx, const std::vector<Unit>& units, std::int64_t except) {
  const auto t = [&](const std::string& key) { return text(ctx, "admin.unidades." + key); };
  UnitChoices out;
  walk(units, std::nullopt, 0, out.tree);
  out.parents = {{"", t("sem_superior")}};
  for (const auto& [u, depth] : out.tree) {
    if (u->id == except) continue;
    out.parents.emplace_back(std::to_string(u->id),
                             std::string(depth * 2, '.') + " " + u->code + " — " + u->name);
  }
  for (auto k : {UnitKind::technical, UnitKind::service_center, UnitKind::client_relations,
                 UnitKind::communications})
    out.kinds.emplace_back(unit_kind_code(k), t("tipo_" + std::string(unit_kind_code(k))));
  return out;
}

nlohmann::json unit_fields(WebContext& ctx, const UnitChoices& c, const Unit& u, const Errors& e) {
  const auto t = [&](const std::string& key) { return text(ctx, "admin.unidades." + key); };
  return nlohmann::json::array(
      {text_input("codigo", t("codigo"), u.code, e, "text", true),
       text_input("nome", t("nome"), u.name, e, "text", true),
       select_input("superior", t("superior"), u.parent_id ? std::to_string(*u.parent_id) : "",
                    c.parents, e),
       select_input("tipo", t("tipo"), std::string(unit_kind_code(u.kind)), c.kinds, e)});
}

// The form as posted over `base`; a parent or kind no form offers is malformed.
Unit unit_from(const Form& form, Unit base) {
  base.code = form.value("codigo");
  base.name = form.value("nome");
  const auto kind = parse_unit_kind(form.value("tipo"));
  const auto parent = form.value("superior");
  if (!kind || parent.find_first_not_of("0123456789") != std::string::npos || parent.size() > 15)
    throw malformed("Formulário malformado.");
  base.kind = *kind;
  base.parent_id = parent.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(parent));
  return base;
}

Errors errors_of(const DomainError& e) {
  Errors errors;
  if (e.kind() == DomainError::Kind::conflict) {
    errors["codigo"] = e.what();
  } else if (e.kind() == DomainError::Kind::validation) {
    errors = field_errors(e, kUnitFields);
  } else {
    throw e;
  }
  return errors;
}

http::Response units_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                          const Form* sent, const Errors& e) {
  const auto units = ctx.desk.directory().units(v.actor);
  const auto c = choices(ctx, units, 0);
  const auto t = [&](const std::string& key) { return text(ctx, "admin.unidades." + key); };
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [u, depth] : c.tree) {
    items.push_back({{"codigo", u->code},
                     {"nome", u->name},
                     {"tipo", t("tipo_" + std::string(unit_kind_code(u->kind)))},
                     {"inativa", !u->active},
                     {"url", unit_path(u->id)},
                     {"nivel", depth}});
  }
  Unit shown;
  if (sent) shown = unit_from(*sent, shown);
  return admin_page(ctx, v, r, sent ? 422 : 200, "admin_unidades", "admin.unidades.titulo",
                    {{"unidades", items},
                     {"campos", unit_fields(ctx, c, shown, e)},
                     {"erros", error_summary(e)}});
}

http::Response create_unit(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  try {
    ctx.desk.directory().create_unit(v.actor, unit_from(form, Unit{}));
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::malformed) throw;
    return units_page(ctx, v, r, &form, errors_of(e));
  }
  return see_other("/admin/unidades?salvo=1");
}

Unit unit_by_id(WebContext& ctx, const Visitor& v, std::int64_t id) {
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    if (u.id == id) return u;
  }
  throw not_found("Unidade não encontrada.");
}

http::Response unit_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                         const Unit& current, const Form* sent, const Errors& e) {
  const auto units = ctx.desk.directory().units(v.actor);
  const auto c = choices(ctx, units, current.id);
  Unit shown = current;
  if (sent) {
    shown = unit_from(*sent, shown);
    shown.active = checked(*sent, "ativa");
  }
  auto fields = unit_fields(ctx, c, shown, e);
  fields.push_back(
      with_hint(check_input("ativa", text(ctx, "admin.unidades.ativa"), shown.active, e),
                text(ctx, "admin.unidades.ativa_dica")));
  return admin_page(ctx, v, r, sent ? 422 : 200, "admin_unidade",
                    current.code + " — " + current.name,
                    {{"codigo", current.code},
                     {"nome", current.name},
                     {"acao", unit_path(current.id)},
                     {"campos", fields},
                     {"erros", error_summary(e)}});
}

http::Response update(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const auto current = unit_by_id(ctx, v, number_param(r, "id"));
  const Form form = read_form(r);
  check_csrf(v, form);
  Unit u = unit_from(form, current);
  u.active = checked(form, "ativa");
  try {
    ctx.desk.directory().update_unit(v.actor, u);
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::malformed) throw;
    return unit_page(ctx, v, r, current, &form, errors_of(e));
  }
  return see_other(unit_path(u.id) + "?salvo=1");
}

}  // namespace

void add_admin_units(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/unidades", [&ctx](const http::Request& r) {
    return units_page(ctx, require_admin(ctx, r), r, nullptr, {});
  });
  add_admin_route(ctx, routes, "POST", "/admin/unidades",
                  [&ctx](const http::Request& r) { return create_unit(ctx, r); });
  add_admin_route(ctx, routes, "GET", "/admin/unidades/:id", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return unit_page(ctx, v, r, unit_by_id(ctx, v, number_param(r, "id")), nullptr, {});
  });
  add_admin_route(ctx, routes, "POST", "/admin/unidades/:id",
                  [&ctx](const http::Request& r) { return update(ctx, r); });
}

}  // namespace guiche::web
