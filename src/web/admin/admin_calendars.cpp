// Business calendars (/admin/calendarios): the built-in and stored ones, a
// new stored calendar inheriting from another, and per calendar and year its
// pontos facultativos (whole or partial days), added and removed one at a
// time through the use case that replaces a year's list.
#include "app/calendars/calendars.hpp"
#include "sla/closure_text.hpp"
#include "sla/local_time_text.hpp"
#include "web/admin/admin_page.hpp"
#include "web/date_input.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

std::string calendar_path(const std::string& name, int year) {
  return "/admin/calendarios/" + url_encode(name) + "?ano=" + std::to_string(year);
}

int year_of(WebContext& ctx, const std::string& text) {
  if (text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos)
    return std::stoi(text);
  return static_cast<int>(desk_today(ctx).year());
}

http::Response list_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                         const Form& sent, const Errors& e, int status) {
  const auto t = [&](const std::string& key) { return text(ctx, "admin.calendarios." + key); };
  nlohmann::json items = nlohmann::json::array();
  Options parents;
  for (const auto& c : ctx.desk.calendars().calendars(v.actor)) {
    items.push_back({{"nome", c.name},
                     {"embutido", c.builtin},
                     {"superior", c.parent.value_or("—")},
                     {"fuso", c.resolved->time_zone()},
                     {"url", calendar_path(c.name, year_of(ctx, ""))}});
    parents.emplace_back(c.name, c.name);
  }
  nlohmann::json fields = nlohmann::json::array(
      {with_hint(text_input("nome", t("nome"), sent.value("nome"), e, "text", true),
                 t("nome_dica")),
       select_input("superior", t("superior"),
                    sent.value("superior").empty() ? "br-es" : sent.value("superior"), parents, e,
                    true),
       with_hint(text_input("fuso", t("fuso"), sent.value("fuso"), e), t("fuso_dica"))});
  return admin_page(ctx, v, r, status, "admin_calendarios", "admin.calendarios.titulo",
                    {{"calendarios", items}, {"campos", fields}, {"erros", error_summary(e)}});
}

http::Response create_calendar(WebContext& ctx, const http::Request& r) {
  const auto v = require_admin(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  app::CalendarSpec spec;
  spec.name = form.value("nome");
  spec.parent = form.value("superior");
  if (!form.value("fuso").empty()) spec.time_zone = form.value("fuso");
  Errors errors;
  // save_calendar replaces a stored calendar of the same name; this form only creates.
  for (const auto& c : ctx.desk.calendars().calendars(v.actor)) {
    if (c.name == spec.name) errors["nome"] = text(ctx, "admin.calendarios.ja_existe");
  }
  if (errors.empty()) {
    try {
      ctx.desk.calendars().save_calendar(v.actor, spec);
      return see_other(calendar_path(spec.name, year_of(ctx, "")) + "&salvo=1");
    } catch (const DomainError& e) {
      if (e.kind() == DomainError::Kind::conflict) {
        errors["nome"] = e.what();
      } else if (e.kind() == DomainError::Kind::validation) {
        errors = field_errors(e, {{"name", "nome"}, {"parent", "superior"}, {"time_zone", "fuso"}});
      } else {
        throw;
      }
    }
  }
  return list_page(ctx, v, r, form, errors, 422);
}

// The calendar's own closures of `year` (not its parents').
std::vector<sla::DatedClosure> own_days(const app::CalendarView& c, int year) {
  std::vector<sla::DatedClosure> out;
  for (const auto& d : c.definition->optional_days) {
    if (static_cast<int>(d.date.year()) == year) out.push_back(d);
  }
  return out;
}

http::Response calendar_page(WebContext& ctx, const Visitor& v, const http::Request& r,
                             const std::string& name, int year, const Form& sent, const Errors& e,
                             int status) {
  const auto c = ctx.desk.calendars().calendar(v.actor, name);
  const auto t = [&](const std::string& key) { return text(ctx, "admin.calendarios." + key); };
  nlohmann::json closed = nlohmann::json::array();
  for (const auto& d : ctx.desk.calendars().calendar_holidays(name, year)) {
    closed.push_back({{"data", date_br(Date{std::chrono::sys_days{d.day.time_since_epoch()}})},
                      {"dia", sla::weekday_name(d.day)},
                      {"nome", d.name},
                      {"feriado", d.holiday},
                      {"fechamento", d.closure.describe()},
                      {"por", d.declared_by}});
  }
  nlohmann::json own = nlohmann::json::array();
  for (const auto& d : own_days(c, year)) {
    own.push_back({{"data", date_br(d.date)},
                   {"valor", format_date(d.date)},
                   {"nome", d.name},
                   {"fechamento", d.closure.describe()}});
  }
  Options kinds;
  for (const char* k : {"all_day", "closed_until", "closed_from", "open_only"})
    kinds.emplace_back(k, t(std::string("fechamento_") + k));
  nlohmann::json fields = nlohmann::json::array(
      {date_input(ctx, "data", t("data"), sent.value("data"), e, true),
       text_input("nome_dia", t("nome_dia"), sent.value("nome_dia"), e, "text", true),
       select_input("fechamento", t("fechamento"), sent.value("fechamento"), kinds, e),
       with_hint(text_input("horario", t("horario"), sent.value("horario"), e, "time"),
                 t("horario_dica")),
       with_hint(text_input("ate", t("ate"), sent.value("ate"), e, "time"), t("ate_dica"))});
  nlohmann::json view = {
      {"nome", c.name},
      {"embutido", c.builtin},
      {"superior", c.parent.value_or("—")},
      {"fuso", c.resolved->time_zone()},
      {"ano", year},
      {"acao_ano", "/admin/calendarios/" + url_encode(c.name)},
      {"ano_campo", text_input("ano", t("ano"), std::to_string(year), {}, "number")},
      {"fechados", closed},
      {"proprios", own},
      {"sem_proprios", own.empty()},
      {"acao", "/admin/calendarios/" + url_encode(c.name) + "/pontos"},
      {"campos", fields},
      {"erros", error_summary(e)}};
  return admin_page(ctx, v, r, status, "admin_calendario", c.name, view);
}

// The closure the add form describes; nullopt when its times do not make one.
std::optional<sla::DayClosure> closure_from(const Form& f) {
  auto kind = sla::parse_closure_kind(f.value("fechamento"));
  if (!kind || *kind == sla::ClosureKind::all_day) return sla::DayClosure::all_day();
  auto from = sla::parse_clock_time(f.value("horario"));
  auto until = sla::parse_clock_time(f.value("ate"));
  if (!from || (*kind == sla::ClosureKind::open_only && !until)) return std::nullopt;
  return sla::make_closure(*kind, *from, until.value_or(std::chrono::minutes{0}));
}

http::Response change_days(WebContext& ctx, const http::Request& r, bool add) {
  const auto v = require_admin(ctx, r);
  const auto name = r.params.at("name");
  const Form form = read_form(r);
  check_csrf(v, form);
  const int year = year_of(ctx, form.value("ano"));
  auto days = own_days(ctx.desk.calendars().calendar(v.actor, name), year);
  Errors errors;
  if (add) {
    auto date = parse_date_input(form.value("data"));
    auto closure = closure_from(form);
    if (!date) errors["data"] = text(ctx, "admin.data_invalida");
    if (!closure) errors["horario"] = text(ctx, "admin.calendarios.horario_invalido");
    if (date && closure) days.push_back({*date, form.value("nome_dia"), *closure});
  } else {
    std::erase_if(days, [&](const auto& d) { return format_date(d.date) == form.value("data"); });
  }
  if (errors.empty()) {
    try {
      ctx.desk.calendars().load_optional_days(v.actor, name, year, days);
      return see_other(calendar_path(name, year) + "&salvo=1");
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::validation) throw;
      const auto item = "items[" + std::to_string(days.size() - 1) + "].";
      errors = field_errors(e, {{item + "date", "data"},
                                {item + "name", "nome_dia"},
                                {item + "closure", "horario"},
                                {"year", "data"}});
    }
  }
  return calendar_page(ctx, v, r, name, year, add ? form : Form{}, errors, 422);
}

}  // namespace

void add_admin_calendars(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/calendarios", [&ctx](const http::Request& r) {
    return list_page(ctx, require_admin(ctx, r), r, Form{}, {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/calendarios",
                  [&ctx](const http::Request& r) { return create_calendar(ctx, r); });
  add_admin_route(ctx, routes, "GET", "/admin/calendarios/:name", [&ctx](const http::Request& r) {
    const auto v = require_admin(ctx, r);
    return calendar_page(ctx, v, r, r.params.at("name"),
                         year_of(ctx, r.query_value("ano").value_or("")), Form{}, {}, 200);
  });
  add_admin_route(ctx, routes, "POST", "/admin/calendarios/:name/pontos",
                  [&ctx](const http::Request& r) { return change_days(ctx, r, true); });
  add_admin_route(ctx, routes, "POST", "/admin/calendarios/:name/pontos/remover",
                  [&ctx](const http::Request& r) { return change_days(ctx, r, false); });
}

}  // namespace guiche::web
