#pragma once
// The composition root of the application layer: it builds the services and
// hands them to the faces (CLI, HTTP API, web pages, mail gateway). Every
// business rule and authorization decision lives in a service; every ticket
// change goes through the ticket ledger (ledger/ticket_ledger.hpp).
#include <memory>

#include "app/actor.hpp"
#include "app/desk_config.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::app {

struct DeskContext;
class SlaClocks;
class Notices;
class TicketLedger;
class Accounts;
class AccessLog;
class PrivacyNotices;
class Attachments;
class Authorizations;
class Calendars;
class Charter;
class CharterPanels;
class Directory;
class EquipmentCustody;
class Intake;
class KnowledgeBase;
class LiveUpdates;
class Manifestations;
class MailIntake;
class NoticeReminders;
class NoticeTickets;
class OutboxAdmin;
class PersonalData;
class Reports;
class SatisfactionReports;
class IncidentReports;
class ManifestationReports;
class SlaAdmin;
class SlaRecompute;
class ReportRecount;
class ReportSubscriptions;
class StatusComponents;
class StatusNotices;
class StatusPage;
class StatusSubscriptions;
class TicketReads;
class TicketWork;
class TicketMerges;
class TicketFollowing;
class Webhooks;
class WhatsAppConversations;
class WhatsAppInbox;
class AnswerTemplates;
class Macros;
class BulkActions;

class Desk {
 public:
  Desk(store::Database& db, const Clock& clock, DeskConfig config);
  ~Desk();
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  const DeskConfig& config() const;
  store::Database& database();
  // The desk's clock: pages measure remaining times against it.
  Instant now() const;
  // The civil date at the desk for an instant (registration date, protocol year).
  Date local_date(Instant t) const;

  Accounts& accounts() { return *accounts_; }
  // LGPD: who read whose personal data (app/privacy/access_log.hpp), and the privacy notice.
  AccessLog& access_log() { return *access_log_; }
  PrivacyNotices& privacy() { return *privacy_; }
  Directory& directory() { return *directory_; }
  Authorizations& authorizations() { return *authorizations_; }
  Calendars& calendars() { return *calendars_; }
  SlaAdmin& sla() { return *sla_; }
  // The background recompute of the cached clocks after an SLA or calendar change.
  SlaRecompute& sla_recompute() { return *sla_recompute_; }
  Intake& intake() { return *intake_; }
  TicketWork& work() { return *work_; }
  // Merging duplicates, undoing a merge, splitting a message off (app/tickets/ticket_merge.hpp).
  TicketMerges& merges() { return *merges_; }
  // Agents following tickets, and their notifications (app/tickets/ticket_following.hpp).
  TicketFollowing& following() { return *following_; }
  EquipmentCustody& custody() { return *custody_; }
  Manifestations& manifestations() { return *manifestations_; }
  TicketReads& tickets() { return *reads_; }
  Attachments& attachments() { return *attachments_; }
  MailIntake& mail() { return *mail_; }
  LiveUpdates& live() { return *live_; }
  OutboxAdmin& outbox() { return *outbox_; }
  Webhooks& webhooks() { return *webhooks_; }
  StatusComponents& status_components() { return *status_components_; }
  StatusNotices& status_notices() { return *status_notices_; }
  StatusPage& status_page() { return *status_page_; }
  Charter& charter() { return *charter_; }
  NoticeReminders& notice_reminders() { return *notice_reminders_; }
  StatusSubscriptions& status_subscriptions() { return *status_subscriptions_; }
  NoticeTickets& notice_tickets() { return *notice_tickets_; }
  WhatsAppInbox& whatsapp_inbox() { return *whatsapp_inbox_; }
  // The chatbot the inbox hands messages to.
  WhatsAppConversations& whatsapp_conversations() { return *whatsapp_conversations_; }
  // LGPD: a person's export, anonymization and the retention rule.
  PersonalData& personal_data() { return *personal_data_; }
  // Reports and indicators (app/reports/reports.hpp).
  Reports& reports() { return *reports_; }
  // The satisfaction report and the charter panel (app/reports/satisfaction_report.hpp,
  // app/reports/charter_panel.hpp).
  SatisfactionReports& satisfaction_reports() { return *satisfaction_reports_; }
  CharterPanels& charter_panels() { return *charter_panels_; }
  // The background recount of the reports' roll-ups (app/reports/report_recount.hpp).
  ReportRecount& report_recount() { return *report_recount_; }
  // Scheduled reports by e-mail (app/reports/report_subscriptions.hpp).
  ReportSubscriptions& report_subscriptions() { return *report_subscriptions_; }
  // The incidents and manifestações reports (app/reports/incident_report.hpp,
  // app/reports/manifestation_report.hpp).
  IncidentReports& incident_reports() { return *incident_reports_; }
  ManifestationReports& manifestation_reports() { return *manifestation_reports_; }
  // Answer and solution templates, macros (app/answers/) and bulk actions on
  // queues (app/tickets/bulk_actions.hpp).
  AnswerTemplates& answer_templates() { return *answer_templates_; }
  Macros& macros() { return *macros_; }
  BulkActions& bulk() { return *bulk_; }
  // The knowledge base (app/knowledge/knowledge_base.hpp).
  KnowledgeBase& knowledge() { return *knowledge_; }

 private:
  // Declared in construction order: each service may use those above it.
  std::unique_ptr<DeskContext> context_;
  // Destroyed after every service that may record a read: its last flush runs then.
  std::unique_ptr<AccessLog> access_log_;
  std::unique_ptr<PrivacyNotices> privacy_;
  std::unique_ptr<SlaClocks> clocks_;
  std::unique_ptr<Notices> notices_;
  std::unique_ptr<TicketLedger> ledger_;
  std::unique_ptr<SlaAdmin> sla_;
  std::unique_ptr<SlaRecompute> sla_recompute_;
  std::unique_ptr<Calendars> calendars_;
  std::unique_ptr<Directory> directory_;
  std::unique_ptr<Authorizations> authorizations_;
  std::unique_ptr<Accounts> accounts_;
  std::unique_ptr<Intake> intake_;
  std::unique_ptr<TicketWork> work_;
  std::unique_ptr<TicketMerges> merges_;
  std::unique_ptr<TicketFollowing> following_;
  std::unique_ptr<EquipmentCustody> custody_;
  std::unique_ptr<Manifestations> manifestations_;
  std::unique_ptr<TicketReads> reads_;
  std::unique_ptr<Attachments> attachments_;
  std::unique_ptr<MailIntake> mail_;
  std::unique_ptr<LiveUpdates> live_;
  std::unique_ptr<OutboxAdmin> outbox_;
  std::unique_ptr<Webhooks> webhooks_;
  std::unique_ptr<StatusComponents> status_components_;
  std::unique_ptr<StatusNotices> status_notices_;
  std::unique_ptr<StatusPage> status_page_;
  std::unique_ptr<Charter> charter_;
  std::unique_ptr<NoticeReminders> notice_reminders_;
  std::unique_ptr<StatusSubscriptions> status_subscriptions_;
  std::unique_ptr<NoticeTickets> notice_tickets_;
  std::unique_ptr<WhatsAppConversations> whatsapp_conversations_;
  std::unique_ptr<WhatsAppInbox> whatsapp_inbox_;
  std::unique_ptr<PersonalData> personal_data_;
  std::unique_ptr<Reports> reports_;
  std::unique_ptr<SatisfactionReports> satisfaction_reports_;
  std::unique_ptr<CharterPanels> charter_panels_;
  std::unique_ptr<ReportRecount> report_recount_;
  std::unique_ptr<IncidentReports> incident_reports_;
  std::unique_ptr<ManifestationReports> manifestation_reports_;
  std::unique_ptr<ReportSubscriptions> report_subscriptions_;
  std::unique_ptr<AnswerTemplates> answer_templates_;
  std::unique_ptr<Macros> macros_;
  std::unique_ptr<BulkActions> bulk_;
  std::unique_ptr<KnowledgeBase> knowledge_;
};

}  // namespace guiche::app
