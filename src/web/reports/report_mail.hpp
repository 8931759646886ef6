#pragma once
// The e-mail of a scheduled report (app/reports/report_subscriptions.hpp): the
// report read as its subscriber over the period that ended, a summary of its
// headline figures in the body (text and HTML), every table of the page
// attached as the same CSV the page downloads, and the link to the page with
// the same period and filters.
#include <string>

#include "app/desk.hpp"
#include "app/reports/report_subscriptions.hpp"
#include "web/texts.hpp"

namespace guiche::web {

// `texts`: the definitions of the tables, in pt-BR (web/i18n).
app::ReportMail report_mail(app::Desk& desk, const Texts& texts, const app::Actor& a,
                            const std::string& report, const app::ReportQuery& q);

}  // namespace guiche::web
