// StatusNotices::receive_monitoring_alerts (status_notices.hpp): monitoring
// opens incident drafts, never publishes (publishing stays a human act).
#include <algorithm>
#include <cctype>

#include "app/access_policy.hpp"
#include "app/incidents/notice_standing.hpp"
#include "app/incidents/status_notices.hpp"
#include "domain/error.hpp"
#include "store/monitoring_alert_rows.hpp"
#include "store/status_component_rows.hpp"
#include "store/status_notice_rows.hpp"

namespace guiche::app {
namespace {

std::string lowered(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The component the alert's labels name (by name, any case, or by id).
std::optional<StatusComponent> component_of(const MonitoringAlert& alert,
                                            const std::vector<StatusComponent>& components,
                                            const std::vector<std::string>& label_names) {
  for (const auto& label : label_names) {
    auto it = alert.labels.find(label);
    if (it == alert.labels.end()) continue;
    for (const auto& c : components) {
      if (c.active &&
          (lowered(c.name) == lowered(it->second) || std::to_string(c.id) == it->second)) {
        return c;
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

MonitoringReceipt StatusNotices::receive_monitoring_alerts(
    const Actor& a, const std::vector<MonitoringAlert>& alerts) {
  require_active(a);
  // The monitoring systems' accounts are agents' or admins' (the leadership reads, it does not
  // report).
  if (!is_agent(a.person) && !a.person.has_role(Role::admin)) {
    throw forbidden("Somente uma conta da equipe envia alertas de monitoramento.");
  }
  MonitoringReceipt receipt;
  const Instant now = ctx_.now();
  ctx_.db.write([&](store::Connection& c) {
    receipt = MonitoringReceipt{};
    const auto components = store::load_status_components(c);
    for (const auto& alert : alerts) {
      ++receipt.alerts;
      auto known = store::load_monitoring_alert(c, alert.fingerprint, alert.starts_at);
      store::MonitoringAlertRow row;
      row.fingerprint = alert.fingerprint;
      row.starts_at = alert.starts_at;
      row.status = alert.firing ? "firing" : "resolved";
      row.labels = nlohmann::json(alert.labels).dump();
      row.received_at = now;
      if (known) row.notice_id = known->notice_id;
      if (alert.firing && !row.notice_id) {
        if (auto component =
                component_of(alert, components, ctx_.config.monitoring_component_labels)) {
          row.notice_id = store::open_monitoring_notice(c, component->id);
          if (!row.notice_id) {
            StatusNotice n;
            n.kind = NoticeKind::incident;
            n.component_ids = {component->id};
            n.title = alert.summary.empty() ? "" : alert.summary.substr(0, 200);
            n.reporter_kind = ReporterKind::monitoring;
            row.notice_id =
                create_in(c, a, n, NoticeAction::report, alert.description.substr(0, 4000),
                          monitoring_standing(), now);
          }
        } else {
          ++receipt.unmapped;
        }
      }
      store::save_monitoring_alert(c, row, known.has_value());
      if (!row.notice_id) continue;
      if (std::find(receipt.notice_ids.begin(), receipt.notice_ids.end(), *row.notice_id) ==
          receipt.notice_ids.end()) {
        receipt.notice_ids.push_back(*row.notice_id);
      }
      // Resolved by monitoring once nothing behind the notice fires; firing again clears it.
      auto notice = store::load_notice(c, *row.notice_id, true);
      if (!notice) continue;
      const bool quiet = store::firing_alerts_of_notice(c, notice->id) == 0;
      const auto resolved_at =
          quiet ? std::optional<Instant>(notice->monitoring_resolved_at.value_or(now))
                : std::nullopt;
      if (resolved_at != notice->monitoring_resolved_at) {
        notice->monitoring_resolved_at = resolved_at;
        store::update_notice(c, *notice);
      }
    }
  });
  return receipt;
}

}  // namespace guiche::app
