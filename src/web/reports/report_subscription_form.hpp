#pragma once
// The form under a report that subscribes to it by e-mail with the filters on
// screen (web/reports/report_subscription_pages.cpp): the view of
// web/templates/relatorio.mustache's "assinar" section.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "app/reports/report_subscriptions.hpp"

namespace guiche::web {

// `filters`: by the API's names (app/reports/report_subscriptions.hpp).
nlohmann::json report_subscription_form(const std::string& report,
                                        const app::ReportFilters& filters);
// The filters of the tickets' reports (sla, volume, satisfacao, carta).
app::ReportFilters report_query_filters(const app::ReportQuery& q);
// The pages' names of the filters by the API's ("unit" -> "unidade").
const std::map<std::string, std::string>& report_filter_page_names();

}  // namespace guiche::web
