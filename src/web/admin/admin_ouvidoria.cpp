// The ouvidoria's settings in the administration (/admin/ouvidoria): its
// unit, the calendar that moves an end off a closed day, and the days
// (domain/manifestations/manifestation_settings.hpp keeps them within the law).
#include <charconv>

#include "app/calendars/calendars.hpp"
#include "app/directory/directory.hpp"
#include "app/manifestations/manifestations.hpp"
#include "web/admin/admin_page.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

const std::map<std::string, std::string> kOuvidoriaFields = {
    {"unit_id", "unidade"},
    {"calendar", "calendario"},
    {"answer_days", "dias_resposta"},
    {"extension_days", "dias_prorrogacao"},
    {"complement_days", "dias_complemento"},
    {"warning_days", "dias_aviso"}};

// A whole number as typed; anything else becomes -1, which the rule refuses.
int days_of(const std::string& text) {
  int value = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? value : -1;
}

ManifestationSettings settings_from(const Form& f) {
  ManifestationSettings s;
  if (const auto unit = f.value("unidade"); !unit.empty()) {
    s.unit_id = days_of(unit) > 0 ? std::optional<std::int64_t>(days_of(unit)) : std::nullopt;
  }
  s.calendar = f.value("calendario");
  s.answer_days = days_of(f.value("dias_resposta"));
  s.extension_days = days_of(f.value("dias_prorrogacao"));
  s.complement_days = days_of(f.value("dias_complemento"));
  s.warning_days = days_of(f.value("dias_aviso"));
  return s;
}

http::Response form_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                         const ManifestationSettings& s, const Errors& e, int status) {
  auto t = [&](const std::string& key) { return text(ctx, "ouvidoria.admin." + key); };
  std::vector<std::pair<std::string, std::string>> units = {{"", t("nenhuma")}};
  for (const auto& u : ctx.desk.directory().units(v.actor)) {
    if (u.active) units.emplace_back(std::to_string(u.id), u.name);
  }
  std::vector<std::pair<std::string, std::string>> calendars;
  for (const auto& c : ctx.desk.calendars().calendars(v.actor))
    calendars.emplace_back(c.name, c.name);
  const auto n = [](int d) { return d < 0 ? std::string() : std::to_string(d); };
  nlohmann::json fields = nlohmann::json::array(
      {select_input("unidade", t("unidade"), s.unit_id ? std::to_string(*s.unit_id) : "", units, e),
       select_input("calendario", t("calendario"), s.calendar, calendars, e, true),
       text_input("dias_resposta", t("dias_resposta"), n(s.answer_days), e, "number", true),
       text_input("dias_prorrogacao", t("dias_prorrogacao"), n(s.extension_days), e, "number",
                  true),
       text_input("dias_complemento", t("dias_complemento"), n(s.complement_days), e, "number",
                  true),
       text_input("dias_aviso", t("dias_aviso"), n(s.warning_days), e, "number", true)});
  return admin_page(ctx, v, r, status, "admin_ouvidoria", "ouvidoria.admin.titulo",
                    {{"campos", fields}, {"erros", error_summary(e)}});
}

http::Response save_ouvidoria(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  const auto wanted = settings_from(form);
  try {
    ctx.desk.manifestations().update_settings(v.actor, wanted);
  } catch (const DomainError& e) {
    if (e.kind() != DomainError::Kind::validation) throw;
    return form_page(ctx, v, r, wanted, field_errors(e, kOuvidoriaFields), 422);
  }
  return see_other("/admin/ouvidoria?salvo=1");
}

}  // namespace

void add_admin_ouvidoria(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/ouvidoria", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return form_page(ctx, v, r, ctx.desk.manifestations().settings(), {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/ouvidoria",
                  [&ctx](const http::Request& r) { return save_ouvidoria(ctx, r); });
}

}  // namespace guiche::web
