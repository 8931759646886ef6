#include "app/reports/report_subscriptions.hpp"

#include <nlohmann/json.hpp>

#include "app/accounts/accounts.hpp"
#include "app/notices/notices.hpp"
#include "domain/error.hpp"
#include "domain/report_day.hpp"
#include "domain/report_schedule.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

// At most this many subscriptions per person: each is a mail every period.
constexpr std::size_t kMaxPerPerson = 20;

std::string filters_json(const ReportQuery& q) {
  nlohmann::json j = nlohmann::json::object();
  if (q.unit_id) j["unit"] = *q.unit_id;
  if (q.organization_id) j["organization"] = *q.organization_id;
  if (q.service_id) j["service"] = *q.service_id;
  if (q.severity) j["severity"] = *q.severity;
  if (q.channel) j["channel"] = *q.channel;
  if (q.category) j["category"] = *q.category;
  if (q.target_percent != kDefaultComplianceTargetPercent) j["target"] = q.target_percent;
  return j.dump();
}

ReportQuery filters_from_json(const std::string& text) {
  ReportQuery q;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return q;
  auto id = [&](const char* key) -> std::optional<std::int64_t> {
    if (j.contains(key) && j[key].is_number_integer()) return j[key].get<std::int64_t>();
    return std::nullopt;
  };
  auto text_of = [&](const char* key) -> std::optional<std::string> {
    if (j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
    return std::nullopt;
  };
  q.unit_id = id("unit");
  q.organization_id = id("organization");
  q.service_id = id("service");
  q.severity = text_of("severity");
  q.channel = text_of("channel");
  q.category = text_of("category");
  q.target_percent = static_cast<int>(id("target").value_or(kDefaultComplianceTargetPercent));
  return q;
}

}  // namespace

bool is_subscribable_report(const std::string& report) {
  return report == "sla" || report == "volume" || report == "satisfacao" || report == "carta";
}

store::ReportSubscription ReportSubscriptions::subscribe(const Actor& a, const std::string& report,
                                                         const std::string& frequency,
                                                         const ReportQuery& filters) {
  require_active(a);
  if (!may_see_reports(a.person)) {
    throw forbidden(
        "Os relatórios são da diretoria, dos gestores de unidade e de órgão e da administração.");
  }
  if (!is_subscribable_report(report)) {
    throw invalid_field("relatorio", "Escolha um relatório: sla, volume, satisfacao ou carta.");
  }
  const auto f = parse_report_frequency(frequency);
  if (!f) throw invalid_field("frequencia", "A frequência é semanal (weekly) ou mensal (monthly).");
  if (a.person.emails.empty()) {
    throw invalid_field("frequencia", "Cadastre um e-mail para receber relatórios.");
  }
  // The filters are checked now as the report will read them (a unit or an
  // organization out of reach is refused here, not at the first sending).
  auto check = filters;
  check.last_day = report_day(ctx_.now());
  check.first_day = check.last_day;
  ctx_.db.read([&](store::Connection& c) { reports_.filter_for(a, check, store::load_units(c)); });
  store::ReportSubscription s;
  s.person_id = a.id();
  s.report = report;
  s.query = filters_json(filters);
  s.frequency = report_frequency_code(*f);
  s.created_at = ctx_.now();
  s.next_run_at = next_report_run(*f, s.created_at);
  ctx_.db.write([&](store::Connection& c) {
    if (store::report_subscriptions_of(c, a.id()).size() >= kMaxPerPerson) {
      throw conflict("Cada pessoa assina até 20 relatórios: cancele um antes.");
    }
    s.id = store::insert_report_subscription(c, s);
  });
  return s;
}

std::vector<store::ReportSubscription> ReportSubscriptions::mine(const Actor& a) {
  require_active(a);
  if (!may_see_reports(a.person)) {
    throw forbidden(
        "Os relatórios são da diretoria, dos gestores de unidade e de órgão e da administração.");
  }
  std::vector<store::ReportSubscription> out;
  ctx_.db.read([&](store::Connection& c) { out = store::report_subscriptions_of(c, a.id()); });
  return out;
}

void ReportSubscriptions::cancel(const Actor& a, std::int64_t id) {
  require_active(a);
  ctx_.db.write([&](store::Connection& c) {
    const auto s = store::load_report_subscription(c, id, true);
    if (!s || s->person_id != a.id()) throw not_found("Assinatura não encontrada.");
    store::delete_report_subscription(c, id);
  });
}

int ReportSubscriptions::send_due(int limit) {
  if (!writer_) return 0;
  const Instant now = ctx_.now();
  std::vector<store::ReportSubscription> due;
  ctx_.db.read([&](store::Connection& c) { due = store::due_report_subscriptions(c, now, limit); });
  int sent = 0;
  for (const auto& s : due) {
    const auto f = parse_report_frequency(s.frequency).value_or(ReportFrequency::monthly);
    const auto [first, last] = report_period_before(f, now);
    const std::string period = report_day_iso(first) + "/" + report_day_iso(last);
    auto q = filters_from_json(s.query);
    q.first_day = first;
    q.last_day = last;
    // Written before the transaction (the reports read on their own);
    // enqueued in it only if no other node sent this period meanwhile.
    std::optional<ReportMail> mail;
    Person recipient;
    bool allowed = true;
    try {
      const auto actor = accounts_.actor(s.person_id);
      recipient = actor.person;
      if (!may_see_reports(actor.person)) allowed = false;
      if (allowed && s.last_period != period) mail = writer_(actor, s.report, q);
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::forbidden && e.kind() != DomainError::Kind::not_found) {
        throw;
      }
      allowed = false;  // gone, inactive, or no longer allowed those filters
    }
    ctx_.db.write([&](store::Connection& c) {
      const auto current = store::load_report_subscription(c, s.id, true);
      if (!current || current->next_run_at != s.next_run_at) return;  // another node's
      if (!allowed) {
        store::delete_report_subscription(c, s.id);
        return;
      }
      if (mail) {
        if (notices_.enqueue_email_with_files(c, "report_scheduled", recipient, mail->subject,
                                              mail->text, mail->html, mail->files, now)) {
          ++sent;
        }
      }
      store::advance_report_subscription(c, s.id, next_report_run(f, now), period);
    });
  }
  return sent;
}

}  // namespace guiche::app
