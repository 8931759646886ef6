#pragma once
// What every report page of /relatorios shares (web/reports/*_pages.cpp):
// a section's view (the table's definition, chart and cells for
// web/templates/relatorio.mustache), the CSV answer of one table, and which
// reports the visitor may open (the area's index and its tabs).
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "app/reports/report_query.hpp"
#include "domain/person.hpp"
#include "http/message.hpp"
#include "web/reports/report_tables.hpp"

namespace guiche::web {

// `chart`: SVG markup (web/reports/report_charts.hpp) or ""; `csv`: the
// table's download address.
nlohmann::json section_view(const ReportTable& t, const std::string& chart, const std::string& csv);
// `name`-<table id>.csv, as an attachment.
http::Response csv_response(const std::string& name, const ReportTable& t);
// {"sla": bool, "volume": bool, "incidentes": bool, "manifestacoes": bool, "satisfacao": bool,
// "carta": bool}
nlohmann::json report_visibility(const Person& p);
// The page's own names for a report's filters, read as the API's names
// (app/reports/report_query.hpp): "de" and "ate" are dates typed dd/mm/aaaa
// and give "from" and "to"; `names` maps each other API name to the page's
// ("unit" -> "unidade"). Throws DomainError on a malformed date.
app::QueryLookup report_page_lookup(const http::Request& r,
                                    std::map<std::string, std::string> names);
// "01/03/2026 a 31/03/2026"
std::string report_period_text(int first_day, int last_day);

}  // namespace guiche::web
