#pragma once
// What the roll-ups keyed by an organization first share (the satisfaction
// report's, store/rating_rollup_rows.hpp, and the time logged's,
// store/time_rollup_rows.hpp): each change counts a share in the desk's rows
// (organization 0) and again in its organization's, and a report reads one
// organization's rows over a period as its whole months and its other days.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/report_rollup_rows.hpp"

namespace guiche::store {

// The rows a share of `organization_id` (0: none) counts in: the desk's, and
// its organization's.
std::vector<std::int64_t> rollup_organizations(std::int64_t organization_id);
// The filter's conditions but the period and the organization (which key the
// rows instead), on columns without a prefix.
std::string organization_rollup_conditions(const ReportRowFilter& f);
// Calls `read` with `month_table` over the filter's whole months and with
// `day_table` over each range of its other days; its parameters: the
// organization (0: the desk), the first and last day or month, then the
// conditions'.
void read_organization_rollup(
    const ReportRowFilter& f, const std::string& day_table, const std::string& month_table,
    const std::function<void(const std::string& table, const std::vector<Value>& params)>& read);

}  // namespace guiche::store
