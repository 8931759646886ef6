// The satisfaction report's page (/relatorios/satisfacao; issue 15) and its
// CSVs (/relatorios/satisfacao.csv?tabela=<id>): the distribution of the
// ratings, the response rate and averages per service and per unit, and the
// comments, newest first (app/reports/satisfaction_report.hpp). Each section
// is a chart (server-side SVG, report_charts.hpp), the definition of its
// figures in the visitor's language (web/i18n/*/relatorios_satisfacao.json)
// and the same numbers in a table, which the CSV exports as they are. The
// period and filters are the other reports' (report_page_parts.hpp).
#include "app/reports/satisfaction_report.hpp"
#include "domain/report_day.hpp"
#include "web/access_reads.hpp"
#include "web/decimal_comma.hpp"
#include "web/page_routes.hpp"
#include "web/reports/report_charts.hpp"
#include "web/reports/report_page_parts.hpp"
#include "web/reports/report_subscription_form.hpp"

namespace guiche::web {
namespace {

std::string stars_label(int stars) {
  return std::to_string(stars) + (stars == 1 ? " estrela" : " estrelas");
}

std::string rating_average(const std::optional<double>& v) {
  return v ? decimal_comma(*v, 2) : "—";
}

std::vector<std::string> rating_headers(const std::string& first) {
  std::vector<std::string> h{first, "Perguntados", "Avaliados", "Taxa de resposta", "Média"};
  for (int s = 1; s <= 5; ++s) h.push_back(stars_label(s));
  h.push_back("Com comentário");
  return h;
}

std::vector<std::string> rating_row(const app::RatingLine& l) {
  std::vector<std::string> row{l.label, std::to_string(l.counts.asked),
                               std::to_string(l.counts.rated()), report_percent(l.response_percent),
                               rating_average(l.average)};
  for (auto n : l.counts.stars) row.push_back(std::to_string(n));
  row.push_back(std::to_string(l.counts.commented));
  return row;
}

}  // namespace

std::vector<ReportTable> satisfaction_tables(const app::SatisfactionReport& r,
                                             const std::function<std::string(const char*)>& text) {
  ReportTable dist{"distribuicao",
                   "Distribuição das avaliações",
                   text("relatorios_satisfacao.def_distribuicao"),
                   "Avaliações dos chamados resolvidos no período por número de estrelas",
                   {"Estrelas", "Avaliações", "% das avaliações"},
                   {}};
  const auto rated = r.total.counts.rated();
  for (int s = 5; s >= 1; --s) {
    const auto n = r.total.counts.stars[static_cast<std::size_t>(s - 1)];
    std::optional<double> share;
    if (rated > 0) share = 100.0 * static_cast<double>(n) / static_cast<double>(rated);
    dist.rows.push_back({stars_label(s), std::to_string(n), report_percent(share)});
  }
  dist.rows.push_back({"Total", std::to_string(rated),
                       report_percent(rated > 0 ? std::optional<double>(100.0) : std::nullopt)});

  ReportTable svc{"servicos",
                  "Por serviço",
                  text("relatorios_satisfacao.def_servicos"),
                  "Taxa de resposta e média das avaliações por serviço",
                  rating_headers("Serviço"),
                  {}};
  for (const auto& l : r.by_service) svc.rows.push_back(rating_row(l));
  if (!r.by_service.empty()) svc.rows.push_back(rating_row(r.total));

  ReportTable unit{"unidades",
                   "Por unidade",
                   text("relatorios_satisfacao.def_unidades"),
                   "Taxa de resposta e média das avaliações por unidade",
                   rating_headers("Unidade"),
                   {}};
  for (const auto& l : r.by_unit) unit.rows.push_back(rating_row(l));
  if (!r.by_unit.empty()) unit.rows.push_back(rating_row(r.total));

  ReportTable comments{
      "comentarios",
      "Comentários",
      text("relatorios_satisfacao.def_comentarios"),
      "Comentários das avaliações, da solução mais recente para a mais antiga",
      {"Protocolo", "Resolvido em", "Estrelas", "Comentário", "Serviço", "Unidade"},
      {}};
  for (const auto& c : r.comments) {
    comments.rows.push_back({c.row.protocol, report_day_br(report_day(c.row.resolved_at)),
                             std::to_string(c.row.rating), c.row.comment, c.service, c.unit});
  }
  return {dist, svc, unit, comments};
}

namespace {

// Stacked bars of the stars, five first, per line (the 12 most asked).
ChartSpec stars_chart(const std::string& id, const std::string& title,
                      const std::vector<app::RatingLine>& lines) {
  ChartSpec c;
  c.id = id;
  c.title = title;
  c.description =
      "Barras empilhadas por linha da tabela abaixo: as avaliações de 5 a 1 estrela, cada "
      "número de estrelas com a sua cor e a sua textura.";
  for (int s = 5; s >= 1; --s) c.series.push_back({stars_label(s), {}});
  for (std::size_t i = 0; i < lines.size() && i < 12; ++i) {
    c.categories.push_back(lines[i].label);
    for (int s = 5; s >= 1; --s) {
      c.series[static_cast<std::size_t>(5 - s)].values.push_back(
          static_cast<double>(lines[i].counts.stars[static_cast<std::size_t>(s - 1)]));
    }
  }
  return c;
}

std::optional<store::RatingCursor> comments_cursor(const http::Request& r) {
  auto text = r.query_value("apos");
  if (!text || text->empty()) return std::nullopt;
  auto after = app::parse_rating_cursor(*text);
  if (!after) throw malformed("Cursor de página inválido.");
  return after;
}

// A comment is its requester's words (LGPD art. 37: each read is logged).
void note_comments_read(WebContext& ctx, const Visitor& v, const app::SatisfactionReport& r) {
  for (const auto& c : r.comments) {
    note_page_read(ctx, v, c.row.requester_id, "rating_comment", c.row.ticket_id);
  }
}

std::function<std::string(const char*)> texts_of(WebContext& ctx) {
  return [&ctx](const char* key) { return ctx.texts.text(page_language(), key); };
}

http::Response satisfaction_page(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = app::parse_report_query(report_filters_lookup(r), ctx.desk.reports().today());
  const auto after = comments_cursor(r);
  const auto report = ctx.desk.satisfaction_reports().satisfaction(v.actor, q, after, 50);
  note_comments_read(ctx, v, report);
  const auto tables = satisfaction_tables(report, texts_of(ctx));
  const std::string qs = report_page_query_string(q);
  auto csv = [&](const std::string& id) {
    return "/relatorios/satisfacao.csv?tabela=" + id + "&" + qs +
           (after ? "&apos=" + url_encode(r.query_value("apos").value_or("")) : "");
  };
  ChartSpec dist;
  dist.id = "grafico-estrelas";
  dist.title = "Avaliações por número de estrelas";
  dist.description =
      "Uma barra por número de estrelas, de 5 a 1; os números estão na tabela abaixo.";
  dist.series = {{"Avaliações", {}}};
  for (int s = 5; s >= 1; --s) {
    dist.categories.push_back(stars_label(s));
    dist.series[0].values.push_back(
        static_cast<double>(report.total.counts.stars[static_cast<std::size_t>(s - 1)]));
  }
  ChartSpec rate;
  rate.id = "grafico-resposta";
  rate.title = "Taxa de resposta por serviço (os 12 com mais perguntados)";
  rate.description = "Uma barra por serviço com a porcentagem de chamados avaliados.";
  rate.unit = " %";
  rate.series = {{"Taxa de resposta", {}}};
  for (std::size_t i = 0; i < report.by_service.size() && i < 12; ++i) {
    rate.categories.push_back(report.by_service[i].label);
    rate.series[0].values.push_back(report.by_service[i].response_percent.value_or(0));
  }
  nlohmann::json sections = nlohmann::json::array();
  sections.push_back(section_view(tables[0], bar_chart_svg(dist), csv(tables[0].id)));
  sections.push_back(
      section_view(tables[1],
                   bar_chart_svg(stars_chart("grafico-servicos-estrelas",
                                             "Avaliações por serviço (os 12 com mais perguntados)",
                                             report.by_service)) +
                       bar_chart_svg(rate),
                   csv(tables[1].id)));
  sections.push_back(
      section_view(tables[2],
                   bar_chart_svg(stars_chart("grafico-unidades-estrelas",
                                             "Avaliações por unidade (as 12 com mais perguntados)",
                                             report.by_unit)),
                   csv(tables[2].id)));
  sections.push_back(section_view(tables[3], "", csv(tables[3].id)));
  auto text = texts_of(ctx);
  nlohmann::json items =
      nlohmann::json::array({{{"rotulo", text("relatorios_satisfacao.perguntados")},
                              {"valor", std::to_string(report.total.counts.asked)}},
                             {{"rotulo", text("relatorios_satisfacao.avaliados")},
                              {"valor", std::to_string(report.total.counts.rated())}},
                             {{"rotulo", text("relatorios_satisfacao.taxa")},
                              {"valor", report_percent(report.total.response_percent)}},
                             {{"rotulo", text("relatorios_satisfacao.media")},
                              {"valor", rating_average(report.total.average)}}});
  nlohmann::json extra = {
      {"aba_satisfacao", true},
      {"assinar", report_subscription_form("satisfacao", report_query_filters(report.query))},
      {"resumo", {{"itens", items}}},
      {"contando", report.counting_percent
                       ? nlohmann::json(std::to_string(*report.counting_percent) + " %")
                       : nlohmann::json(false)}};
  if (report.next) {
    extra["proximos"] = {
        {"href", "/relatorios/satisfacao?" + qs +
                     "&apos=" + url_encode(app::rating_cursor_text(*report.next)) + "#comentarios"},
        {"texto", text("relatorios_satisfacao.mais")}};
  }
  return report_page_of(ctx, v, "satisfacao", text("relatorios_satisfacao.titulo"), q, sections,
                        extra);
}

http::Response satisfaction_csv(WebContext& ctx, const http::Request& r) {
  const auto v = require_visitor(ctx, r);
  const auto q = app::parse_report_query(report_filters_lookup(r), ctx.desk.reports().today());
  const auto wanted = r.query_value("tabela").value_or("");
  const auto report =
      ctx.desk.satisfaction_reports().satisfaction(v.actor, q, comments_cursor(r), 50);
  if (wanted == "comentarios") note_comments_read(ctx, v, report);
  for (const auto& t : satisfaction_tables(report, texts_of(ctx))) {
    if (t.id == wanted) {
      return csv_response(
          "satisfacao-" + report_day_iso(q.first_day) + "-" + report_day_iso(q.last_day), t);
    }
  }
  throw not_found("Tabela não encontrada.");
}

}  // namespace

void add_satisfaction_report_pages(WebContext& ctx, std::vector<http::Route>& routes) {
  add_guarded_report_page(ctx, routes, "/relatorios/satisfacao",
                          [&ctx](const http::Request& r) { return satisfaction_page(ctx, r); });
  add_guarded_report_page(ctx, routes, "/relatorios/satisfacao.csv",
                          [&ctx](const http::Request& r) { return satisfaction_csv(ctx, r); });
}

}  // namespace guiche::web
