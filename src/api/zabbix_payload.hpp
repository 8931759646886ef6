#pragma once
// Monitoring in from Zabbix: the JSON our webhook media type sends
// (contrib/zabbix/guiche_media_type.yaml; docs/monitoring.md), read into the
// same alerts as Alertmanager's (app/incidents/status_notices.hpp).
#include <nlohmann/json.hpp>
#include <vector>

#include "app/incidents/status_notices.hpp"

namespace guiche::api {

// One Zabbix event: event_id (the problem's: a recovery names the problem it
// ends), event_value ("1" problem, "0" recovery), event_time (RFC 3339, when
// the problem began), trigger_name, and optionally host, severity, trigger_id
// and tags ([{"tag", "value"}], as {EVENT.TAGSJSON} writes them). The alert's
// identity is ("zabbix:" + event_id, event_time); its labels are the tags,
// with host, severity and alertname (the trigger's name). Throws a malformed
// DomainError (400) naming the first thing wrong.
app::MonitoringAlert zabbix_alert_of(const nlohmann::json& body);

}  // namespace guiche::api
