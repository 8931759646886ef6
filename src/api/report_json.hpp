#pragma once
// The reports as JSON (api/report_routes.cpp): the same figures the pages
// show (/relatorios), durations in milliseconds of business time.
#include <nlohmann/json.hpp>

#include "app/reports/reports.hpp"

namespace guiche::api {

nlohmann::json sla_compliance_json(const app::SlaComplianceReport& r);
nlohmann::json volume_json(const app::VolumeReport& r);

}  // namespace guiche::api
