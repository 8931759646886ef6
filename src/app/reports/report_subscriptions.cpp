#include "app/reports/report_subscriptions.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/accounts/accounts.hpp"
#include "app/notices/notices.hpp"
#include "app/reports/incident_report.hpp"
#include "app/reports/manifestation_report.hpp"
#include "app/reports/report_access.hpp"
#include "domain/error.hpp"
#include "domain/report_day.hpp"
#include "domain/report_schedule.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

// At most this many subscriptions per person: each is a mail every period.
constexpr std::size_t kMaxPerPerson = 20;

// A report one subscribes to: who reads it, and the filters it reads.
struct Subscribable {
  const char* name;
  bool (*may_see)(const Person&);
  std::vector<std::string> filters;
};

const Subscribable* subscribable(const std::string& report) {
  static const std::vector<std::string> kTicketFilters = {
      "unit", "organization", "service", "severity", "channel", "category", "target"};
  static const Subscribable kReports[] = {
      {"sla", may_see_reports, kTicketFilters},
      {"volume", may_see_reports, kTicketFilters},
      {"satisfacao", may_see_reports, kTicketFilters},
      // The Carta's roll-ups hold the service and its owning unit alone.
      {"carta", may_see_reports, {"unit", "service"}},
      {"incidentes", may_see_incident_report, {"unit", "organization"}},
      {"manifestacoes", may_see_manifestation_report, {"service", "kind"}}};
  for (const auto& r : kReports) {
    if (report == r.name) return &r;
  }
  return nullptr;
}

// Ids and the target as numbers (as the API takes and gives them), the rest as text.
std::string filters_json(const ReportFilters& filters) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [name, value] : filters) {
    const bool number =
        name == "unit" || name == "organization" || name == "service" || name == "target";
    if (number && !value.empty() && value.size() < 18 &&
        value.find_first_not_of("0123456789") == std::string::npos) {
      j[name] = std::stoll(value);
    } else {
      j[name] = value;
    }
  }
  return j.dump();
}

ReportFilters filters_from_json(const std::string& text) {
  ReportFilters filters;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return filters;
  // Numbers as the first subscriptions stored their ids and target.
  for (const auto& [name, value] : j.items()) {
    if (value.is_string()) filters[name] = value.get<std::string>();
    if (value.is_number_integer()) filters[name] = value.dump();
  }
  return filters;
}

}  // namespace

QueryLookup report_filters_lookup(const ReportFilters& filters) {
  return [&filters](const char* name) -> std::optional<std::string> {
    auto it = filters.find(name);
    if (it == filters.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
}

bool is_subscribable_report(const std::string& report) {
  return subscribable(report) != nullptr;
}

store::ReportSubscription ReportSubscriptions::subscribe(const Actor& a, const std::string& report,
                                                         const std::string& frequency,
                                                         const ReportFilters& given) {
  require_active(a);
  if (!may_see_any_report(a.person)) {
    throw forbidden(
        "Os relatórios são da diretoria, dos gestores de unidade e de órgão, da administração, da "
        "comunicação (ASCOM) e da ouvidoria.");
  }
  const auto* kind = subscribable(report);
  if (!kind) {
    throw invalid_field("relatorio",
                        "Escolha um relatório: sla, volume, satisfacao, carta, incidentes ou "
                        "manifestacoes.");
  }
  if (!kind->may_see(a.person)) throw forbidden("Este relatório não está entre os que você lê.");
  const auto f = parse_report_frequency(frequency);
  if (!f) throw invalid_field("frequencia", "A frequência é semanal (weekly) ou mensal (monthly).");
  if (a.person.emails.empty()) {
    throw invalid_field("frequencia", "Cadastre um e-mail para receber relatórios.");
  }
  ReportFilters filters;
  for (const auto& [name, value] : given) {
    if (value.empty()) continue;
    if (std::find(kind->filters.begin(), kind->filters.end(), name) == kind->filters.end()) {
      throw invalid_field("filters", "Este relatório não tem o filtro " + name + ".");
    }
    filters[name] = value;
  }
  // The filters are checked now as the report will read them, over today (a
  // unit or an organization out of reach is refused here, not at the first
  // sending). The incidents and manifestações reports read a day from their
  // own index ranges; the others check their filters alone.
  const int day = report_day(ctx_.now());
  auto over_today = filters;
  over_today["from"] = over_today["to"] = report_day_iso(day);
  const auto lookup = report_filters_lookup(over_today);
  if (report == "incidentes") {
    incidents_.report(a, parse_incident_report_query(lookup, day));
  } else if (report == "manifestacoes") {
    manifestations_.report(a, parse_manifestation_report_query(lookup, day));
  } else {
    const auto q = parse_report_query(lookup, day);
    ctx_.db.read([&](store::Connection& c) { reports_.filter_for(a, q, store::load_units(c)); });
  }
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
  if (!may_see_any_report(a.person)) {
    throw forbidden(
        "Os relatórios são da diretoria, dos gestores de unidade e de órgão, da administração, da "
        "comunicação (ASCOM) e da ouvidoria.");
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
    auto query = filters_from_json(s.query);
    query["from"] = report_day_iso(first);
    query["to"] = report_day_iso(last);
    const auto* kind = subscribable(s.report);
    // Written before the transaction (the reports read on their own);
    // enqueued in it only if no other node sent this period meanwhile.
    std::optional<ReportMail> mail;
    Person recipient;
    bool allowed = true;
    try {
      const auto actor = accounts_.actor(s.person_id);
      recipient = actor.person;
      if (!kind || !kind->may_see(actor.person)) allowed = false;
      if (allowed && s.last_period != period) mail = writer_(actor, s.report, query);
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
