#pragma once
// The reports' tables (/relatorios), built once and used twice: rendered under
// each chart, and exported as CSV (UTF-8 with a byte-order mark, fields
// separated by `;`, decimal comma, as Brazilian spreadsheets open them), so
// the file holds exactly the numbers on the page.
#include <string>
#include <vector>

#include "app/reports/reports.hpp"

namespace guiche::web {

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
std::string report_table_csv(const ReportTable& t);

// "87,5 %", "—" when there is nothing to divide.
std::string report_percent(const std::optional<double>& p);
// Business hours with one decimal ("2,5"), "—" when none.
std::string report_hours(const std::optional<std::int64_t>& ms);

}  // namespace guiche::web
