#include "web/reports/report_mail.hpp"

#include "app/privacy/access_log.hpp"
#include "app/reports/charter_panel.hpp"
#include "app/reports/incident_report.hpp"
#include "app/reports/manifestation_report.hpp"
#include "app/reports/report_query.hpp"
#include "app/reports/reports.hpp"
#include "app/reports/satisfaction_report.hpp"
#include "domain/report_day.hpp"
#include "support/markup_escape.hpp"
#include "web/decimal_comma.hpp"
#include "web/page.hpp"
#include "web/reports/report_subscription_form.hpp"
#include "web/reports/report_tables.hpp"

namespace guiche::web {
namespace {

// What a report's e-mail says, read as its subscriber.
struct ReportContents {
  std::string title;
  int first_day = 0;
  int last_day = 0;
  std::vector<std::pair<std::string, std::string>> summary;
  std::vector<ReportTable> tables;
};

ReportContents ticket_report_contents(WebContext& ctx, const app::Actor& a,
                                      const std::string& report, const app::ReportQuery& q) {
  auto& desk = ctx.desk;
  auto text = [&ctx](const char* key) { return ctx.texts.text(page_language(), key); };
  ReportContents c{"", q.first_day, q.last_day, {}, {}};
  if (report == "sla") {
    const auto r = desk.reports().sla_compliance(a, q);
    c.title = "Cumprimento de SLA";
    const auto& n = r.total.counts;
    c.summary = {{"Com prazo no período", std::to_string(n.due)},
                 {"Cumpridos", std::to_string(n.met)},
                 {"Violados", std::to_string(n.breached)},
                 {"% cumpridos", report_percent(r.total.met_percent) + " (meta " +
                                     std::to_string(q.target_percent) + " %)"}};
    c.tables = sla_report_tables(r);
  } else if (report == "satisfacao") {
    // The first page of comments, as the page shows it.
    const auto r = desk.satisfaction_reports().satisfaction(a, q, std::nullopt, 50);
    // A comment is its requester's words (LGPD art. 37: each read is logged).
    for (const auto& comment : r.comments) {
      desk.access_log().record(a, {app::ReadFace::mail, ""}, comment.row.requester_id,
                               "rating_comment", comment.row.ticket_id);
    }
    c.title = text("relatorios_satisfacao.titulo");
    c.summary = {{text("relatorios_satisfacao.perguntados"), std::to_string(r.total.counts.asked)},
                 {text("relatorios_satisfacao.avaliados"), std::to_string(r.total.counts.rated())},
                 {text("relatorios_satisfacao.taxa"), report_percent(r.total.response_percent)},
                 {text("relatorios_satisfacao.media"),
                  r.total.average ? decimal_comma(*r.total.average, 1) : "—"}};
    c.tables = satisfaction_tables(r, text);
  } else if (report == "carta") {
    const auto p = desk.charter_panels().panel(a, q);
    c.title = text("relatorios_carta.titulo");
    std::int64_t registered = 0, resolved = 0;
    for (const auto& s : p.services) {
      registered += s.figures.registered;
      resolved += s.figures.resolved;
    }
    c.summary = {{text("relatorios_carta.servicos"), std::to_string(p.services.size())},
                 {"Registrados", std::to_string(registered)},
                 {"Resolvidos", std::to_string(resolved)}};
    c.tables = {charter_panel_table(p, charter_panel_definition(ctx.texts, page_language()))};
  } else {
    const auto r = desk.reports().volume(a, q);
    c.title = "Volume e estoque";
    c.summary = {{"Registrados no período", std::to_string(r.registered)},
                 {"Encerrados no período", std::to_string(r.ended)},
                 {"Abertos agora", std::to_string(r.open_now)},
                 {"Horas registradas", report_hours(r.time_total.minutes * 60000)}};
    c.tables = volume_report_tables(r);
  }
  return c;
}

ReportContents report_contents(WebContext& ctx, const app::Actor& a, const std::string& report,
                               const app::ReportFilters& query) {
  const auto lookup = app::report_filters_lookup(query);
  const int today = ctx.desk.reports().today();
  if (report == "incidentes") {
    const auto q = app::parse_incident_report_query(lookup, today);
    const auto r = ctx.desk.incident_reports().report(a, q);
    const auto& f = r.total;
    return {"Incidentes",
            q.first_day,
            q.last_day,
            {{"Relatados", std::to_string(f.reported)},
             {"Confirmados", std::to_string(f.confirmed)},
             {"Restabelecidos", std::to_string(f.restored)},
             {"Órgãos afetados", std::to_string(f.organizations_affected)},
             {"Chamados vinculados", std::to_string(f.linked_tickets)}},
            incident_tables(ctx, r)};
  }
  if (report == "manifestacoes") {
    const auto q = app::parse_manifestation_report_query(lookup, today);
    const auto r = ctx.desk.manifestation_reports().report(a, q);
    const auto& t = r.total;
    return {"Manifestações",
            q.first_day,
            q.last_day,
            {{"Recebidas", std::to_string(t.received)},
             {"Respondidas em até 30 dias", std::to_string(t.answered_within_30)},
             {"Prorrogadas", std::to_string(t.extended)},
             {"Vencidas", std::to_string(t.overdue)}},
            manifestation_tables(ctx, r)};
  }
  return ticket_report_contents(ctx, a, report, app::parse_report_query(lookup, today));
}

// The page's address with the same period and filters, by the page's names.
std::string page_link(WebContext& ctx, const std::string& report, const ReportContents& c,
                      const app::ReportFilters& query) {
  std::string link = ctx.desk.config().public_url + "/relatorios/" + report +
                     "?de=" + url_encode(report_day_br(c.first_day)) +
                     "&ate=" + url_encode(report_day_br(c.last_day));
  for (const auto& [name, value] : query) {
    auto page_name = report_filter_page_names().find(name);
    if (page_name != report_filter_page_names().end() && !value.empty()) {
      link += "&" + page_name->second + "=" + url_encode(value);
    }
  }
  return link;
}

}  // namespace

app::ReportMail report_mail(WebContext& ctx, const app::Actor& a, const std::string& report,
                            const app::ReportFilters& query) {
  const auto c = report_contents(ctx, a, report, query);
  const std::string period = report_day_br(c.first_day) + " a " + report_day_br(c.last_day);
  const std::string link = page_link(ctx, report, c, query);
  const std::string manage = ctx.desk.config().public_url + "/relatorios/assinaturas";
  app::ReportMail m;
  m.subject = "Relatório: " + c.title + " — " + period;
  m.text =
      "Olá, " + a.person.name + ".\n\n" + c.title + " de " + period + " (hora de Brasília):\n\n";
  m.html = "<p>Olá, " + escape_markup(a.person.name) + ".</p>\n<p><strong>" +
           escape_markup(c.title) + "</strong> de " + escape_markup(period) +
           " (hora de Brasília):</p>\n<ul>\n";
  for (const auto& [label, value] : c.summary) {
    m.text += "- " + label + ": " + value + "\n";
    m.html +=
        "<li>" + escape_markup(label) + ": <strong>" + escape_markup(value) + "</strong></li>\n";
  }
  m.text +=
      "\nAs tabelas do relatório seguem anexas em CSV (separadas por ponto e vírgula, "
      "abrem em planilhas).\nVeja no Guichê: " +
      link + "\n\nPara deixar de receber este relatório: " + manage + "\n";
  m.html +=
      "</ul>\n<p>As tabelas do relatório seguem anexas em CSV (separadas por ponto e "
      "vírgula, abrem em planilhas).</p>\n<p><a href=\"" +
      escape_markup(link) + "\">Veja no Guichê</a> · <a href=\"" + escape_markup(manage) +
      "\">Deixar de receber</a></p>\n";
  const std::string suffix =
      report_day_iso(c.first_day) + "_" + report_day_iso(c.last_day) + ".csv";
  for (const auto& t : c.tables) {
    m.files.push_back(
        {report + "-" + t.id + "-" + suffix, "text/csv; charset=UTF-8", report_table_csv(t)});
  }
  return m;
}

}  // namespace guiche::web
