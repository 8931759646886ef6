// The map of personal data (store/personal_data_map.hpp). Order matters: the
// treatments run top to bottom, the person's own row last; a treatment that
// covers two tables (read together) sits on the first, the second says so.
#include "store/personal_data_map.hpp"

#include "store/external_identity_rows.hpp"
#include "store/oidc_sign_in_rows.hpp"
#include "store/personal_data_erasure.hpp"

namespace guiche::store {

using T = PersonalDataTreatment;

const std::vector<PersonalDataLocation>& personal_data_map() {
  static const std::vector<PersonalDataLocation> map = {
      // Tickets: the events are the truth; the rest is rebuilt from them
      // (TicketLedger::rebuild_in) in the same transaction.
      {"ticket_events", T::scrub,
       "what the person wrote (subject, description, form answers, replies, evaluation), their "
       "data typed by agents, their files' names",
       erase_ticket_events},
      {"tickets", T::rebuild, "subject, description, form answers, resolution, rating comment",
       nullptr},
      {"ticket_search", T::rebuild,
       "the search text (SQLite FTS5 with its shadow tables, PostgreSQL tsvector)", nullptr},
      {"equipment_custody", T::rebuild, "who delivered or took back equipment (names)", nullptr},
      {"ticket_sla", T::none, "clock figures of a ticket", nullptr},
      // LGPD art. 37's own record: who read whose data, by ids and the reader's
      // address; kept whole, for it must show the processing that happened.
      {"access_log", T::none,
       "ids of the reader and of the person read, the reader's address (kept: the art. 37 record)",
       nullptr},
      {"ticket_last_seen", T::none, "when an agent last opened a ticket (ids and an instant)",
       nullptr},
      {"privacy_notice", T::none, "the desk's privacy notice and who last edited it (an id)",
       nullptr},
      {"attachments", T::erase,
       "the person's files (content in the attachment store) and names; others' file names",
       erase_attachments},
      {"outbox", T::erase,
       "messages to the person (address, name, text); messages about their tickets to others",
       erase_outbox},
      {"inbound_messages", T::erase,
       "e-mail the person sent or that joined their tickets: sender, subject, the raw message",
       erase_inbound_mail},
      {"mail_quarantine", T::scrub, "the reason a message waits (with inbound_messages)", nullptr},
      {"sessions", T::erase, "sign-in sessions (deleted)", erase_sessions},
      {"api_tokens", T::erase, "token names (blanked), tokens revoked", erase_api_tokens},
      // v038: the links to directory accounts go; the groups' mappings name no one but the admin.
      {"external_identities", T::erase, "links to directory accounts (deleted)",
       erase_external_identities},
      // v044: OpenID Connect sign-ins started, provider sessions and link codes go.
      {"oidc_sign_ins", T::erase, "sign-ins started at a provider by the person linking (deleted)",
       erase_oidc_sign_in_rows},
      {"external_sessions", T::erase,
       "tokens of the person's provider sessions (with oidc_sign_ins)", nullptr},
      {"external_link_codes", T::erase, "codes confirming a link (with oidc_sign_ins)", nullptr},
      {"directory_group_mappings", T::none, "group DNs mapped to ids, the admin's id", nullptr},
      {"directory_authorizations", T::none, "which rule made which authorization: ids", nullptr},
      {"idempotency_keys", T::erase, "keys the person's clients sent (deleted)",
       erase_idempotency_keys},
      {"status_subscribers", T::erase,
       "the status page subscription of an address of the person (address replaced, unsubscribed)",
       erase_status_subscriptions},
      {"status_subscriber_components", T::erase,
       "that subscription's choices (with "
       "status_subscribers)",
       nullptr},
      {"status_subscription_requests", T::erase,
       "the rate limit's rows keyed by the address's SHA-256 (deleted)",
       erase_subscription_requests},
      {"whatsapp_conversations", T::erase, "the chatbot's state of the person's number (deleted)",
       erase_whatsapp_state},
      {"whatsapp_windows", T::erase,
       "the number's last message time (with "
       "whatsapp_conversations)",
       nullptr},
      {"whatsapp_identity_codes", T::erase,
       "identity codes sent for the number (with "
       "whatsapp_conversations)",
       nullptr},
      {"whatsapp_webhook_batches", T::scrub,
       "webhooks as received: number, profile name, texts of the person's messages",
       erase_whatsapp_webhooks},
      {"whatsapp_inbound", T::scrub,
       "each message received: number, profile name, text (with "
       "whatsapp_webhook_batches)",
       nullptr},
      {"whatsapp_messages", T::erase, "the number each notice went to", erase_whatsapp_messages},
      {"whatsapp_media", T::erase, "images and documents the person sent: content, names, number",
       erase_whatsapp_media},
      {"manifestations", T::erase,
       "the manifestante's name, e-mail, phone, CPF; their subject and description",
       erase_manifestations},
      {"manifestation_events", T::scrub,
       "complements, answers, the actor's name (with "
       "manifestations)",
       nullptr},
      {"status_notices", T::scrub, "incidents the person reported (title, impact)",
       erase_status_notices},
      {"status_notice_events", T::scrub,
       "messages of those notices and of the person's actions "
       "(with status_notices)",
       nullptr},
      {"person_emails", T::erase, "the person's e-mail addresses (deleted)", erase_person_emails},
      {"people", T::erase,
       "name, login, password, phone, CPF: replaced by \"Titular anonimizado #ID\"; the row "
       "stays for the foreign keys",
       erase_person},
      // Nothing of a person below: ids, configuration, figures.
      {"role_grants", T::none, "roles and units (kept: who could do what, by id)", nullptr},
      {"authorizations", T::none, "contract or ofício numbers, by person id", nullptr},
      {"organizations", T::none, "organizations (legal persons)", nullptr},
      {"units", T::none, "the agency's units", nullptr},
      {"services", T::none, "the catalog", nullptr},
      {"protocol_counters", T::none, "sequences", nullptr},
      {"sla_configuration", T::none, "configuration", nullptr},
      {"calendars", T::none, "configuration", nullptr},
      {"calendar_working_hours", T::none, "configuration", nullptr},
      {"calendar_holidays", T::none, "configuration", nullptr},
      {"calendar_optional_days", T::none, "configuration", nullptr},
      {"message_templates", T::none, "texts with placeholders", nullptr},
      {"live_changes", T::none, "ids of changed tickets, pruned within minutes", nullptr},
      {"webhook_subscriptions", T::none, "integrations' URLs", nullptr},
      {"status_components", T::none, "configuration", nullptr},
      {"status_component_organizations", T::none, "ids", nullptr},
      {"status_notice_components", T::none, "ids", nullptr},
      {"status_notice_tickets", T::none, "ids", nullptr},
      {"status_notice_reminders", T::none, "times", nullptr},
      {"monitoring_alerts", T::none, "labels from monitoring systems", nullptr},
      {"channel_health", T::none, "transport states", nullptr},
      {"charter_header", T::none, "the charter's header", nullptr},
      {"manifestation_counters", T::none, "sequences", nullptr},
      {"manifestation_settings", T::none, "configuration", nullptr},
      {"manifestation_tickets", T::none, "ids", nullptr},
      {"sla_recompute", T::none, "a job's progress", nullptr},
      {"service_month_figures", T::none, "counts", nullptr},
      {"service_month_durations", T::none, "counts", nullptr},
      {"duration_buckets", T::none, "bounds", nullptr},
      // The reports' roll-ups (v031): ids, days and counts; anonymizing a
      // ticket rebuilds it, which moves its share to the same figures.
      {"report_ticket_shares", T::none, "ids, days, verdicts", nullptr},
      {"report_day_figures", T::none, "counts", nullptr},
      {"report_month_figures", T::none, "counts", nullptr},
      {"report_month_durations", T::none, "counts", nullptr},
      {"report_org_day_figures", T::none, "counts", nullptr},
      {"report_org_month_figures", T::none, "counts", nullptr},
      {"report_org_month_durations", T::none, "counts", nullptr},
      {"report_recount", T::none, "a job's progress", nullptr},
      // The satisfaction report's (v033): ids, days and stars; the comment
      // stays on the ticket's row, which anonymization erases.
      {"report_rating_shares", T::none, "ids, days, stars", nullptr},
      {"report_day_ratings", T::none, "counts", nullptr},
      {"report_month_ratings", T::none, "counts", nullptr},
      // The time logged (v037): ids, days and minutes.
      {"report_time_shares", T::none, "ids, days, minutes", nullptr},
      {"report_day_time", T::none, "counts", nullptr},
      {"report_month_time", T::none, "counts", nullptr},
      {"report_subscriptions", T::erase, "the reports the person receives by e-mail (deleted)",
       erase_report_subscriptions},
      {"password_links", T::erase, "links to choose a new password (deleted)",
       erase_password_links},
      {"ticket_followers", T::erase,
       "tickets the person follows, as an agent or as a merged duplicate's requester (deleted)",
       erase_ticket_followers},
      {"agent_notifications", T::erase, "the person's workspace notifications, ids only (deleted)",
       erase_agent_notifications},
      {"answer_templates", T::none, "answer and solution templates, who last edited them (an id)",
       nullptr},
      {"ticket_macros", T::none, "macros, who last edited them (an id)", nullptr},
      // The knowledge base (v042): articles the staff write, by id; who
      // linked which article to which ticket, and which requester said an
      // article solved their problem, by ids.
      {"knowledge_articles", T::none, "articles (staff's text) and their author's id", nullptr},
      {"knowledge_search", T::none, "the articles' search text (SQLite FTS5, PostgreSQL tsvector)",
       nullptr},
      {"knowledge_article_tickets", T::none, "ids of article, ticket and who linked them", nullptr},
      {"knowledge_attachments", T::none, "the articles' files, by the staff; the uploader's id",
       nullptr},
      {"knowledge_avoided", T::none, "ids of an article and of a person it helped", nullptr},
      {"personal_data_requests", T::none, "who exported or erased whose data, by id", nullptr},
      {"personal_data_blob_erasures", T::none, "SHA-256 names of files to erase", nullptr},
      {"schema_migrations", T::none, "versions", nullptr},
  };
  return map;
}

std::vector<std::string> tables_touched_by_anonymization() {
  std::vector<std::string> tables;
  for (const auto& location : personal_data_map()) {
    if (location.treatment != T::none) tables.emplace_back(location.table);
  }
  tables.emplace_back("personal_data_blob_erasures");
  return tables;
}

}  // namespace guiche::store
