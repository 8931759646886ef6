#include "web/reports/report_mail.hpp"

#include "app/reports/charter_panel.hpp"
#include "app/reports/reports.hpp"
#include "app/reports/satisfaction_report.hpp"
#include "domain/report_day.hpp"
#include "support/markup_escape.hpp"
#include "web/decimal_comma.hpp"
#include "web/page.hpp"
#include "web/reports/report_page_parts.hpp"
#include "web/reports/report_tables.hpp"

namespace guiche::web {

app::ReportMail report_mail(app::Desk& desk, const Texts& texts, const app::Actor& a,
                            const std::string& report, const app::ReportQuery& q) {
  auto text = [&texts](const char* key) { return texts.text("pt-BR", key); };
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
  } else if (report == "satisfacao") {
    // The first page of comments, as the page shows it.
    const auto r = desk.satisfaction_reports().satisfaction(a, q, std::nullopt, 50);
    title = text("relatorios_satisfacao.titulo");
    summary = {{text("relatorios_satisfacao.perguntados"), std::to_string(r.total.counts.asked)},
               {text("relatorios_satisfacao.avaliados"), std::to_string(r.total.counts.rated())},
               {text("relatorios_satisfacao.taxa"), report_percent(r.total.response_percent)},
               {text("relatorios_satisfacao.media"),
                r.total.average ? decimal_comma(*r.total.average, 1) : "—"}};
    tables = satisfaction_tables(r, text);
  } else if (report == "carta") {
    const auto p = desk.charter_panels().panel(a, q);
    title = text("relatorios_carta.titulo");
    std::int64_t registered = 0, resolved = 0;
    for (const auto& s : p.services) {
      registered += s.figures.registered;
      resolved += s.figures.resolved;
    }
    summary = {{text("relatorios_carta.servicos"), std::to_string(p.services.size())},
               {"Registrados", std::to_string(registered)},
               {"Resolvidos", std::to_string(resolved)}};
    tables = {charter_panel_table(p, charter_panel_definition(texts, "pt-BR"))};
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
