#include "app/desk.hpp"

#include "app/accounts/accounts.hpp"
#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "app/attachments/attachments.hpp"
#include "app/calendars/calendars.hpp"
#include "app/charter/charter.hpp"
#include "app/desk_context.hpp"
#include "app/directory/authorizations.hpp"
#include "app/directory/directory.hpp"
#include "app/incidents/notice_reminders.hpp"
#include "app/incidents/notice_tickets.hpp"
#include "app/incidents/status_components.hpp"
#include "app/incidents/status_notices.hpp"
#include "app/incidents/status_page.hpp"
#include "app/incidents/status_subscriptions.hpp"
#include "app/intake/intake.hpp"
#include "app/knowledge/knowledge_base.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "app/live/live_updates.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/notices/notices.hpp"
#include "app/outbox/outbox_admin.hpp"
#include "app/personal_data/personal_data.hpp"
#include "app/privacy/access_log.hpp"
#include "app/privacy/privacy_notices.hpp"
#include "app/reports/charter_panel.hpp"
#include "app/reports/incident_report.hpp"
#include "app/reports/manifestation_report.hpp"
#include "app/reports/report_recount.hpp"
#include "app/reports/report_subscriptions.hpp"
#include "app/reports/reports.hpp"
#include "app/reports/satisfaction_report.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_clocks.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/tickets/bulk_actions.hpp"
#include "app/tickets/equipment_custody.hpp"
#include "app/tickets/ticket_following.hpp"
#include "app/tickets/ticket_merge.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "app/webhooks/webhooks.hpp"
#include "app/whatsapp/whatsapp_conversations.hpp"
#include "app/whatsapp/whatsapp_inbox.hpp"

namespace guiche::app {

Desk::Desk(store::Database& db, const Clock& clock, DeskConfig config)
    : context_(std::make_unique<DeskContext>(db, clock, std::move(config))) {
  auto& ctx = *context_;
  access_log_ = std::make_unique<AccessLog>(ctx.db, ctx.clock, ctx.config.access_log);
  privacy_ = std::make_unique<PrivacyNotices>(ctx);
  clocks_ = std::make_unique<SlaClocks>(ctx);
  notices_ = std::make_unique<Notices>(ctx);
  ledger_ = std::make_unique<TicketLedger>(ctx, *clocks_, *notices_);
  sla_ = std::make_unique<SlaAdmin>(ctx, *ledger_, *clocks_);
  sla_recompute_ = std::make_unique<SlaRecompute>(ctx, *ledger_);
  calendars_ = std::make_unique<Calendars>(ctx);
  directory_ = std::make_unique<Directory>(ctx, *calendars_, *notices_);
  authorizations_ = std::make_unique<Authorizations>(ctx);
  accounts_ = std::make_unique<Accounts>(ctx, *directory_, *notices_);
  intake_ = std::make_unique<Intake>(ctx, *ledger_, *clocks_);
  work_ = std::make_unique<TicketWork>(ctx, *ledger_);
  merges_ = std::make_unique<TicketMerges>(ctx, *ledger_, *intake_);
  following_ = std::make_unique<TicketFollowing>(ctx);
  custody_ = std::make_unique<EquipmentCustody>(ctx, *ledger_);
  manifestations_ = std::make_unique<Manifestations>(ctx, *notices_);
  reads_ = std::make_unique<TicketReads>(ctx, *clocks_);
  attachments_ = std::make_unique<Attachments>(ctx, *ledger_, *reads_);
  mail_ = std::make_unique<MailIntake>(ctx, *ledger_, *intake_);
  live_ = std::make_unique<LiveUpdates>(ctx, *reads_);
  outbox_ = std::make_unique<OutboxAdmin>(ctx);
  webhooks_ = std::make_unique<Webhooks>(ctx.db, ctx.clock);
  status_components_ = std::make_unique<StatusComponents>(ctx);
  status_notices_ = std::make_unique<StatusNotices>(ctx, *notices_);
  status_page_ = std::make_unique<StatusPage>(ctx);
  charter_ = std::make_unique<Charter>(ctx, *clocks_);
  notice_reminders_ = std::make_unique<NoticeReminders>(ctx, *notices_);
  status_subscriptions_ = std::make_unique<StatusSubscriptions>(ctx);
  notice_tickets_ = std::make_unique<NoticeTickets>(ctx, *ledger_, *work_, *status_notices_);
  whatsapp_conversations_ =
      std::make_unique<WhatsAppConversations>(ctx, *ledger_, *intake_, *work_, *notices_);
  whatsapp_inbox_ = std::make_unique<WhatsAppInbox>(ctx, *ledger_);
  whatsapp_inbox_->set_handler(whatsapp_conversations_.get());
  personal_data_ = std::make_unique<PersonalData>(ctx, *ledger_, *directory_);
  reports_ = std::make_unique<Reports>(ctx);
  satisfaction_reports_ = std::make_unique<SatisfactionReports>(ctx, *reports_);
  charter_panels_ = std::make_unique<CharterPanels>(ctx, *reports_, *charter_);
  report_recount_ = std::make_unique<ReportRecount>(ctx, *ledger_);
  incident_reports_ = std::make_unique<IncidentReports>(ctx);
  manifestation_reports_ = std::make_unique<ManifestationReports>(ctx);
  report_subscriptions_ = std::make_unique<ReportSubscriptions>(
      ctx, *reports_, *incident_reports_, *manifestation_reports_, *accounts_, *notices_);
  answer_templates_ = std::make_unique<AnswerTemplates>(ctx);
  macros_ = std::make_unique<Macros>(ctx, *ledger_, *work_);
  bulk_ = std::make_unique<BulkActions>(ctx, *work_, *notice_tickets_, *macros_);
  knowledge_ = std::make_unique<KnowledgeBase>(ctx);
}

Desk::~Desk() = default;

const DeskConfig& Desk::config() const {
  return context_->config;
}

store::Database& Desk::database() {
  return context_->db;
}

Instant Desk::now() const {
  return context_->now();
}

Date Desk::local_date(Instant t) const {
  return context_->local_date(t);
}

}  // namespace guiche::app
