// Units (/admin/unidades): the tree, and creating a unit under another. The
// Desk has no use case to change a unit once created, so there is no edit.
#include "web/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

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

http::Response units_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                          const Form& sent, const Errors& e, int status) {
  const auto units = ctx.desk.units(v.actor);
  std::vector<std::pair<const Unit*, int>> tree;
  walk(units, std::nullopt, 0, tree);
  const auto t = [&](const std::string& key) { return text(ctx, "admin.unidades." + key); };
  nlohmann::json items = nlohmann::json::array();
  Options parents = {{"", t("sem_superior")}};
  for (const auto& [u, depth] : tree) {
    items.push_back({{"codigo", u->code},
                     {"nome", u->name},
                     {"tipo", t("tipo_" + std::string(unit_kind_code(u->kind)))},
                     {"nivel", depth}});
    parents.emplace_back(std::to_string(u->id),
                         std::string(depth * 2, '.') + " " + u->code + " — " + u->name);
  }
  Options kinds;
  for (auto k : {UnitKind::technical, UnitKind::service_center, UnitKind::client_relations,
                 UnitKind::communications})
    kinds.emplace_back(unit_kind_code(k), t("tipo_" + std::string(unit_kind_code(k))));
  nlohmann::json fields = nlohmann::json::array(
      {text_input("codigo", t("codigo"), sent.value("codigo"), e, "text", true),
       text_input("nome", t("nome"), sent.value("nome"), e, "text", true),
       select_input("superior", t("superior"), sent.value("superior"), parents, e),
       select_input("tipo", t("tipo"), sent.value("tipo"), kinds, e)});
  return admin_page(ctx, v, r, status, "admin_unidades", "admin.unidades.titulo",
                    {{"unidades", items}, {"campos", fields}, {"erros", error_summary(e)}});
}

http::Response create(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  Unit u;
  u.code = form.value("codigo");
  u.name = form.value("nome");
  const auto kind = parse_unit_kind(form.value("tipo"));
  const auto parent = form.value("superior");
  if (!kind || parent.find_first_not_of("0123456789") != std::string::npos || parent.size() > 15)
    throw malformed("Formulário malformado.");
  u.kind = *kind;
  if (!parent.empty()) u.parent_id = std::stoll(parent);
  try {
    ctx.desk.create_unit(v.actor, u);
  } catch (const DomainError& e) {
    Errors errors;
    if (e.kind() == DomainError::Kind::conflict) {
      errors["codigo"] = e.what();
    } else if (e.kind() == DomainError::Kind::validation) {
      errors = field_errors(e, {{"code", "codigo"}, {"name", "nome"}, {"parent", "superior"}});
    } else {
      throw;
    }
    return units_page(ctx, v, r, form, errors, 422);
  }
  return see_other("/admin/unidades?salvo=1");
}

}  // namespace

void add_admin_units(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/unidades", [&ctx](const http::Request& r) {
    return units_page(ctx, require_admin(ctx, r), r, Form{}, {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/unidades",
                  [&ctx](const http::Request& r) { return create(ctx, r); });
}

}  // namespace guiche::web
