// The privacy notice in the administration (/admin/privacidade): the pt-BR
// text, an optional English one and the encarregado's contact, with who saved
// it last and when. Admins and the encarregado de dados edit it
// (app/privacy/privacy_notices.hpp decides); the public page is /privacidade.
#include "app/privacy/privacy_notices.hpp"
#include "web/admin/admin_page.hpp"
#include "web/admin/privacy_gate.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {

Visitor require_privacy_officer(WebContext& ctx, const http::Request& r) {
  auto v = require_visitor(ctx, r);
  if (!v.actor.person.has_role(Role::admin) &&
      !v.actor.person.has_role(Role::data_protection_officer)) {
    throw DomainError(DomainError::Kind::forbidden,
                      "Somente administradores e o encarregado de dados acessam esta página.");
  }
  return v;
}

namespace {

const std::map<std::string, std::string> kPrivacyFields = {
    {"text_pt", "texto"}, {"text_en", "texto_en"}, {"dpo_contact", "encarregado"}};

PrivacyNoticeText privacy_from(const Form& f) {
  return {f.value("texto"), f.value("texto_en"), f.value("encarregado")};
}

http::Response privacy_form(WebContext& ctx, const Visitor& v, const http::Request& r,
                            const app::PrivacyNotice& n, const Errors& e, int status) {
  auto t = [&](const std::string& key) { return text(ctx, "privacidade.admin." + key); };
  nlohmann::json fields = nlohmann::json::array(
      {with_hint(text_input("encarregado", t("encarregado"), n.text.dpo_contact, e, "text", true),
                 t("encarregado_dica")),
       with_hint(text_area("texto", t("texto"), n.text.text_pt, e, true), t("texto_dica")),
       with_hint(text_area("texto_en", t("texto_en"), n.text.text_en, e), t("texto_en_dica"))});
  return admin_page(ctx, v, r, status, "admin_privacidade", "privacidade.admin.titulo",
                    {{"campos", fields},
                     {"erros", error_summary(e)},
                     {"admin", v.actor.person.has_role(Role::admin)},
                     {"atualizado", n.updated_at ? nlohmann::json(format_local(ctx, *n.updated_at))
                                                 : nlohmann::json(false)},
                     {"atualizado_por", n.updated_by_name}});
}

http::Response save_privacy(WebContext& ctx, const http::Request& r) {
  const auto v = require_privacy_officer(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  try {
    ctx.desk.privacy().update(v.actor, privacy_from(form));
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    auto shown = ctx.desk.privacy().notice();
    shown.text = privacy_from(form);
    return privacy_form(ctx, v, r, shown, field_errors(e, kPrivacyFields), 422);
  }
  return see_other("/admin/privacidade?salvo=1");
}

}  // namespace

void add_admin_privacy(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/privacidade", [&ctx](const http::Request& r) {
    const auto v = require_privacy_officer(ctx, r);
    return privacy_form(ctx, v, r, ctx.desk.privacy().notice(), {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/privacidade",
                  [&ctx](const http::Request& r) { return save_privacy(ctx, r); });
}

}  // namespace guiche::web
