// The incidents report (/relatorios/incidentes; app/reports/incident_report.hpp):
// the period's incident notices per month (stacked bars by how they ended,
// the median times as lines), the organizations they affected, and the list
// of them, each chart with the same numbers in a table right below, which
// /relatorios/incidentes.csv?tabela=<id> exports as they are. Definitions
// come from web/i18n/*/relatorios_incidentes.json, in the page's language.
#include "app/reports/incident_report.hpp"
#include "domain/report_day.hpp"
#include "web/admin/admin_page.hpp"
#include "web/decimal_comma.hpp"
#include "web/page_routes.hpp"
#include "web/reports/report_charts.hpp"
#include "web/reports/report_sections.hpp"
#include "web/reports/report_subscription_form.hpp"
#include "web/reports/report_tables.hpp"

namespace guiche::web {
namespace {

app::IncidentReportQuery incident_page_query(WebContext& ctx, const http::Request& r) {
  return app::parse_incident_report_query(
      report_page_lookup(r, {{"unit", "unidade"}, {"organization", "orgao"}}),
      ctx.desk.reports().today());
}

std::string incident_page_query_string(const app::IncidentReportQuery& q) {
  std::string s = "de=" + url_encode(report_day_br(q.first_day)) +
                  "&ate=" + url_encode(report_day_br(q.last_day));
  if (q.unit_id) s += "&unidade=" + std::to_string(*q.unit_id);
  if (q.organization_id) s += "&orgao=" + std::to_string(*q.organization_id);
  return s;
}

// The filters a subscription keeps (app/reports/report_subscriptions.hpp).
app::ReportFilters incident_filters_of(const app::IncidentReportQuery& q) {
  app::ReportFilters f;
  if (q.unit_id) f["unit"] = std::to_string(*q.unit_id);
  if (q.organization_id) f["organization"] = std::to_string(*q.organization_id);
  return f;
}

// Clock minutes, rounded; "—" when the notice has not reached the step.
std::string incident_minutes(const std::optional<std::int64_t>& ms) {
  return ms ? std::to_string((*ms + 30'000) / 60'000) : "—";
}

// Clock hours with one decimal.
std::string incident_hours(const std::optional<std::int64_t>& ms) {
  return ms ? decimal_comma(static_cast<double>(*ms) / 3'600'000.0, 1) : "—";
}

std::string month_label(int month) {
  const auto m = month % 100;
  return (m < 10 ? "0" : "") + std::to_string(m) + "/" + std::to_string(month / 100);
}

}  // namespace

std::vector<ReportTable> incident_tables(WebContext& ctx, const app::IncidentReport& r) {
  auto n = [](std::int64_t v) { return std::to_string(v); };
  const auto& f = r.total;
  ReportTable summary{
      "resumo",
      "Resumo do período",
      text(ctx, "relatorios_incidentes.def_resumo"),
      "Comunicados de incidente relatados no período",
      {"Indicador", "Valor"},
      {{"Relatados", n(f.reported)},
       {"Confirmados", n(f.confirmed)},
       {"Não confirmados", n(f.not_confirmed)},
       {"Em análise", n(f.in_analysis)},
       {"Restabelecidos", n(f.restored)},
       {"Órgãos afetados", n(f.organizations_affected)},
       {"Chamados vinculados", n(f.linked_tickets)},
       {"Tempo até a confirmação, mediana (h)", incident_hours(f.to_confirmation_median_ms)},
       {"Tempo até a confirmação, média (h)", incident_hours(f.to_confirmation_mean_ms)},
       {"Tempo até o restabelecimento, mediana (h)", incident_hours(f.to_restoration_median_ms)},
       {"Tempo até o restabelecimento, média (h)", incident_hours(f.to_restoration_mean_ms)},
       {"Duração, mediana (h)", incident_hours(f.duration_median_ms)},
       {"Duração total (h)", incident_hours(f.duration_total_ms)}}};
  ReportTable months{"meses",
                     "Por mês",
                     text(ctx, "relatorios_incidentes.def_meses"),
                     "Comunicados de incidente por mês do relato",
                     {"Mês", "Relatados", "Confirmados", "Não confirmados", "Em análise",
                      "Restabelecidos", "Confirmação, mediana (h)", "Restabelecimento, mediana (h)",
                      "Duração total (h)", "Órgãos afetados", "Chamados vinculados"},
                     {}};
  for (const auto& m : r.months) {
    const auto& x = m.figures;
    months.rows.push_back(
        {month_label(m.month), n(x.reported), n(x.confirmed), n(x.not_confirmed), n(x.in_analysis),
         n(x.restored), incident_hours(x.to_confirmation_median_ms),
         incident_hours(x.to_restoration_median_ms), incident_hours(x.duration_total_ms),
         n(x.organizations_affected), n(x.linked_tickets)});
  }
  ReportTable list{"incidentes",
                   "Incidentes do período",
                   text(ctx, "relatorios_incidentes.def_lista"),
                   "Comunicados de incidente relatados no período",
                   {"Comunicado", "Relatado em", "Componentes", "Escopo", "Situação",
                    "Até a confirmação (min)", "Até o restabelecimento (min)", "Duração (min)",
                    "1ª publicação", "Órgãos afetados", "Chamados vinculados"},
                   {}};
  for (const auto& l : r.incidents) {
    std::string components;
    for (const auto& c : l.components) components += (components.empty() ? "" : ", ") + c;
    list.rows.push_back(
        {"#" + std::to_string(l.id) + " " + l.title, format_local(ctx, l.reported_at), components,
         l.scope, app::incident_outcome_label(l.outcome), incident_minutes(l.to_confirmation_ms),
         incident_minutes(l.to_restoration_ms), incident_minutes(l.duration_ms),
         l.first_published_at ? format_local(ctx, *l.first_published_at) : "—",
         n(static_cast<std::int64_t>(l.affected_organizations.size())), n(l.linked_tickets)});
  }
  ReportTable orgs{"orgaos",
                   "Órgãos afetados",
                   text(ctx, "relatorios_incidentes.def_orgaos"),
                   "Incidentes confirmados por órgão afetado",
                   {"Órgão", "Incidentes confirmados"},
                   {}};
  for (const auto& l : r.by_organization) orgs.rows.push_back({l.label, n(l.count)});
  ReportTable comps{"componentes",
                    "Por componente",
                    text(ctx, "relatorios_incidentes.def_componentes"),
                    "Comunicados de incidente por componente",
                    {"Componente", "Relatados"},
                    {}};
  for (const auto& l : r.by_component) comps.rows.push_back({l.label, n(l.count)});
  return {summary, months, list, orgs, comps};
}

namespace {

nlohmann::json incident_filters(WebContext& ctx, const app::Actor& actor,
                                const app::IncidentReportQuery& q) {
  Errors none;
  std::vector<std::pair<std::string, std::string>> units{{"", "Todas as que posso ver"}};
  for (const auto& u : ctx.desk.incident_reports().units_for(actor)) {
    units.emplace_back(std::to_string(u.id), u.code + " — " + u.name);
  }
  std::vector<std::pair<std::string, std::string>> orgs{{"", "Todos"}};
  for (const auto& o : ctx.desk.incident_reports().organizations()) {
    orgs.emplace_back(std::to_string(o.id),
                      o.acronym.empty() ? o.name : o.acronym + " — " + o.name);
  }
  auto id_text = [](const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string();
  };
  return nlohmann::json::array(
      {date_input(ctx, "de", "Desde", report_day_br(q.first_day), none, false, false),
       date_input(ctx, "ate", "Até", report_day_br(q.last_day), none, false, false),
       select_input("unidade", "Unidade responsável (com as subunidades)", id_text(q.unit_id),
                    units, none),
       select_input("orgao", "Órgão", id_text(q.organization_id), orgs, none)});
}

http::Response incident_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = incident_page_query(ctx, r);
  const auto report = ctx.desk.incident_reports().report(v.actor, q);
  const auto tables = incident_tables(ctx, report);
  const std::string qs = incident_page_query_string(q);
  auto csv = [&](const std::string& id) {
    return "/relatorios/incidentes.csv?tabela=" + id + "&" + qs;
  };
  ChartSpec per_month;
  per_month.id = "grafico-incidentes-mes";
  per_month.title = "Comunicados de incidente por mês";
  per_month.description =
      "Barras empilhadas por mês do relato: restabelecidos, confirmados em curso, não "
      "confirmados e em análise; os números estão na tabela abaixo.";
  per_month.series = {{"Restabelecidos", {}},
                      {"Confirmados, em curso", {}},
                      {"Não confirmados", {}},
                      {"Em análise", {}}};
  ChartSpec times;
  times.id = "grafico-tempos-mes";
  times.title = "Tempos medianos por mês (horas corridas)";
  times.description =
      "Uma linha para o tempo até a confirmação e outra para o tempo até o restabelecimento, "
      "medianas de cada mês; meses sem incidente valem zero.";
  times.unit = " h";
  times.series = {{"Até a confirmação", {}}, {"Até o restabelecimento", {}}};
  for (const auto& m : report.months) {
    const auto& x = m.figures;
    per_month.categories.push_back(month_label(m.month));
    per_month.series[0].values.push_back(static_cast<double>(x.restored));
    per_month.series[1].values.push_back(static_cast<double>(x.confirmed - x.restored));
    per_month.series[2].values.push_back(static_cast<double>(x.not_confirmed));
    per_month.series[3].values.push_back(static_cast<double>(x.in_analysis));
    times.categories.push_back(month_label(m.month));
    times.series[0].values.push_back(static_cast<double>(x.to_confirmation_median_ms.value_or(0)) /
                                     3'600'000.0);
    times.series[1].values.push_back(static_cast<double>(x.to_restoration_median_ms.value_or(0)) /
                                     3'600'000.0);
  }
  ChartSpec orgs;
  orgs.id = "grafico-orgaos-afetados";
  orgs.title = "Órgãos afetados (os 12 mais afetados)";
  orgs.description = "Uma barra por órgão com os incidentes confirmados que o afetaram.";
  orgs.series = {{"Incidentes confirmados", {}}};
  for (std::size_t i = 0; i < report.by_organization.size() && i < 12; ++i) {
    orgs.categories.push_back(report.by_organization[i].label);
    orgs.series[0].values.push_back(static_cast<double>(report.by_organization[i].count));
  }
  nlohmann::json sections = nlohmann::json::array();
  sections.push_back(section_view(tables[0], "", csv(tables[0].id)));
  sections.push_back(
      section_view(tables[1], bar_chart_svg(per_month) + line_chart_svg(times), csv(tables[1].id)));
  sections.push_back(section_view(tables[2], "", csv(tables[2].id)));
  sections.push_back(section_view(tables[3], orgs.categories.empty() ? "" : bar_chart_svg(orgs),
                                  csv(tables[3].id)));
  sections.push_back(section_view(tables[4], "", csv(tables[4].id)));
  const auto& f = report.total;
  nlohmann::json items = nlohmann::json::array(
      {{{"rotulo", "Relatados"}, {"valor", std::to_string(f.reported)}},
       {{"rotulo", "Confirmados"}, {"valor", std::to_string(f.confirmed)}},
       {{"rotulo", "Órgãos afetados"}, {"valor", std::to_string(f.organizations_affected)}},
       {{"rotulo", "Chamados vinculados"}, {"valor", std::to_string(f.linked_tickets)}},
       {{"rotulo", "Confirmação, mediana (h)"},
        {"valor", incident_hours(f.to_confirmation_median_ms)}},
       {{"rotulo", "Restabelecimento, mediana (h)"},
        {"valor", incident_hours(f.to_restoration_median_ms)}}});
  nlohmann::json view = {
      {"relatorio_titulo", "Incidentes"},
      {"periodo", report_period_text(q.first_day, q.last_day)},
      {"acao", "/relatorios/incidentes"},
      {"filtros", incident_filters(ctx, v.actor, q)},
      {"secoes", std::move(sections)},
      {"incidentes", true},
      {"ver", report_visibility(v.actor.person)},
      {"resumo", {{"itens", items}}},
      {"assinar", report_subscription_form("incidentes", incident_filters_of(q))}};
  return page(ctx, v, 200, "relatorio", "Incidentes", view);
}

http::Response incident_csv(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = incident_page_query(ctx, r);
  const auto wanted = r.query_value("tabela").value_or("");
  for (const auto& t : incident_tables(ctx, ctx.desk.incident_reports().report(v.actor, q))) {
    if (t.id == wanted) {
      return csv_response(
          "incidentes-" + report_day_iso(q.first_day) + "-" + report_day_iso(q.last_day), t);
    }
  }
  throw not_found("Tabela não encontrada.");
}

}  // namespace

void add_incident_report_area_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  for (auto [path, csv] : {std::pair{"/relatorios/incidentes", false},
                           std::pair{"/relatorios/incidentes.csv", true}}) {
    routes.push_back({"GET", path, [&ctx, csv](const http::Request& r) {
                        return guarded_page(ctx, r, [&] {
                          return csv ? incident_csv(ctx, r) : incident_page(ctx, r);
                        });
                      }});
  }
}

}  // namespace guiche::web
