#pragma once
// A report's period and filters read from a query string, the same for the
// pages (/relatorios/...) and the API (/api/v1/reports/...): from, to
// (YYYY-MM-DD; by default the current month, hora de Brasília), unit,
// organization, service, severity, channel, category and target (the compliance target,
// 1..100 %). Each is an optional text; an empty one is absent.
#include <functional>
#include <optional>
#include <string>

#include "app/reports/reports.hpp"

namespace guiche::app {

using QueryLookup = std::function<std::optional<std::string>(const char* name)>;

// Throws DomainError (invalid, naming the field) on a malformed value.
ReportQuery parse_report_query(const QueryLookup& value, int today);
// The query string that gives `q` back ("from=2026-12-01&to=2026-12-31&...").
std::string report_query_string(const ReportQuery& q);
// The breached tickets' page cursor as text and back ("<deadline ms>.<id>").
std::string report_cursor_text(const store::BreachCursor& c);
std::optional<store::BreachCursor> parse_report_cursor(const std::string& text);

}  // namespace guiche::app
