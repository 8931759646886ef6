// The reports area (/relatorios; issue 15): SLA compliance and volume and
// backlog for the leadership, unit managers and admins (app/reports/ decides
// who sees which units). Each section is a chart (server-side SVG,
// report_charts.hpp), the definition of its figures, and the same numbers in
// a table, which /relatorios/<report>.csv?tabela=<id> exports as they are.
// The period and filters travel in the query string, so a page, its CSV
// and a bookmark agree.
#include "app/directory/directory.hpp"
#include "app/reports/report_access.hpp"
#include "app/reports/report_query.hpp"
#include "domain/report_day.hpp"
#include "web/admin/admin_page.hpp"
#include "web/date_input.hpp"
#include "web/page_routes.hpp"
#include "web/reports/report_charts.hpp"
#include "web/reports/report_page_parts.hpp"
#include "web/reports/report_sections.hpp"
#include "web/reports/report_subscription_form.hpp"
#include "web/reports/report_tables.hpp"

namespace guiche::web {
namespace {

// The page's own names for the filters (dd/mm/aaaa dates), read as the
// API's (app/reports/report_query.hpp).
app::QueryLookup page_lookup(const http::Request& r) {
  return report_page_lookup(r, {{"unit", "unidade"},
                                {"organization", "orgao"},
                                {"service", "servico"},
                                {"severity", "severidade"},
                                {"channel", "canal"},
                                {"category", "categoria"},
                                {"target", "meta"}});
}

std::string page_query_string(const app::ReportQuery& q) {
  std::string s = "de=" + url_encode(report_day_br(q.first_day)) +
                  "&ate=" + url_encode(report_day_br(q.last_day));
  if (q.unit_id) s += "&unidade=" + std::to_string(*q.unit_id);
  if (q.organization_id) s += "&orgao=" + std::to_string(*q.organization_id);
  if (q.service_id) s += "&servico=" + std::to_string(*q.service_id);
  if (q.severity) s += "&severidade=" + url_encode(*q.severity);
  if (q.channel) s += "&canal=" + url_encode(*q.channel);
  if (q.category) s += "&categoria=" + url_encode(*q.category);
  if (q.target_percent != app::kDefaultComplianceTargetPercent) {
    s += "&meta=" + std::to_string(q.target_percent);
  }
  return s;
}

nlohmann::json filter_fields(WebContext& ctx, const app::Actor& actor, const app::ReportQuery& q,
                             bool with_target) {
  Errors none;
  std::vector<std::pair<std::string, std::string>> units{{"", "Todas as que posso ver"}};
  for (const auto& u : ctx.desk.reports().units_for(actor)) {
    units.emplace_back(std::to_string(u.id), u.code + " — " + u.name);
  }
  // An organization's manager sees their organization alone: no "all".
  const auto organizations = ctx.desk.reports().organizations_for(actor);
  std::vector<std::pair<std::string, std::string>> orgs;
  if (!app::report_scope(actor.person, {}).organization_id) orgs.emplace_back("", "Todos");
  for (const auto& o : organizations) {
    orgs.emplace_back(std::to_string(o.id), (o.acronym.empty() ? "" : o.acronym + " — ") + o.name);
  }
  std::vector<std::pair<std::string, std::string>> services{{"", "Todos"}};
  std::vector<std::pair<std::string, std::string>> severities{{"", "Todas"}};
  for (const auto& s : ctx.desk.directory().services(actor)) {
    services.emplace_back(std::to_string(s.id), s.name);
  }
  for (const auto& name : ctx.desk.reports().severities()) severities.emplace_back(name, name);
  std::vector<std::pair<std::string, std::string>> channels{{"", "Todos"}};
  for (const char* ch : {"portal", "email", "phone", "whatsapp", "api"}) {
    channels.emplace_back(ch, app::report_channel_label(ch));
  }
  std::vector<std::pair<std::string, std::string>> categories{{"", "Todas"}};
  for (auto c : {Category::technical_consultation, Category::defect_with_stoppage,
                 Category::defect_without_stoppage, Category::service_request, Category::incident,
                 Category::project}) {
    categories.emplace_back(std::string(category_code(c)), std::string(category_label_pt(c)));
  }
  auto id_text = [](const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string();
  };
  nlohmann::json fields = nlohmann::json::array(
      {date_input(ctx, "de", "Desde", report_day_br(q.first_day), none, false, false),
       date_input(ctx, "ate", "Até", report_day_br(q.last_day), none, false, false),
       select_input("unidade", "Unidade (com as subunidades)", id_text(q.unit_id), units, none),
       select_input("orgao", "Órgão do solicitante", id_text(q.organization_id), orgs, none),
       select_input("servico", "Serviço", id_text(q.service_id), services, none),
       select_input("severidade", "Severidade", q.severity.value_or(""), severities, none),
       select_input("canal", "Canal", q.channel.value_or(""), channels, none),
       select_input("categoria", "Categoria", q.category.value_or(""), categories, none)});
  if (with_target) {
    auto target =
        text_input("meta", "Meta de cumprimento (%)", std::to_string(q.target_percent), none);
    target["modo"] = "numeric";
    fields.push_back(target);
  }
  return fields;
}

// While the roll-ups are still being counted (app/reports/report_recount.hpp):
// how far, for the page's warning; false once complete.
nlohmann::json counting_view(const std::optional<int>& percent) {
  return percent ? nlohmann::json(std::to_string(*percent) + " %") : nlohmann::json(false);
}

std::string period_text(const app::ReportQuery& q) {
  return report_period_text(q.first_day, q.last_day);
}

http::Response report_page(WebContext& ctx, const Visitor& v, const std::string& report,
                           const std::string& title, const app::ReportQuery& q,
                           nlohmann::json sections, nlohmann::json extra) {
  nlohmann::json view = {
      {"relatorio_titulo", title},
      {"periodo", period_text(q)},
      {"acao", "/relatorios/" + report},
      {"filtros", filter_fields(ctx, v.actor, q, report == "sla")},
      {"secoes", std::move(sections)},
      {"sla", report == "sla"},
      {"volume", report == "volume"},
      {"ver", report_visibility(v.actor.person)},
  };
  for (auto& [k, value] : extra.items()) view[k] = value;
  return page(ctx, v, 200, "relatorio", title, view);
}

ChartSpec compliance_chart(const std::string& id, const std::string& title,
                           const std::vector<app::ComplianceLine>& lines, int target) {
  ChartSpec c;
  c.id = id;
  c.title = title;
  c.description = "Barras empilhadas por linha da tabela abaixo: cumpridos, violados e a vencer.";
  c.series = {{"Cumpridos", {}}, {"Violados", {}}, {"A vencer", {}}};
  for (const auto& l : lines) {
    c.categories.push_back(l.label);
    c.series[0].values.push_back(static_cast<double>(l.counts.met));
    c.series[1].values.push_back(static_cast<double>(l.counts.breached));
    c.series[2].values.push_back(
        static_cast<double>(l.counts.due - l.counts.met - l.counts.breached));
  }
  (void)target;
  return c;
}

http::Response sla_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = app::parse_report_query(page_lookup(r), ctx.desk.reports().today());
  std::optional<store::BreachCursor> after;
  if (auto text = r.query_value("apos"); text && !text->empty()) {
    after = app::parse_report_cursor(*text);
    if (!after) throw malformed("Cursor de página inválido.");
  }
  const auto report = ctx.desk.reports().sla_compliance(v.actor, q, after, 50);
  const auto tables = sla_report_tables(report);
  const std::string qs = page_query_string(q);
  auto csv = [&](const std::string& id) {
    return "/relatorios/sla.csv?tabela=" + id + "&" + qs +
           (after ? "&apos=" + url_encode(r.query_value("apos").value_or("")) : "");
  };
  // The chart of % met per severity against the target.
  ChartSpec pct;
  pct.id = "grafico-percentual";
  pct.title = "% de cumprimento por severidade";
  pct.description =
      "Uma barra por severidade com a porcentagem de chamados cumpridos; a linha "
      "tracejada é a meta de " +
      std::to_string(q.target_percent) + " %.";
  pct.unit = " %";
  pct.reference = q.target_percent;
  pct.reference_label = "Meta " + std::to_string(q.target_percent) + " %";
  pct.series = {{"% cumpridos", {}}};
  for (const auto& l : report.by_severity) {
    pct.categories.push_back(l.label);
    pct.series[0].values.push_back(l.met_percent.value_or(0));
  }
  nlohmann::json sections = nlohmann::json::array();
  sections.push_back(
      section_view(tables[0],
                   bar_chart_svg(compliance_chart("grafico-severidades", "Prazos por severidade",
                                                  report.by_severity, q.target_percent)) +
                       bar_chart_svg(pct),
                   csv(tables[0].id)));
  auto top = report.by_service;
  if (top.size() > 12) top.resize(12);
  sections.push_back(section_view(
      tables[1],
      bar_chart_svg(compliance_chart(
          "grafico-servicos", "Prazos por serviço (os 12 com mais prazos)", top, q.target_percent)),
      csv(tables[1].id)));
  sections.push_back(section_view(tables[2], "", csv(tables[2].id)));
  std::string next;
  if (report.next) {
    next = "/relatorios/sla?" + qs + "&apos=" + url_encode(app::report_cursor_text(*report.next)) +
           "#violados";
  }
  nlohmann::json resumo = {
      {"com_prazo", report.total.counts.due},
      {"cumpridos", report.total.counts.met},
      {"violados", report.total.counts.breached},
      {"percentual", report_percent(report.total.met_percent)},
      {"meta", std::to_string(q.target_percent) + " %"},
      {"abaixo", report.total.met_percent && *report.total.met_percent < q.target_percent}};
  return report_page(
      ctx, v, "sla", "Cumprimento de SLA", q, sections,
      {{"resumo_sla", resumo},
       {"contando", counting_view(report.counting_percent)},
       {"assinar", report_subscription_form("sla", report_query_filters(report.query))},
       {"proxima", next.empty() ? nlohmann::json(false) : nlohmann::json(next)}});
}

http::Response volume_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = app::parse_report_query(page_lookup(r), ctx.desk.reports().today());
  const auto report = ctx.desk.reports().volume(v.actor, q);
  const auto tables = volume_report_tables(report);
  const std::string qs = page_query_string(q);
  auto csv = [&](const std::string& id) {
    return "/relatorios/volume.csv?tabela=" + id + "&" + qs;
  };
  const char* channels[] = {"portal", "email", "phone", "whatsapp", "api"};
  // Daily bars up to two months; weekly beyond.
  const bool weekly = report.days.size() > 62;
  ChartSpec reg;
  reg.id = "grafico-registrados";
  reg.title =
      weekly ? "Chamados registrados por semana e canal" : "Chamados registrados por dia e canal";
  reg.description = "Barras empilhadas por canal de entrada; os números estão na tabela abaixo.";
  for (const char* ch : channels) reg.series.push_back({app::report_channel_label(ch), {}});
  auto add_point = [&](const std::string& label, const std::map<std::string, std::int64_t>& by) {
    reg.categories.push_back(label);
    for (std::size_t i = 0; i < std::size(channels); ++i) {
      auto it = by.find(channels[i]);
      reg.series[i].values.push_back(it == by.end() ? 0 : static_cast<double>(it->second));
    }
  };
  if (weekly) {
    for (const auto& w : report.weeks)
      add_point(report_day_br(w.first_day).substr(0, 5), w.registered_by_channel);
  } else {
    for (const auto& d : report.days)
      add_point(report_day_br(d.day).substr(0, 5), d.registered_by_channel);
  }
  ChartSpec backlog;
  backlog.id = "grafico-estoque";
  backlog.title = "Estoque de chamados abertos no fim de cada dia";
  backlog.description = "Uma linha com o estoque ao fim de cada dia do período até hoje.";
  backlog.series = {{"Estoque", {}}};
  for (const auto& d : report.days) {
    if (!d.backlog) continue;
    backlog.categories.push_back(report_day_br(d.day).substr(0, 5));
    backlog.series[0].values.push_back(static_cast<double>(*d.backlog));
  }
  auto bars = [](const std::string& id, const std::string& title,
                 const std::vector<app::CountLine>& lines) {
    ChartSpec c;
    c.id = id;
    c.title = title;
    c.description = "Uma barra por linha da tabela abaixo.";
    c.series = {{"Chamados", {}}};
    for (std::size_t i = 0; i < lines.size() && i < 12; ++i) {
      c.categories.push_back(lines[i].label);
      c.series[0].values.push_back(static_cast<double>(lines[i].count));
    }
    return bar_chart_svg(c);
  };
  nlohmann::json sections = nlohmann::json::array();
  sections.push_back(
      section_view(tables[0], bar_chart_svg(reg) + line_chart_svg(backlog), csv(tables[0].id)));
  sections.push_back(section_view(tables[1], "", csv(tables[1].id)));
  sections.push_back(
      section_view(tables[2], bars("grafico-canais", "Registrados por canal", report.by_channel),
                   csv(tables[2].id)));
  sections.push_back(section_view(
      tables[3],
      bars("grafico-servicos-volume", "Registrados por serviço (os 12 maiores)", report.by_service),
      csv(tables[3].id)));
  sections.push_back(section_view(
      tables[4], bars("grafico-categorias", "Registrados por categoria", report.by_category),
      csv(tables[4].id)));
  sections.push_back(section_view(
      tables[5],
      bars("grafico-unidades", "Registrados por unidade (as 12 maiores)", report.by_unit),
      csv(tables[5].id)));
  sections.push_back(section_view(tables[6],
                                  bars("grafico-idade", "Chamados abertos por idade", report.aging),
                                  csv(tables[6].id)));
  // The hours per unit, the 12 units with most.
  std::vector<std::pair<std::string, double>> unit_hours;
  for (const auto& l : report.time_logged) {
    if (unit_hours.empty() || unit_hours.back().first != l.unit) unit_hours.emplace_back(l.unit, 0);
    unit_hours.back().second += static_cast<double>(l.logged.minutes) / 60.0;
  }
  std::stable_sort(unit_hours.begin(), unit_hours.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (unit_hours.size() > 12) unit_hours.resize(12);
  ChartSpec hours;
  hours.id = "grafico-tempo";
  hours.title = "Horas registradas por unidade (as 12 com mais horas)";
  hours.description =
      "Uma barra por unidade com a soma das horas dos seus serviços, que estão na tabela abaixo.";
  hours.series = {{"Horas", {}}};
  hours.unit = "h";
  for (const auto& [unit, h] : unit_hours) {
    hours.categories.push_back(unit);
    hours.series[0].values.push_back(h);
  }
  sections.push_back(section_view(tables[7], report.time_logged.empty() ? "" : bar_chart_svg(hours),
                                  csv(tables[7].id)));
  nlohmann::json resumo = {{"registrados", report.registered},
                           {"encerrados", report.ended},
                           {"abertos", report.open_now}};
  return report_page(
      ctx, v, "volume", "Volume e estoque", q, sections,
      {{"resumo_volume", resumo},
       {"contando", counting_view(report.counting_percent)},
       {"assinar", report_subscription_form("volume", report_query_filters(report.query))}});
}

http::Response report_csv(WebContext& ctx, const http::Request& r, bool sla) {
  const auto v = require_visitor(ctx, r);
  const auto q = app::parse_report_query(page_lookup(r), ctx.desk.reports().today());
  const auto wanted = r.query_value("tabela").value_or("");
  std::vector<ReportTable> tables;
  if (sla) {
    std::optional<store::BreachCursor> after;
    if (auto text = r.query_value("apos"); text && !text->empty()) {
      after = app::parse_report_cursor(*text);
    }
    tables = sla_report_tables(ctx.desk.reports().sla_compliance(v.actor, q, after, 50));
  } else {
    tables = volume_report_tables(ctx.desk.reports().volume(v.actor, q));
  }
  for (const auto& t : tables) {
    if (t.id == wanted) {
      return csv_response(std::string(sla ? "sla" : "volume") + "-" + report_day_iso(q.first_day) +
                              "-" + report_day_iso(q.last_day),
                          t);
    }
  }
  throw not_found("Tabela não encontrada.");
}

http::Response reports_index(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  if (!app::may_see_any_report(v.actor.person)) {
    throw forbidden(
        "Os relatórios são da diretoria, dos gestores de unidade, da administração, da "
        "comunicação (ASCOM) e da ouvidoria.");
  }
  return page(ctx, v, 200, "relatorios", "Relatórios",
              {{"ver", report_visibility(v.actor.person)}});
}

void add_report_page(WebContext& ctx, std::vector<http::Route>& routes, const char* path,
                     std::function<http::Response(const http::Request&)> fn) {
  routes.push_back({"GET", path, [&ctx, fn = std::move(fn)](const http::Request& r) {
                      return guarded_page(ctx, r, [&] { return fn(r); });
                    }});
}

}  // namespace

void add_report_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  add_report_page(ctx, routes, "/relatorios",
                  [&ctx](const http::Request& r) { return reports_index(ctx, r); });
  add_report_page(ctx, routes, "/relatorios/sla",
                  [&ctx](const http::Request& r) { return sla_page(ctx, r); });
  add_report_page(ctx, routes, "/relatorios/volume",
                  [&ctx](const http::Request& r) { return volume_page(ctx, r); });
  add_report_page(ctx, routes, "/relatorios/sla.csv",
                  [&ctx](const http::Request& r) { return report_csv(ctx, r, true); });
  add_report_page(ctx, routes, "/relatorios/volume.csv",
                  [&ctx](const http::Request& r) { return report_csv(ctx, r, false); });
}

app::QueryLookup report_filters_lookup(const http::Request& r) {
  return page_lookup(r);
}

std::string report_page_query_string(const app::ReportQuery& q) {
  return page_query_string(q);
}

nlohmann::json report_filter_fields(WebContext& ctx, const app::Actor& actor,
                                    const app::ReportQuery& q, bool with_target) {
  return filter_fields(ctx, actor, q, with_target);
}

http::Response report_page_of(WebContext& ctx, const Visitor& v, const std::string& report,
                              const std::string& title, const app::ReportQuery& q,
                              nlohmann::json sections, nlohmann::json extra) {
  return report_page(ctx, v, report, title, q, std::move(sections), std::move(extra));
}

void add_guarded_report_page(WebContext& ctx, std::vector<http::Route>& routes, const char* path,
                             std::function<http::Response(const http::Request&)> fn) {
  add_report_page(ctx, routes, path, std::move(fn));
}

}  // namespace guiche::web
