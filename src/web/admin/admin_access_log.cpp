// The personal-data access log (/admin/acessos; LGPD art. 37): who read whose
// data, newest first, filtered by data subject and reader (person ids, as
// the people pages show them) and by a period of days at the desk, paged by
// the keyset the application layer hands back. Admins and the encarregado de
// dados only (app/privacy/access_log.hpp decides); viewing it is not logged
// again (see AccessLog::query).
#include "app/incidents/notice_time.hpp"
#include "app/privacy/access_log.hpp"
#include "web/admin/admin_page.hpp"
#include "web/admin/privacy_gate.hpp"
#include "web/date_input.hpp"
#include "web/page_routes.hpp"

namespace guiche::web {
namespace {

// The first instant of a civil day at the desk.
Instant access_day_start(WebContext& ctx, Date d) {
  return app::local_instant(ctx.desk.config().time_zone, d, 0);
}

std::optional<std::int64_t> access_person_filter(const std::string& value, const char* field,
                                                 Errors& errors, WebContext& ctx) {
  if (value.empty()) return std::nullopt;
  if (value.size() > 15 || value.find_first_not_of("0123456789") != std::string::npos ||
      std::stoll(value) <= 0) {
    errors[field] = text(ctx, "privacidade.acessos.pessoa_invalida");
    return std::nullopt;
  }
  return std::stoll(value);
}

std::optional<Date> access_date_filter(const std::string& value, const char* field, Errors& errors,
                                       WebContext& ctx) {
  if (value.empty()) return std::nullopt;
  auto d = parse_date_input(value);
  if (!d) errors[field] = text(ctx, "privacidade.acessos.data_invalida");
  return d;
}

std::string person_label(const std::optional<std::int64_t>& id, const std::string& name) {
  if (!id) return "—";
  return (name.empty() ? std::string("?") : name) + " (#" + std::to_string(*id) + ")";
}

http::Response access_log_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_privacy_officer(ctx, r);
  const auto subject = r.query_value("titular").value_or("");
  const auto reader = r.query_value("leitor").value_or("");
  const auto from = r.query_value("de").value_or("");
  const auto to = r.query_value("ate").value_or("");
  Errors errors;
  store::AccessQuery q;
  q.subject_person_id = access_person_filter(subject, "titular", errors, ctx);
  q.reader_person_id = access_person_filter(reader, "leitor", errors, ctx);
  const auto from_day = access_date_filter(from, "de", errors, ctx);
  const auto to_day = access_date_filter(to, "ate", errors, ctx);
  if (from_day) q.since = access_day_start(ctx, *from_day);
  if (to_day)
    q.until = access_day_start(ctx, Date{std::chrono::sys_days{*to_day} + std::chrono::days{1}});
  if (from_day && to_day && *to_day < *from_day)
    errors["ate"] = text(ctx, "privacidade.acessos.periodo_invalido");
  if (auto after = r.query_value("apos"); after && !after->empty()) {
    q.after = app::parse_access_cursor(*after);
    if (!q.after) throw malformed("Cursor de página inválido.");
  }
  q.limit = 50;
  nlohmann::json rows = nlohmann::json::array();
  std::string next;
  if (errors.empty()) {
    const auto page = ctx.desk.access_log().query(v.actor, q);
    for (const auto& e : page.entries) {
      rows.push_back(
          {{"quando", format_local(ctx, e.at)},
           {"leitor", person_label(e.reader_person_id, e.reader_name)},
           {"token", e.reader_token_id ? nlohmann::json("#" + std::to_string(*e.reader_token_id))
                                       : nlohmann::json(false)},
           {"endereco", e.reader_address.empty() ? std::string("—") : e.reader_address},
           {"canal", e.channel == "api"     ? "API"
                     : e.channel == "email" ? text(ctx, "privacidade.acessos.canal_email")
                                            : text(ctx, "privacidade.acessos.canal_web")},
           {"titular", person_label(e.subject_person_id, e.subject_name)},
           {"objeto",
            text(ctx, "privacidade.tipo." + e.object_kind) + " #" + std::to_string(e.object_id)}});
    }
    if (!page.next_after.empty()) {
      next = "/admin/acessos?titular=" + url_encode(subject) + "&leitor=" + url_encode(reader) +
             "&de=" + url_encode(from) + "&ate=" + url_encode(to) +
             "&apos=" + url_encode(page.next_after);
    }
  }
  auto t = [&](const std::string& key) { return text(ctx, "privacidade.acessos." + key); };
  nlohmann::json filters =
      nlohmann::json::array({text_input("titular", t("titular"), subject, errors),
                             text_input("leitor", t("leitor"), reader, errors),
                             date_input(ctx, "de", t("de"), from, errors, false, false),
                             date_input(ctx, "ate", t("ate"), to, errors, false, false)});
  for (auto& f : filters) f["modo"] = "numeric";
  return admin_page(ctx, v, r, errors.empty() ? 200 : 422, "admin_acessos",
                    "privacidade.acessos.titulo",
                    {{"filtros", filters},
                     {"erros", error_summary(errors)},
                     {"admin", v.actor.person.has_role(Role::admin)},
                     {"linhas", rows},
                     {"vazio", rows.empty()},
                     {"continuacao", !r.query_value("apos").value_or("").empty()},
                     {"proxima", next.empty() ? nlohmann::json(false) : nlohmann::json(next)}});
}

}  // namespace

void add_admin_access_log(WebContext& ctx, std::vector<http::Route>& routes) {
  add_admin_route(ctx, routes, "GET", "/admin/acessos",
                  [&ctx](const http::Request& r) { return access_log_page(ctx, r); });
}

}  // namespace guiche::web
