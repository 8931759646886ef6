// The charter panel's page (/relatorios/carta; issue 15) and its CSV
// (/relatorios/carta.csv?tabela=servicos): per public service of the Carta de
// Serviços, the published deadline beside the volume, the median resolution
// time, the % resolved within the deadline and the satisfaction — the
// Carta's own figures (app/reports/charter_panel.hpp) over the months the
// period touches. Two charts (server-side SVG, report_charts.hpp), the
// definition in the visitor's language (web/i18n/*/relatorios_carta.json),
// and the same numbers in the table the CSV exports as it is. The filters are
// the other reports' period, unit and service (report_page_parts.hpp): the
// charter's roll-ups hold no severity, channel or category.
#include "app/reports/charter_panel.hpp"
#include "domain/report_day.hpp"
#include "web/decimal_comma.hpp"
#include "web/page_routes.hpp"
#include "web/reports/report_charts.hpp"
#include "web/reports/report_page_parts.hpp"
#include "web/reports/report_subscription_form.hpp"

namespace guiche::web {
namespace {

std::string panel_month(int month) {
  return (month % 100 < 10 ? "0" : "") + std::to_string(month % 100) + "/" +
         std::to_string(month / 100);
}

std::string panel_months(const app::CharterPanel& p) {
  return p.first_month == p.last_month
             ? panel_month(p.first_month)
             : panel_month(p.first_month) + " a " + panel_month(p.last_month);
}

}  // namespace

ReportTable charter_panel_table(const app::CharterPanel& p, const std::string& definition) {
  ReportTable t{
      "servicos",
      "Por serviço da Carta",
      definition,
      "Resultados e prazo publicado por serviço público, chamados registrados em " +
          panel_months(p),
      {"Serviço", "Registrados", "Resolvidos", "Mediana de solução (horas corridas)", "Avaliações",
       "Satisfação média", "% no prazo", "Prazo publicado", "Código", "Unidade responsável"},
      {}};
  for (const auto& s : p.services) {
    const auto& f = s.figures;
    std::optional<std::int64_t> median;
    if (f.median_resolution) median = f.median_resolution->count();
    // The results, then the promise beside them, then what names the service.
    t.rows.push_back(
        {s.name, std::to_string(f.registered), std::to_string(f.resolved), report_hours(median),
         std::to_string(f.ratings), f.mean_rating ? decimal_comma(*f.mean_rating, 1) : "—",
         report_percent(f.in_time_share ? std::optional<double>(*f.in_time_share * 100.0)
                                        : std::nullopt),
         s.deadline, s.code, s.unit.empty() ? "—" : s.unit});
  }
  return t;
}

std::string charter_panel_definition(const Texts& texts, const std::string& language) {
  return texts.text(language, "relatorios_carta.def_servicos");
}

namespace {

// The period, unit and service of the reports' filter form.
nlohmann::json panel_filters(WebContext& ctx, const app::Actor& actor, const app::ReportQuery& q) {
  nlohmann::json out = nlohmann::json::array();
  for (auto& field : report_filter_fields(ctx, actor, q, false)) {
    const auto id = field.value("id", "");
    if (id != "orgao" && id != "severidade" && id != "canal" && id != "categoria") {
      out.push_back(field);
    }
  }
  return out;
}

// What the panel reads of the filters: its unit and service.
app::ReportFilters panel_subscription_filters(const app::ReportQuery& q) {
  app::ReportFilters f;
  if (q.unit_id) f["unit"] = std::to_string(*q.unit_id);
  if (q.service_id) f["service"] = std::to_string(*q.service_id);
  return f;
}

std::string panel_definition(WebContext& ctx) {
  return charter_panel_definition(ctx.texts, page_language());
}

http::Response charter_panel_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = app::parse_report_query(report_filters_lookup(r), ctx.desk.reports().today());
  const auto panel = ctx.desk.charter_panels().panel(v.actor, q);
  const auto table = charter_panel_table(panel, panel_definition(ctx));
  // The 12 services with most tickets in the charts (all of them in the table).
  auto lines = panel.services;
  std::stable_sort(lines.begin(), lines.end(),
                   [](const app::CharterPanelLine& x, const app::CharterPanelLine& y) {
                     return x.figures.registered > y.figures.registered;
                   });
  if (lines.size() > 12) lines.resize(12);
  ChartSpec in_time;
  in_time.id = "grafico-carta-prazo";
  in_time.title = "% resolvidos no prazo publicado por serviço";
  in_time.description =
      "Uma barra por serviço (dos 12 com mais chamados, os que têm resolvidos com prazo) com a "
      "porcentagem dos resolvidos com prazo que o cumpriram; os números estão na tabela abaixo.";
  in_time.unit = " %";
  in_time.series = {{"% no prazo", {}}};
  ChartSpec volume;
  volume.id = "grafico-carta-volume";
  volume.title = "Chamados registrados e resolvidos por serviço";
  volume.description =
      "Duas barras empilhadas por serviço (os 12 com mais chamados): os resolvidos e os ainda "
      "sem solução.";
  volume.series = {{"Resolvidos", {}}, {"Sem solução", {}}};
  for (const auto& l : lines) {
    // A service with nothing resolved against a deadline has no share ("—" in
    // the table), not 0 %: it has no bar.
    if (l.figures.in_time_share) {
      in_time.categories.push_back(l.name);
      in_time.series[0].values.push_back(*l.figures.in_time_share * 100.0);
    }
    volume.categories.push_back(l.name);
    volume.series[0].values.push_back(static_cast<double>(l.figures.resolved));
    volume.series[1].values.push_back(
        static_cast<double>(l.figures.registered - l.figures.resolved));
  }
  const std::string csv =
      "/relatorios/carta.csv?tabela=" + table.id + "&" + report_page_query_string(q);
  nlohmann::json sections = nlohmann::json::array(
      {section_view(table, bar_chart_svg(in_time) + bar_chart_svg(volume), csv)});
  auto text = [&](const char* key) { return ctx.texts.text(page_language(), key); };
  nlohmann::json items = nlohmann::json::array(
      {{{"rotulo", text("relatorios_carta.meses")}, {"valor", panel_months(panel)}},
       {{"rotulo", text("relatorios_carta.servicos")},
        {"valor", std::to_string(panel.services.size())}}});
  return report_page_of(
      ctx, v, "carta", text("relatorios_carta.titulo"), q, sections,
      {{"aba_carta", true},
       {"filtros", panel_filters(ctx, v.actor, q)},
       {"assinar", report_subscription_form("carta", panel_subscription_filters(q))},
       {"resumo", {{"itens", items}}}});
}

http::Response charter_panel_csv(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = app::parse_report_query(report_filters_lookup(r), ctx.desk.reports().today());
  if (r.query_value("tabela").value_or("") != "servicos") {
    throw not_found("Tabela não encontrada.");
  }
  const auto panel = ctx.desk.charter_panels().panel(v.actor, q);
  return csv_response("carta-" + report_day_iso(q.first_day) + "-" + report_day_iso(q.last_day),
                      charter_panel_table(panel, panel_definition(ctx)));
}

}  // namespace

void add_charter_panel_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  add_guarded_report_page(ctx, routes, "/relatorios/carta",
                          [&ctx](const http::Request& r) { return charter_panel_page(ctx, r); });
  add_guarded_report_page(ctx, routes, "/relatorios/carta.csv",
                          [&ctx](const http::Request& r) { return charter_panel_csv(ctx, r); });
}

}  // namespace guiche::web
