#pragma once
// Scheduled reports (issue 15, item 4): a person who may read a report
// subscribes to it, with its filters, weekly or monthly
// (domain/report_schedule.hpp says when each goes and which period it
// covers); once a period has ended the server sends it by e-mail through the
// outbox: a summary in the body, every table of the report as a CSV attached,
// and the link to the page. The report is read as its subscriber, with the
// scope they have then: one who may no longer read reports stops receiving
// them (the subscription is deleted). The pages' layer writes the message
// (web/reports/report_mail.hpp), for it owns the tables and their CSV.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/reports/report_query.hpp"
#include "app/reports/reports.hpp"
#include "mail/mime.hpp"
#include "store/report_subscription_rows.hpp"

namespace guiche::app {

class Accounts;
class IncidentReports;
class ManifestationReports;
class Notices;

// A subscription's filters by the API's names of the reports' query
// parameters (app/reports/report_query.hpp): unit, organization, service,
// severity, channel, category, target, kind. The sending adds its period as
// from and to (YYYY-MM-DD).
using ReportFilters = std::map<std::string, std::string>;
QueryLookup report_filters_lookup(const ReportFilters& filters);

// The reports a person may subscribe to: sla, volume, satisfacao, carta,
// incidentes, manifestacoes (the pages' names under /relatorios).
bool is_subscribable_report(const std::string& report);

struct ReportMail {
  std::string subject;
  std::string text;
  std::string html;
  std::vector<mail::Attachment> files;
};
// Writes the e-mail of `report` for `a` over `query` (the subscription's
// filters and the period's from and to); throws as the report does
// (DomainError forbidden: no longer allowed).
using ReportMailWriter = std::function<ReportMail(const Actor& a, const std::string& report,
                                                  const ReportFilters& query)>;

class ReportSubscriptions {
 public:
  ReportSubscriptions(DeskContext& context, Reports& reports, IncidentReports& incidents,
                      ManifestationReports& manifestations, Accounts& accounts, Notices& notices)
      : ctx_(context),
        reports_(reports),
        incidents_(incidents),
        manifestations_(manifestations),
        accounts_(accounts),
        notices_(notices) {}

  // Set once by the server (web/reports/report_mail.hpp); without it nothing is sent.
  void set_writer(ReportMailWriter writer) { writer_ = std::move(writer); }

  // `filters`: the report's filters (the period is each sending's own);
  // checked now as the report will read them.
  store::ReportSubscription subscribe(const Actor& a, const std::string& report,
                                      const std::string& frequency, const ReportFilters& filters);
  std::vector<store::ReportSubscription> mine(const Actor& a);
  // Only one's own (another's is unknown: 404).
  void cancel(const Actor& a, std::int64_t id);
  // Sends the subscriptions whose period has ended, at most `limit`; returns
  // how many e-mails it enqueued.
  int send_due(int limit = 50);

 private:
  DeskContext& ctx_;
  Reports& reports_;
  IncidentReports& incidents_;
  ManifestationReports& manifestations_;
  Accounts& accounts_;
  Notices& notices_;
  ReportMailWriter writer_;
};

}  // namespace guiche::app
