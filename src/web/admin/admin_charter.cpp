// The Carta de Serviços' header in the administration (/admin/carta): the
// unit's name, "quem somos", contacts, address and site that /carta shows
// before the services. app::Charter decides who may (admins).
#include "app/charter/charter.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

const std::map<std::string, std::string> kCharterFields = {{"unit_name", "unidade"},
                                                           {"who_we_are", "quem_somos"},
                                                           {"contacts", "contatos"},
                                                           {"address", "endereco"},
                                                           {"website", "site"}};

CharterHeader header_from(const Form& f) {
  return {f.value("unidade"), f.value("quem_somos"), f.value("contatos"), f.value("endereco"),
          f.value("site")};
}

http::Response form_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                         const CharterHeader& h, const Errors& e, int status) {
  auto t = [&](const std::string& key) { return text(ctx, "admin.carta." + key); };
  nlohmann::json fields = nlohmann::json::array(
      {text_input("unidade", t("unidade"), h.unit_name, e, "text", true),
       text_area("quem_somos", t("quem_somos"), h.who_we_are, e, true),
       with_hint(text_area("contatos", t("contatos"), h.contacts, e), t("contatos_dica")),
       text_input("endereco", t("endereco"), h.address, e),
       with_hint(text_input("site", t("site"), h.website, e, "url"), t("site_dica"))});
  return admin_page(ctx, v, r, status, "admin_carta", "admin.carta.titulo",
                    {{"campos", fields}, {"erros", error_summary(e)}});
}

http::Response save_charter(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  try {
    ctx.desk.charter().update_header(v.actor, header_from(form));
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return form_page(ctx, v, r, header_from(form), field_errors(e, kCharterFields), 422);
  }
  return see_other("/admin/carta?salvo=1");
}

}  // namespace

void add_admin_charter(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/carta", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return form_page(ctx, v, r, ctx.desk.charter().header(), {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/carta",
                  [&ctx](const http::Request& r) { return save_charter(ctx, r); });
}

}  // namespace guiche::web
