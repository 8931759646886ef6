// Scheduled reports on the pages (app/reports/report_subscriptions.hpp): the
// form under each report that subscribes to it with the filters on screen
// (POST /relatorios/assinaturas), and the list of one's own subscriptions
// with a button to cancel each (/relatorios/assinaturas).
#include "app/reports/report_access.hpp"
#include "app/reports/report_query.hpp"
#include "app/reports/report_subscriptions.hpp"
#include "domain/error.hpp"
#include "domain/report_day.hpp"
#include "domain/report_schedule.hpp"
#include "web/page.hpp"
#include "web/page_routes.hpp"
#include "web/reports/report_subscription_form.hpp"

namespace guiche::web {
namespace {

std::string report_title(const std::string& report) {
  static const std::map<std::string, std::string> kTitles = {
      {"sla", "Cumprimento de SLA"}, {"volume", "Volume e estoque"},
      {"satisfacao", "Satisfação"},  {"carta", "Painel da Carta"},
      {"incidentes", "Incidentes"},  {"manifestacoes", "Manifestações"}};
  auto it = kTitles.find(report);
  return it == kTitles.end() ? report : it->second;
}

// The filters in words ("Unidade 3, Canal email"), from the stored JSON.
std::string filters_text(const std::string& json) {
  static const std::map<std::string, std::string> kLabels = {
      {"unit", "unidade"},        {"organization", "órgão"}, {"service", "serviço"},
      {"severity", "severidade"}, {"channel", "canal"},      {"category", "categoria"},
      {"target", "meta (%)"},     {"kind", "tipo"}};
  const auto j = nlohmann::json::parse(json, nullptr, false);
  std::string out;
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      auto label = kLabels.find(key);
      out += (out.empty() ? "" : "; ") + (label == kLabels.end() ? key : label->second) + " " +
             (value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  return out.empty() ? "sem filtros" : out;
}

http::Response subscriptions_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  if (!app::may_see_any_report(v.actor.person)) {
    throw forbidden(
        "Os relatórios são da diretoria, dos gestores de unidade e de órgão, da administração, da "
        "comunicação (ASCOM) e da ouvidoria.");
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : ctx.desk.report_subscriptions().mine(v.actor)) {
    const auto f = parse_report_frequency(s.frequency).value_or(ReportFrequency::monthly);
    std::string last = "ainda nenhum";
    if (s.last_period) {
      const auto slash = s.last_period->find('/');
      const auto first = parse_report_day(s.last_period->substr(0, slash));
      const auto end = parse_report_day(s.last_period->substr(slash + 1));
      if (first && end) last = report_day_br(*first) + " a " + report_day_br(*end);
    }
    items.push_back({{"id", s.id},
                     {"relatorio", report_title(s.report)},
                     {"frequencia", report_frequency_label_pt(f)},
                     {"filtros", filters_text(s.query)},
                     {"proximo", format_local(ctx, s.next_run_at)},
                     {"ultimo", last}});
  }
  return page(ctx, v, 200, "relatorio_assinaturas", "Relatórios por e-mail",
              {{"assinaturas", items},
               {"vazia", items.empty()},
               {"email", v.actor.person.emails.empty() ? "" : v.actor.person.emails.front()},
               {"assinado", r.query_value("assinado").has_value()},
               {"cancelado", r.query_value("cancelado").has_value()}});
}

http::Response subscribe(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  app::ReportFilters filters;
  for (const auto& [api_name, page_name] : report_filter_page_names()) {
    if (auto value = form.value(page_name); !value.empty()) filters[api_name] = value;
  }
  ctx.desk.report_subscriptions().subscribe(v.actor, form.value("relatorio"),
                                            form.value("frequencia"), filters);
  return see_other("/relatorios/assinaturas?assinado=1");
}

http::Response cancel(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const Form form = read_form(r);
  check_csrf(v, form);
  std::int64_t id = 0;
  try {
    id = std::stoll(r.params.at("id"));
  } catch (const std::exception&) {
    throw not_found("Assinatura não encontrada.");
  }
  ctx.desk.report_subscriptions().cancel(v.actor, id);
  return see_other("/relatorios/assinaturas?cancelado=1");
}

}  // namespace

const std::map<std::string, std::string>& report_filter_page_names() {
  static const std::map<std::string, std::string> kNames = {
      {"unit", "unidade"},        {"organization", "orgao"}, {"service", "servico"},
      {"severity", "severidade"}, {"channel", "canal"},      {"category", "categoria"},
      {"target", "meta"},         {"kind", "tipo"}};
  return kNames;
}

app::ReportFilters report_query_filters(const app::ReportQuery& q) {
  app::ReportFilters f;
  if (q.unit_id) f["unit"] = std::to_string(*q.unit_id);
  if (q.organization_id) f["organization"] = std::to_string(*q.organization_id);
  if (q.service_id) f["service"] = std::to_string(*q.service_id);
  if (q.severity) f["severity"] = *q.severity;
  if (q.channel) f["channel"] = *q.channel;
  if (q.category) f["category"] = *q.category;
  if (q.target_percent != app::kDefaultComplianceTargetPercent) {
    f["target"] = std::to_string(q.target_percent);
  }
  return f;
}

nlohmann::json report_subscription_form(const std::string& report,
                                        const app::ReportFilters& filters) {
  nlohmann::json hidden = nlohmann::json::array();
  for (const auto& [name, value] : filters) {
    auto page_name = report_filter_page_names().find(name);
    if (page_name != report_filter_page_names().end()) {
      hidden.push_back({{"nome", page_name->second}, {"valor", value}});
    }
  }
  return {{"relatorio", report}, {"filtros", hidden}};
}

void add_report_subscription_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  routes.push_back({"GET", "/relatorios/assinaturas", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return subscriptions_page(ctx, r); });
                    }});
  routes.push_back({"POST", "/relatorios/assinaturas", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return subscribe(ctx, r); });
                    }});
  routes.push_back({"POST", "/relatorios/assinaturas/:id/cancelar", [&ctx](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return cancel(ctx, r); });
                    }});
}

}  // namespace guiche::web
