#pragma once
// The form under a report that subscribes to it by e-mail with the filters on
// screen (web/reports/report_subscription_pages.cpp): the view of
// web/templates/relatorio.mustache's "assinar" section.
#include <nlohmann/json.hpp>
#include <string>

#include "app/reports/reports.hpp"

namespace guiche::web {

nlohmann::json report_subscription_form(const std::string& report, const app::ReportQuery& q);

}  // namespace guiche::web
