// LGPD on the admin's person page (/admin/pessoas/:id): the person's data as
// one zip, and the anonymization behind a confirmation page whose box must
// be ticked (app/personal_data/personal_data.hpp decides and records both).
// Every POST carries the session's CSRF token.
#include "api/personal_data_download.hpp"
#include "app/directory/directory.hpp"
#include "app/personal_data/personal_data.hpp"
#include "web/admin/admin_page.hpp"

namespace guiche::web {
namespace {

std::string person_url(std::int64_t id) {
  return "/admin/pessoas/" + std::to_string(id);
}

http::Response confirmation(WebContext& ctx, const Visitor& v, const http::Request& r,
                            std::int64_t id, const std::string& error) {
  const Person p = ctx.desk.directory().person(v.actor, id);
  nlohmann::json view = {
      {"nome", p.name}, {"url_pessoa", person_url(id)}, {"acao", person_url(id) + "/anonimizar"}};
  if (!error.empty()) view["erro"] = error;
  return admin_page(ctx, v, r, error.empty() ? 200 : 422, "admin_anonimizar",
                    "admin.pessoas.anonimizar_titulo", view);
}

}  // namespace

void add_admin_personal_data(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "POST", "/admin/pessoas/:id/dados-pessoais",
                  [&ctx](const http::Request& r) {
                    const auto v = require_admin(ctx, r);
                    check_csrf(v, read_form(r));
                    return api::personal_data_download(
                        ctx.desk.personal_data().export_data(v.actor, number_param(r, "id")));
                  });
  add_admin_route(ctx, routes, "GET", "/admin/pessoas/:id/anonimizar",
                  [&ctx](const http::Request& r) {
                    const auto v = require_admin(ctx, r);
                    return confirmation(ctx, v, r, number_param(r, "id"), "");
                  });
  add_admin_route(
      ctx, routes, "POST", "/admin/pessoas/:id/anonimizar", [&ctx](const http::Request& r) {
        const auto v = require_admin(ctx, r);
        const Form form = read_form(r);
        check_csrf(v, form);
        const auto id = number_param(r, "id");
        if (!checked(form, "confirmo")) {
          return confirmation(ctx, v, r, id, text(ctx, "admin.pessoas.anonimizar_falta_confirmar"));
        }
        ctx.desk.personal_data().anonymize(v.actor, id);
        return see_other(person_url(id) + "?anonimizada=1");
      });
}

}  // namespace guiche::web
