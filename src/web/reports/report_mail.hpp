#pragma once
// The e-mail of a scheduled report (app/reports/report_subscriptions.hpp): the
// report read as its subscriber over the period that ended, a summary of its
// headline figures in the body (text and HTML), every table of the page
// attached as the same CSV the page downloads, and the link to the page with
// the same period and filters.
#include <string>

#include "app/reports/report_subscriptions.hpp"
#include "web/web_context.hpp"

namespace guiche::web {

// `query`: the subscription's filters and the period (from, to), by the API's
// names. The definitions are in pt-BR, the language of a thread outside a
// request (web/page.hpp).
app::ReportMail report_mail(WebContext& ctx, const app::Actor& a, const std::string& report,
                            const app::ReportFilters& query);

}  // namespace guiche::web
