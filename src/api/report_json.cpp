#include "api/report_json.hpp"

#include "app/reports/report_query.hpp"
#include "domain/report_day.hpp"

namespace guiche::api {
namespace {

template <typename T>
nlohmann::json report_optional(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json query_json(const app::ReportQuery& q) {
  return {{"from", report_day_iso(q.first_day)},
          {"to", report_day_iso(q.last_day)},
          {"unit", report_optional(q.unit_id)},
          {"organization", report_optional(q.organization_id)},
          {"service", report_optional(q.service_id)},
          {"severity", report_optional(q.severity)},
          {"channel", report_optional(q.channel)},
          {"category", report_optional(q.category)},
          {"target_percent", q.target_percent}};
}

nlohmann::json compliance_line_json(const app::ComplianceLine& l) {
  return {{"key", l.key},
          {"label", l.label},
          {"due", l.counts.due},
          {"met", l.counts.met},
          {"breached", l.counts.breached},
          {"pending", l.counts.due - l.counts.met - l.counts.breached},
          {"met_percent", report_optional(l.met_percent)},
          {"resolved", l.counts.resolved},
          {"reopened", l.counts.reopened},
          {"reopen_percent", report_optional(l.reopen_percent)},
          {"first_responses", l.counts.first_responses},
          {"first_response_p50_ms", report_optional(l.first_response_p50_ms)},
          {"first_response_p90_ms", report_optional(l.first_response_p90_ms)},
          {"resolution_p50_ms", report_optional(l.resolution_p50_ms)},
          {"resolution_p90_ms", report_optional(l.resolution_p90_ms)}};
}

nlohmann::json count_lines_json(const std::vector<app::CountLine>& lines) {
  auto out = nlohmann::json::array();
  for (const auto& l : lines)
    out.push_back({{"key", l.key}, {"label", l.label}, {"count", l.count}});
  return out;
}

}  // namespace

nlohmann::json sla_compliance_json(const app::SlaComplianceReport& r) {
  auto severities = nlohmann::json::array();
  for (const auto& l : r.by_severity) severities.push_back(compliance_line_json(l));
  auto services = nlohmann::json::array();
  for (const auto& l : r.by_service) services.push_back(compliance_line_json(l));
  auto breached = nlohmann::json::array();
  for (const auto& b : r.breached) {
    breached.push_back({{"ticket_id", b.row.ticket_id},
                        {"protocol", b.row.protocol},
                        {"subject", b.row.subject},
                        {"service", b.service},
                        {"unit", b.unit},
                        {"severity", b.row.severity},
                        {"status", b.row.status},
                        {"deadline", format_utc(b.row.deadline)},
                        {"resolution_ms", report_optional(b.row.resolution_ms)}});
  }
  return {{"query", query_json(r.query)},
          {"counting_percent", report_optional(r.counting_percent)},
          {"total", compliance_line_json(r.total)},
          {"by_severity", severities},
          {"by_service", services},
          {"breached_tickets", breached},
          {"next_after",
           r.next ? nlohmann::json(app::report_cursor_text(*r.next)) : nlohmann::json(nullptr)}};
}

nlohmann::json volume_json(const app::VolumeReport& r) {
  auto days = nlohmann::json::array();
  for (const auto& d : r.days) {
    days.push_back({{"day", report_day_iso(d.day)},
                    {"registered", d.registered},
                    {"registered_by_channel", d.registered_by_channel},
                    {"ended", d.ended},
                    {"backlog", report_optional(d.backlog)}});
  }
  auto weeks = nlohmann::json::array();
  for (const auto& w : r.weeks) {
    weeks.push_back({{"first_day", report_day_iso(w.first_day)},
                     {"registered", w.registered},
                     {"registered_by_channel", w.registered_by_channel}});
  }
  auto time_lines = nlohmann::json::array();
  for (const auto& l : r.time_logged) {
    time_lines.push_back(
        {{"unit_id", l.unit_id == 0 ? nlohmann::json() : nlohmann::json(l.unit_id)},
         {"unit", l.unit},
         {"service_id", l.service_id},
         {"service", l.service},
         {"minutes", l.logged.minutes},
         {"entries", l.logged.entries}});
  }
  return {{"query", query_json(r.query)},
          {"counting_percent", report_optional(r.counting_percent)},
          {"registered", r.registered},
          {"ended", r.ended},
          {"open_now", r.open_now},
          {"days", days},
          {"weeks", weeks},
          {"by_channel", count_lines_json(r.by_channel)},
          {"by_service", count_lines_json(r.by_service)},
          {"by_category", count_lines_json(r.by_category)},
          {"by_unit", count_lines_json(r.by_unit)},
          {"aging", count_lines_json(r.aging)},
          {"time_logged", time_lines},
          {"time_total", {{"minutes", r.time_total.minutes}, {"entries", r.time_total.entries}}}};
}

}  // namespace guiche::api
