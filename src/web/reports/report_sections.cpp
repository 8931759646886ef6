#include "web/reports/report_sections.hpp"

#include "app/reports/report_access.hpp"
#include "app/reports/reports.hpp"
#include "domain/error.hpp"
#include "domain/report_day.hpp"
#include "web/date_input.hpp"

namespace guiche::web {

nlohmann::json section_view(const ReportTable& t, const std::string& chart,
                            const std::string& csv) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : t.rows) {
    nlohmann::json rest = nlohmann::json::array();
    for (std::size_t i = 1; i < row.size(); ++i) {
      // Figures align right; names and subjects read from the left.
      const bool figure =
          row[i].find_first_not_of("0123456789,. %—") == std::string::npos || row[i] == "—";
      rest.push_back({{"texto", row[i]}, {"numero", figure}});
    }
    rows.push_back({{"primeira", row.empty() ? "" : row[0]}, {"resto", rest}});
  }
  return {{"id", t.id},
          {"titulo", t.title},
          {"definicao", t.definition},
          {"legenda", t.caption},
          {"cabecalhos", t.headers},
          {"linhas", rows},
          {"vazia", t.rows.empty()},
          {"grafico", chart},
          {"csv", csv}};
}

http::Response csv_response(const std::string& name, const ReportTable& t) {
  http::Response response{200, "text/csv; charset=utf-8", report_table_csv(t), {}};
  response.headers.emplace_back("Content-Disposition",
                                "attachment; filename=\"" + name + "-" + t.id + ".csv\"");
  return response;
}

nlohmann::json report_visibility(const Person& p) {
  return {{"sla", app::may_see_reports(p)},
          {"volume", app::may_see_reports(p)},
          {"incidentes", app::may_see_incident_report(p)},
          {"manifestacoes", app::may_see_manifestation_report(p)},
          {"satisfacao", app::may_see_reports(p)},
          {"carta", app::may_see_reports(p)}};
}

app::QueryLookup report_page_lookup(const http::Request& r,
                                    std::map<std::string, std::string> names) {
  return [&r, names = std::move(names)](const char* name) -> std::optional<std::string> {
    const std::string n = name;
    if (n == "from" || n == "to") {
      const char* field = n == "from" ? "de" : "ate";
      auto text = r.query_value(field);
      if (!text || text->empty()) return std::nullopt;
      auto d = parse_date_input(*text);
      if (!d) throw invalid_field(field, "Informe a data como dd/mm/aaaa.");
      return format_date(*d);
    }
    auto it = names.find(n);
    return it == names.end() ? std::nullopt : r.query_value(it->second.c_str());
  };
}

std::string report_period_text(int first_day, int last_day) {
  return report_day_br(first_day) + " a " + report_day_br(last_day);
}

}  // namespace guiche::web
