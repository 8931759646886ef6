#pragma once
// The use cases of incident communication (norm NPI-007; docs/domain.md,
// "Incident communication"): reporting a possible incident, scheduling a
// maintenance, each step of either as the norm orders it, publishing, and
// the staff's board. Who may take each step is decided by
// domain/incidents/notice_transitions.hpp; every step is an event of the
// notice's timeline with its actor, instant and channel, and the message it
// writes (rendered and checked by app/incidents/notice_messages.hpp) is a
// draft until ASCOM publishes it, unless ASCOM or leadership wrote it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/incidents/linked_tickets.hpp"
#include "app/notices/notices.hpp"
#include "domain/incidents/notice_event.hpp"
#include "domain/incidents/notice_transitions.hpp"
#include "domain/incidents/status_component.hpp"
#include "domain/incidents/status_notice.hpp"
#include "domain/organization.hpp"

namespace guiche::app {

struct ReportIncident {
  std::vector<std::int64_t> component_ids;
  std::string title;        // empty: "Possível incidente: <componentes>" (no article to guess)
  std::string impact;       // may be told later, when the team confirms
  std::string description;  // what the reporter saw
  // The organization it concerns; a client manager's own when left out.
  std::optional<std::int64_t> organization_id;
};

struct ScheduleMaintenance {
  std::vector<std::int64_t> component_ids;
  std::string title;  // empty: "Manutenção programada: <componentes>"
  std::string impact;
  std::optional<Instant> starts_at;
  std::optional<Instant> ends_at;
};

// One step on an existing notice.
struct NoticeStep {
  NoticeAction action = NoticeAction::update;
  std::string text;                             // an update's text
  std::string position;                         // leadership's position, signed under its name
  std::string impact;                           // replaces the notice's impact when given
  std::optional<std::int64_t> organization_id;  // confirm_organization
  std::optional<Instant> starts_at;             // reschedule
  std::optional<Instant> ends_at;
};

struct NoticeView {
  StatusNotice notice;
  std::vector<StatusComponent> components;
  std::vector<NoticeEvent> events;  // oldest first
  std::vector<std::int64_t> ticket_ids;
  std::vector<LinkedTicket> tickets;  // the same, with what the reader may see of each
  bool has_drafts = false;            // messages waiting for ASCOM
  // What the viewer may do to it now (publish only while there are drafts).
  std::vector<NoticeAction> actions;
  // The names of the reporter and of each event's actor, by person id.
  std::map<std::int64_t, std::string> people;
  std::string organization_name;  // the scope's, when it concerns one organization
};

// One alert as monitoring tells it (Prometheus Alertmanager's webhook, Zabbix).
struct MonitoringAlert {
  std::string fingerprint;
  Instant starts_at{};
  bool firing = true;
  std::map<std::string, std::string> labels;
  std::string summary;      // what it is, in a line
  std::string description;  // more
};

struct MonitoringReceipt {
  int alerts = 0;
  std::vector<std::int64_t> notice_ids;  // opened or joined
  int unmapped = 0;  // firing alerts whose labels name no component: kept, shown to nobody yet
};

class StatusNotices {
 public:
  StatusNotices(DeskContext& context, Notices& notices) : ctx_(context), notices_(notices) {}

  NoticeView report_incident(const Actor& a, const ReportIncident& r);
  NoticeView schedule_maintenance(const Actor& a, const ScheduleMaintenance& s);
  NoticeView act(const Actor& a, std::int64_t notice_id, const NoticeStep& step);
  // The message `step` would write, exactly as it would be sent, without
  // taking it (the step is taken and rolled back: the same checks apply).
  std::optional<NoticeMessage> preview(const Actor& a, std::int64_t notice_id,
                                       const NoticeStep& step);
  // The client organizations an incident may be scoped to (staff only).
  std::vector<Organization> scope_organizations(const Actor& a);
  // The staff and the reporter see a notice whole, drafts included.
  NoticeView notice(const Actor& a, std::int64_t notice_id);
  // Open notices, newest first (staff only).
  std::vector<NoticeView> board(const Actor& a);
  // Alerts from monitoring (app/incidents/monitoring_intake.cpp), sent by a
  // staff account's token: each firing alert opens or joins an unpublished
  // incident of its component, once per (fingerprint, start) however often
  // it is re-sent; resolved alerts mark it "monitoring says resolved".
  MonitoringReceipt receive_monitoring_alerts(const Actor& a,
                                              const std::vector<MonitoringAlert>& alerts);

 private:
  NoticeView create(const Actor& a, StatusNotice n, NoticeAction action, const std::string& text);
  // The new notice's row and first event, in the caller's transaction.
  std::int64_t create_in(store::Connection& c, const Actor& a, StatusNotice n, NoticeAction action,
                         const std::string& text, const NoticeStanding& standing, Instant now);
  // The notice as `a` sees it (no access check), in the caller's read.
  NoticeView view_in(store::Connection& c, const Actor& a, const StatusNotice& n);
  // One step, in the caller's transaction: the event it recorded.
  NoticeEvent act_in(store::Connection& c, const Actor& a, std::int64_t notice_id,
                     const NoticeStep& step, Instant now);

  DeskContext& ctx_;
  Notices& notices_;
};

}  // namespace guiche::app
