#include "web/reports/report_mail.hpp"

#include "app/reports/reports.hpp"
#include "domain/report_day.hpp"
#include "support/markup_escape.hpp"
#include "web/page.hpp"
#include "web/reports/report_page_parts.hpp"
#include "web/reports/report_tables.hpp"

namespace guiche::web {

app::ReportMail report_mail(app::Desk& desk, const app::Actor& a, const std::string& report,
                            const app::ReportQuery& q) {
  std::string title;
  std::vector<std::pair<std::string, std::string>> summary;
  std::vector<ReportTable> tables;
  if (report == "sla") {
    const auto r = desk.reports().sla_compliance(a, q);
    title = "Cumprimento de SLA";
    const auto& n = r.total.counts;
    summary = {{"Com prazo no período", std::to_string(n.due)},
               {"Cumpridos", std::to_string(n.met)},
               {"Violados", std::to_string(n.breached)},
               {"% cumpridos", report_percent(r.total.met_percent) + " (meta " +
                                   std::to_string(q.target_percent) + " %)"}};
    tables = sla_report_tables(r);
  } else {
    const auto r = desk.reports().volume(a, q);
    title = "Volume e estoque";
    summary = {{"Registrados no período", std::to_string(r.registered)},
               {"Encerrados no período", std::to_string(r.ended)},
               {"Abertos agora", std::to_string(r.open_now)},
               {"Horas registradas", report_hours(r.time_total.minutes * 60000)}};
    tables = volume_report_tables(r);
  }
  const std::string period = report_day_br(q.first_day) + " a " + report_day_br(q.last_day);
  const std::string link =
      desk.config().public_url + "/relatorios/" + report + "?" + report_page_query_string(q);
  const std::string manage = desk.config().public_url + "/relatorios/assinaturas";
  app::ReportMail m;
  m.subject = "Relatório: " + title + " — " + period;
  m.text = "Olá, " + a.person.name + ".\n\n" + title + " de " + period + " (hora de Brasília):\n\n";
  m.html = "<p>Olá, " + escape_markup(a.person.name) + ".</p>\n<p><strong>" + escape_markup(title) +
           "</strong> de " + escape_markup(period) + " (hora de Brasília):</p>\n<ul>\n";
  for (const auto& [label, value] : summary) {
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
      report_day_iso(q.first_day) + "_" + report_day_iso(q.last_day) + ".csv";
  for (const auto& t : tables) {
    m.files.push_back(
        {report + "-" + t.id + "-" + suffix, "text/csv; charset=UTF-8", report_table_csv(t)});
  }
  return m;
}

}  // namespace guiche::web
