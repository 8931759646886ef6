#pragma once
// The reports' tables (/relatorios), built once and used twice: rendered under
// each chart, and exported as CSV (UTF-8 with a byte-order mark, fields
// separated by `;`, decimal comma, as Brazilian spreadsheets open them), so
// the file holds exactly the numbers on the page.
#include <functional>
#include <string>
#include <vector>

#include "app/reports/charter_panel.hpp"
#include "app/reports/incident_report.hpp"
#include "app/reports/manifestation_report.hpp"
#include "app/reports/reports.hpp"
#include "app/reports/satisfaction_report.hpp"
#include "web/texts.hpp"

namespace guiche::web {

struct WebContext;

struct ReportTable {
  std::string id;  // "severidades": the section, the table and the CSV's name
  std::string title;
  std::string definition;  // how its figures are counted, pt-BR
  std::string caption;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;  // the first cell heads its row
};

std::vector<ReportTable> sla_report_tables(const app::SlaComplianceReport& r);
std::vector<ReportTable> volume_report_tables(const app::VolumeReport& r);
// The satisfaction report's (web/reports/satisfaction_pages.cpp); `text`: a
// definition by its key, in the reader's language.
std::vector<ReportTable> satisfaction_tables(const app::SatisfactionReport& r,
                                             const std::function<std::string(const char*)>& text);
// The charter panel's one table (web/reports/charter_panel_pages.cpp), with
// its definition in `language`.
ReportTable charter_panel_table(const app::CharterPanel& p, const std::string& definition);
std::string charter_panel_definition(const Texts& texts, const std::string& language);
// The incidents and manifestações reports' (web/reports/incident_report_pages.cpp,
// manifestation_report_pages.cpp), with their definitions in the page's language.
std::vector<ReportTable> incident_tables(WebContext& ctx, const app::IncidentReport& r);
std::vector<ReportTable> manifestation_tables(WebContext& ctx, const app::ManifestationReport& r);
std::string report_table_csv(const ReportTable& t);

// "87,5 %", "—" when there is nothing to divide.
std::string report_percent(const std::optional<double>& p);
// Business hours with one decimal ("2,5"), "—" when none.
std::string report_hours(const std::optional<std::int64_t>& ms);

}  // namespace guiche::web
