#pragma once
// The status page as JSON in the shape of Atlassian Statuspage's public API
// v2 (summary.json, status.json, incidents.json, scheduled-maintenances.json),
// so the tools and widgets that read Statuspage read Guichê: string ids,
// ISO 8601 times with the desk's offset, Statuspage's status words.
#include <nlohmann/json.hpp>
#include <string>

#include "app/incidents/status_page.hpp"

namespace guiche::web {

struct StatusJsonPage {
  std::string name;       // the agency
  std::string url;        // the public address of /status
  std::string time_zone;  // IANA
};

nlohmann::json status_summary_json(const StatusJsonPage& page, const app::StatusSummary& s);
nlohmann::json status_indicator_json(const StatusJsonPage& page, const app::StatusSummary& s);
nlohmann::json status_incidents_json(const StatusJsonPage& page, const app::StatusSummary& s);
nlohmann::json status_maintenances_json(const StatusJsonPage& page, const app::StatusSummary& s);

}  // namespace guiche::web
