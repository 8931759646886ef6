#pragma once
// What the SLA and volume reports' page (web/reports/report_pages.cpp) shares
// with the reports that take the same filters (web/reports/satisfaction_pages.cpp,
// charter_panel_pages.cpp): the period and filters read from the page's query
// string (dd/mm/aaaa dates, pt-BR names), the filter form, the page itself
// with the reports' nav, and the route that guards a page. A section's view
// and a table's CSV are every report's (web/reports/report_sections.hpp).
#include <functional>
#include <string>
#include <vector>

#include "app/reports/report_query.hpp"
#include "http/message.hpp"
#include "web/page.hpp"
#include "web/reports/report_sections.hpp"
#include "web/reports/report_tables.hpp"
#include "web/web_context.hpp"

namespace guiche::web {

app::QueryLookup report_filters_lookup(const http::Request& r);
std::string report_page_query_string(const app::ReportQuery& q);
nlohmann::json report_filter_fields(WebContext& ctx, const app::Actor& actor,
                                    const app::ReportQuery& q, bool with_target);
// `extra`'s keys are added to the view (and replace its own: "filtros").
http::Response report_page_of(WebContext& ctx, const Visitor& v, const std::string& report,
                              const std::string& title, const app::ReportQuery& q,
                              nlohmann::json sections, nlohmann::json extra);
void add_guarded_report_page(WebContext& ctx, std::vector<http::Route>& routes, const char* path,
                             std::function<http::Response(const http::Request&)> fn);

}  // namespace guiche::web
