// The manifestações report (/relatorios/manifestacoes;
// app/reports/manifestation_report.hpp): the period's manifestações by type
// (stacked by how their deadline went), service, state and month, the
// deadlines, and the items of the yearly management report of Lei 13.460
// art. 15, each chart with the same numbers in a table right below, which
// /relatorios/manifestacoes.csv?tabela=<id> exports as they are. Definitions
// come from web/i18n/*/relatorios_manifestacoes.json, in the page's language.
#include "app/reports/manifestation_report.hpp"
#include "domain/manifestations/manifestation.hpp"
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

constexpr ManifestationKind kReportKinds[] = {
    ManifestationKind::complaint, ManifestationKind::report, ManifestationKind::praise,
    ManifestationKind::suggestion, ManifestationKind::request_for_action};

app::ManifestationReportQuery manifestation_page_query(WebContext& ctx, const http::Request& r) {
  return app::parse_manifestation_report_query(
      report_page_lookup(r, {{"service", "servico"}, {"kind", "tipo"}}),
      ctx.desk.reports().today());
}

std::string manifestation_page_query_string(const app::ManifestationReportQuery& q) {
  std::string s = "de=" + url_encode(report_day_br(q.first_day)) +
                  "&ate=" + url_encode(report_day_br(q.last_day));
  if (q.service_id) s += "&servico=" + std::to_string(*q.service_id);
  if (q.kind) s += "&tipo=" + url_encode(*q.kind);
  return s;
}

// The filters a subscription keeps (app/reports/report_subscriptions.hpp).
app::ReportFilters filters_of(const app::ManifestationReportQuery& q) {
  app::ReportFilters f;
  if (q.service_id) f["service"] = std::to_string(*q.service_id);
  if (q.kind) f["kind"] = *q.kind;
  return f;
}

std::string days_text(const std::optional<double>& d) {
  return d ? decimal_comma(*d, 1) : "—";
}

std::string count_of(const std::map<std::string, std::int64_t>& m, ManifestationKind k) {
  auto it = m.find(std::string(manifestation_kind_code(k)));
  return std::to_string(it == m.end() ? 0 : it->second);
}

// Running and not overdue: open within the deadline, or waiting for a complement.
std::int64_t running_on_time(const app::ManifestationCounts& c) {
  return c.open - c.overdue + c.awaiting_complement;
}

}  // namespace

std::vector<ReportTable> manifestation_tables(WebContext& ctx, const app::ManifestationReport& r) {
  auto n = [](std::int64_t v) { return std::to_string(v); };
  const auto& t = r.total;
  ReportTable deadlines{"prazos",
                        "Prazos",
                        text(ctx, "relatorios_manifestacoes.def_prazos"),
                        "Manifestações recebidas no período e os seus prazos",
                        {"Indicador", "Manifestações"},
                        {{"Recebidas", n(t.received)},
                         {"Respondidas", n(t.answered)},
                         {"Respondidas em até 30 dias", n(t.answered_within_30)},
                         {"Respondidas no prazo prorrogado", n(t.answered_extended_on_time)},
                         {"Respondidas fora do prazo", n(t.answered_late)},
                         {"Prorrogadas", n(t.extended)},
                         {"Vencidas (em aberto)", n(t.overdue)},
                         {"Aguardando complemento", n(t.awaiting_complement)},
                         {"Arquivadas", n(t.archived)},
                         {"Tempo de resposta, média (dias)", days_text(t.answer_days_mean)},
                         {"Tempo de resposta, mediana (dias)", days_text(t.answer_days_median)}}};
  ReportTable kinds{"tipos",
                    "Por tipo",
                    text(ctx, "relatorios_manifestacoes.def_tipos"),
                    "Manifestações recebidas no período por tipo",
                    {"Tipo", "Recebidas", "Respondidas em até 30 dias", "No prazo prorrogado",
                     "Fora do prazo", "Prorrogadas", "Vencidas", "Em andamento no prazo",
                     "Arquivadas", "Tempo de resposta, média (dias)"},
                    {}};
  for (const auto& l : r.by_kind) {
    const auto& c = l.counts;
    kinds.rows.push_back({l.label, n(c.received), n(c.answered_within_30),
                          n(c.answered_extended_on_time), n(c.answered_late), n(c.extended),
                          n(c.overdue), n(running_on_time(c)), n(c.archived),
                          days_text(c.answer_days_mean)});
  }
  std::vector<std::string> kind_headers;
  for (auto k : kReportKinds) kind_headers.emplace_back(manifestation_kind_label_pt(k));
  ReportTable services{"servicos",
                       "Por serviço",
                       text(ctx, "relatorios_manifestacoes.def_servicos"),
                       "Manifestações recebidas no período por serviço e tipo",
                       {"Serviço", "Recebidas"},
                       {}};
  services.headers.insert(services.headers.end(), kind_headers.begin(), kind_headers.end());
  for (const char* h : {"Respondidas no prazo", "Vencidas", "Com chamado vinculado"}) {
    services.headers.emplace_back(h);
  }
  for (const auto& l : r.by_service) {
    std::vector<std::string> row{l.label, n(l.counts.received)};
    for (auto k : kReportKinds) row.push_back(count_of(l.counts.by_kind, k));
    row.push_back(n(l.counts.answered_on_time));
    row.push_back(n(l.counts.overdue));
    row.push_back(n(l.counts.with_tickets));
    services.rows.push_back(std::move(row));
  }
  ReportTable states{
      "situacoes",
      "Por situação",
      text(ctx, "relatorios_manifestacoes.def_situacoes"),
      "Manifestações recebidas no período pela situação de hoje",
      {"Situação", "Manifestações"},
      {{std::string(manifestation_status_label_pt(ManifestationStatus::open)), n(t.open)},
       {std::string(manifestation_status_label_pt(ManifestationStatus::awaiting_complement)),
        n(t.awaiting_complement)},
       {std::string(manifestation_status_label_pt(ManifestationStatus::answered)), n(t.answered)},
       {std::string(manifestation_status_label_pt(ManifestationStatus::archived)), n(t.archived)}}};
  ReportTable months{"meses",
                     "Por mês",
                     text(ctx, "relatorios_manifestacoes.def_meses"),
                     "Manifestações recebidas por mês e tipo",
                     {"Mês"},
                     {}};
  months.headers.insert(months.headers.end(), kind_headers.begin(), kind_headers.end());
  months.headers.emplace_back("Recebidas");
  for (const auto& m : r.months) {
    const int month = std::stoi(m.key);
    std::vector<std::string> row{(month % 100 < 10 ? "0" : "") + std::to_string(month % 100) + "/" +
                                 std::to_string(month / 100)};
    for (auto k : kReportKinds) row.push_back(count_of(m.counts.by_kind, k));
    row.push_back(n(m.counts.received));
    months.rows.push_back(std::move(row));
  }
  // Art. 15: I number, II reasons, III recurring points, IV actions taken.
  std::string reasons;
  for (const auto& l : r.by_kind) {
    if (l.counts.received == 0) continue;
    reasons += (reasons.empty() ? "" : "; ") + l.label + ": " + n(l.counts.received);
  }
  std::vector<std::pair<std::int64_t, std::string>> recurring;
  for (const auto& l : r.by_service) {
    const auto complaints = std::stoll(count_of(l.counts.by_kind, ManifestationKind::complaint)) +
                            std::stoll(count_of(l.counts.by_kind, ManifestationKind::report));
    if (complaints > 0) recurring.emplace_back(complaints, l.label);
  }
  std::stable_sort(recurring.begin(), recurring.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::string points;
  for (std::size_t i = 0; i < recurring.size() && i < 3; ++i) {
    points += (points.empty() ? "" : "; ") + recurring[i].second +
              " (reclamações e denúncias: " + n(recurring[i].first) + ")";
  }
  // "Label: n", so a count of one reads as well as any other.
  const std::string actions =
      "Respondidas: " + n(t.answered) + " (no prazo: " + n(t.answered_on_time) +
      "); com chamado vinculado: " + n(t.with_tickets) + " (chamados: " + n(t.linked_tickets) +
      "); prorrogadas: " + n(t.extended) + "; arquivadas: " + n(t.archived);
  ReportTable art15{"art15",
                    "Relatório de gestão (Lei 13.460, art. 15)",
                    text(ctx, "relatorios_manifestacoes.def_art15"),
                    "Itens do relatório anual de gestão da ouvidoria",
                    {"Item (art. 15)", "No período"},
                    {{"I — Manifestações recebidas", n(t.received)},
                     {"II — Motivos (por tipo)", reasons.empty() ? "—" : reasons},
                     {"III — Pontos recorrentes", points.empty() ? "—" : points},
                     {"IV — Providências adotadas", actions}}};
  return {deadlines, kinds, services, states, months, art15};
}

namespace {

nlohmann::json manifestation_filters(WebContext& ctx, const app::ManifestationReportQuery& q) {
  Errors none;
  std::vector<std::pair<std::string, std::string>> services{{"", "Todos"}};
  for (const auto& s : ctx.desk.manifestation_reports().services()) {
    services.emplace_back(std::to_string(s.id), s.name);
  }
  std::vector<std::pair<std::string, std::string>> kinds{{"", "Todos"}};
  for (auto k : kReportKinds) {
    kinds.emplace_back(std::string(manifestation_kind_code(k)),
                       std::string(manifestation_kind_label_pt(k)));
  }
  return nlohmann::json::array(
      {date_input(ctx, "de", "Desde", report_day_br(q.first_day), none, false, false),
       date_input(ctx, "ate", "Até", report_day_br(q.last_day), none, false, false),
       select_input("servico", "Serviço", q.service_id ? std::to_string(*q.service_id) : "",
                    services, none),
       select_input("tipo", "Tipo", q.kind.value_or(""), kinds, none)});
}

http::Response manifestation_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = manifestation_page_query(ctx, r);
  const auto report = ctx.desk.manifestation_reports().report(v.actor, q);
  const auto tables = manifestation_tables(ctx, report);
  const std::string qs = manifestation_page_query_string(q);
  auto csv = [&](const std::string& id) {
    return "/relatorios/manifestacoes.csv?tabela=" + id + "&" + qs;
  };
  ChartSpec by_kind;
  by_kind.id = "grafico-manifestacoes-tipo";
  by_kind.title = "Manifestações por tipo e prazo";
  by_kind.description =
      "Barras empilhadas por tipo: respondidas no prazo, fora do prazo, em andamento no prazo, "
      "vencidas e arquivadas; os números estão na tabela abaixo.";
  by_kind.series = {{"Respondidas no prazo", {}},
                    {"Fora do prazo", {}},
                    {"Em andamento no prazo", {}},
                    {"Vencidas", {}},
                    {"Arquivadas", {}}};
  for (const auto& l : report.by_kind) {
    const auto& c = l.counts;
    by_kind.categories.push_back(l.label);
    for (auto [i, value] :
         {std::pair{0, c.answered_on_time}, std::pair{1, c.answered_late},
          std::pair{2, running_on_time(c)}, std::pair{3, c.overdue}, std::pair{4, c.archived}}) {
      by_kind.series[static_cast<std::size_t>(i)].values.push_back(static_cast<double>(value));
    }
  }
  ChartSpec per_month;
  per_month.id = "grafico-manifestacoes-mes";
  per_month.title = "Manifestações recebidas por mês";
  per_month.description =
      "Barras empilhadas por tipo em cada mês; os números estão na tabela abaixo.";
  for (auto k : kReportKinds)
    per_month.series.push_back({std::string(manifestation_kind_label_pt(k)), {}});
  for (std::size_t i = 0; i < report.months.size(); ++i) {
    per_month.categories.push_back(tables[4].rows[i][0]);
    for (std::size_t k = 0; k < std::size(kReportKinds); ++k) {
      per_month.series[k].values.push_back(
          std::stod(count_of(report.months[i].counts.by_kind, kReportKinds[k])));
    }
  }
  ChartSpec by_service;
  by_service.id = "grafico-manifestacoes-servico";
  by_service.title = "Manifestações por serviço (os 12 com mais)";
  by_service.description = "Barras empilhadas por tipo para cada serviço.";
  for (auto k : kReportKinds)
    by_service.series.push_back({std::string(manifestation_kind_label_pt(k)), {}});
  for (std::size_t i = 0; i < report.by_service.size() && i < 12; ++i) {
    by_service.categories.push_back(report.by_service[i].label);
    for (std::size_t k = 0; k < std::size(kReportKinds); ++k) {
      by_service.series[k].values.push_back(
          std::stod(count_of(report.by_service[i].counts.by_kind, kReportKinds[k])));
    }
  }
  nlohmann::json sections = nlohmann::json::array();
  sections.push_back(section_view(tables[0], "", csv(tables[0].id)));
  sections.push_back(section_view(tables[1], bar_chart_svg(by_kind), csv(tables[1].id)));
  sections.push_back(section_view(tables[2],
                                  by_service.categories.empty() ? "" : bar_chart_svg(by_service),
                                  csv(tables[2].id)));
  sections.push_back(section_view(tables[3], "", csv(tables[3].id)));
  sections.push_back(section_view(tables[4], bar_chart_svg(per_month), csv(tables[4].id)));
  sections.push_back(section_view(tables[5], "", csv(tables[5].id)));
  const auto& t = report.total;
  nlohmann::json items = nlohmann::json::array(
      {{{"rotulo", "Recebidas"}, {"valor", std::to_string(t.received)}},
       {{"rotulo", "Respondidas em até 30 dias"}, {"valor", std::to_string(t.answered_within_30)}},
       {{"rotulo", "Prorrogadas"}, {"valor", std::to_string(t.extended)}},
       {{"rotulo", "Vencidas"}, {"valor", std::to_string(t.overdue)}}});
  const int year = report_day(ctx.desk.now()) / 10000;
  auto shortcut = [](const std::string& label, int from, int to) {
    return nlohmann::json{
        {"rotulo", label},
        {"href", "/relatorios/manifestacoes?de=" + url_encode(report_day_br(from)) +
                     "&ate=" + url_encode(report_day_br(to))}};
  };
  nlohmann::json shortcuts =
      nlohmann::json::array({shortcut(text(ctx, "relatorios_manifestacoes.ano_anterior"),
                                      (year - 1) * 10000 + 101, (year - 1) * 10000 + 1231),
                             shortcut(text(ctx, "relatorios_manifestacoes.este_ano"),
                                      year * 10000 + 101, report_day(ctx.desk.now()))});
  nlohmann::json view = {{"relatorio_titulo", "Manifestações"},
                         {"periodo", report_period_text(q.first_day, q.last_day)},
                         {"acao", "/relatorios/manifestacoes"},
                         {"filtros", manifestation_filters(ctx, q)},
                         {"secoes", std::move(sections)},
                         {"manifestacoes", true},
                         {"ver", report_visibility(v.actor.person)},
                         {"atalhos", {{"itens", shortcuts}}},
                         {"resumo", {{"itens", items}}},
                         {"assinar", report_subscription_form("manifestacoes", filters_of(q))}};
  return page(ctx, v, 200, "relatorio", "Manifestações", view);
}

http::Response manifestation_csv(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = manifestation_page_query(ctx, r);
  const auto wanted = r.query_value("tabela").value_or("");
  for (const auto& t :
       manifestation_tables(ctx, ctx.desk.manifestation_reports().report(v.actor, q))) {
    if (t.id == wanted) {
      return csv_response(
          "manifestacoes-" + report_day_iso(q.first_day) + "-" + report_day_iso(q.last_day), t);
    }
  }
  throw not_found("Tabela não encontrada.");
}

}  // namespace

void add_manifestation_report_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  for (auto [path, csv] : {std::pair{"/relatorios/manifestacoes", false},
                           std::pair{"/relatorios/manifestacoes.csv", true}}) {
    routes.push_back({"GET", path, [&ctx, csv](const http::Request& r) {
                        return guarded_page(ctx, r, [&] {
                          return csv ? manifestation_csv(ctx, r) : manifestation_page(ctx, r);
                        });
                      }});
  }
}

}  // namespace guiche::web
