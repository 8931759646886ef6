#include "store/organization_rollups.hpp"

namespace guiche::store {
namespace {

ReportRowFilter without_organization(const ReportRowFilter& f) {
  auto rest = f;
  rest.organization_id.reset();
  return rest;
}

}  // namespace

std::vector<std::int64_t> rollup_organizations(std::int64_t organization_id) {
  if (organization_id == 0) return {0};
  return {0, organization_id};
}

std::string organization_rollup_conditions(const ReportRowFilter& f) {
  return report_filter_conditions(without_organization(f), "");
}

void read_organization_rollup(
    const ReportRowFilter& f, const std::string& day_table, const std::string& month_table,
    const std::function<void(const std::string& table, const std::vector<Value>& params)>& read) {
  auto params_for = [&](int from, int to) {
    std::vector<Value> params{f.organization_id.value_or(0), std::int64_t{from}, std::int64_t{to}};
    add_report_filter_params(without_organization(f), params);
    return params;
  };
  const auto span = report_period_span(f.first_day, f.last_day);
  if (span.first_month <= span.last_month) {
    read(month_table, params_for(span.first_month, span.last_month));
  }
  for (const auto& [from, to] : span.days) read(day_table, params_for(from, to));
}

}  // namespace guiche::store
