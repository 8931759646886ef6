#include "app/reports/manifestation_report.hpp"

#include <algorithm>
#include <numeric>

#include "app/reports/report_access.hpp"
#include "app/reports/report_period.hpp"
#include "domain/error.hpp"
#include "domain/manifestations/manifestation.hpp"
#include "domain/manifestations/manifestation_rules.hpp"
#include "store/service_rows.hpp"

namespace guiche::app {
namespace {

Date date_of_report_day(int day) {
  return Date{std::chrono::year{day / 10000},
              std::chrono::month{static_cast<unsigned>(day / 100 % 100)},
              std::chrono::day{static_cast<unsigned>(day % 100)}};
}

int month_of(Date d) {
  return static_cast<int>(d.year()) * 100 + static_cast<int>(static_cast<unsigned>(d.month()));
}

constexpr ManifestationKind kKinds[] = {ManifestationKind::complaint, ManifestationKind::report,
                                        ManifestationKind::praise, ManifestationKind::suggestion,
                                        ManifestationKind::request_for_action};

}  // namespace

ManifestationReportQuery parse_manifestation_report_query(const QueryLookup& value, int today) {
  const auto base = parse_report_query(
      [&value](const char* name) -> std::optional<std::string> {
        const std::string n = name;
        if (n == "from" || n == "to" || n == "service") return value(name);
        return std::nullopt;
      },
      today);
  ManifestationReportQuery q;
  q.first_day = base.first_day;
  q.last_day = base.last_day;
  q.service_id = base.service_id;
  if (auto kind = value("kind"); kind && !kind->empty()) {
    if (!parse_manifestation_kind(*kind))
      throw invalid_field("kind", "Tipo de manifestação desconhecido.");
    q.kind = kind;
  }
  return q;
}

ManifestationCounts manifestation_counts(
    const std::vector<const store::ManifestationReportRow*>& rows, Date today,
    const std::function<Date(Instant)>& answered_on,
    const std::map<std::int64_t, std::int64_t>& tickets) {
  ManifestationCounts n;
  std::vector<int> days;
  for (const auto* m : rows) {
    ++n.received;
    ++n.by_kind[m->kind];
    if (m->extended) ++n.extended;
    if (m->complement_requested) ++n.complement_requested;
    if (auto it = tickets.find(m->id); it != tickets.end() && it->second > 0) {
      ++n.with_tickets;
      n.linked_tickets += it->second;
    }
    const auto status = parse_manifestation_status(m->status);
    if (status == ManifestationStatus::answered && m->answered_at) {
      ++n.answered;
      const Date on = answered_on(*m->answered_at);
      days.push_back(days_between(m->registered_on, on));
      if (days_between(on, m->due_on) >= 0) {
        ++n.answered_on_time;
        ++(m->extended ? n.answered_extended_on_time : n.answered_within_30);
      } else {
        ++n.answered_late;
      }
    } else if (status == ManifestationStatus::archived) {
      ++n.archived;
    } else if (status == ManifestationStatus::awaiting_complement) {
      ++n.awaiting_complement;
    } else {
      ++n.open;
      if (days_between(m->due_on, today) > 0) ++n.overdue;
    }
  }
  if (!days.empty()) {
    n.answer_days_mean = static_cast<double>(std::accumulate(days.begin(), days.end(), 0)) /
                         static_cast<double>(days.size());
    std::sort(days.begin(), days.end());
    const auto mid = days.size() / 2;
    n.answer_days_median = days.size() % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2.0;
  }
  return n;
}

std::vector<Service> ManifestationReports::services() {
  std::vector<Service> out;
  ctx_.db.read([&](store::Connection& c) { out = store::load_services(c); });
  return out;
}

ManifestationReport ManifestationReports::report(const Actor& a,
                                                 const ManifestationReportQuery& q) {
  if (!may_see_manifestation_report(a.person)) {
    throw forbidden(
        "O relatório de manifestações é da ouvidoria, da diretoria e da administração.");
  }
  check_report_period(q.first_day, q.last_day);
  if (q.kind && !parse_manifestation_kind(*q.kind)) {
    throw invalid_field("tipo", "Tipo de manifestação desconhecido.");
  }
  ManifestationReport r;
  r.query = q;
  r.today = ctx_.local_date(ctx_.now());
  ctx_.db.read([&](store::Connection& c) {
    const auto services = store::load_services(c);
    if (q.service_id && std::none_of(services.begin(), services.end(),
                                     [&](const Service& s) { return s.id == *q.service_id; })) {
      throw not_found("Serviço não encontrado.");
    }
    const Date first = date_of_report_day(q.first_day);
    const Date last = date_of_report_day(q.last_day);
    const auto rows = store::manifestations_registered_between(c, first, last);
    std::vector<const store::ManifestationReportRow*> kept;
    for (const auto& m : rows) {
      if (q.service_id && m.service_id != q.service_id) continue;
      if (q.kind && m.kind != *q.kind) continue;
      kept.push_back(&m);
    }
    const auto tickets = store::manifestation_ticket_counts_between(c, first, last);
    const auto answered_on = [this](Instant t) { return ctx_.local_date(t); };
    auto counts = [&](const auto& pick) {
      std::vector<const store::ManifestationReportRow*> some;
      for (const auto* m : kept) {
        if (pick(*m)) some.push_back(m);
      }
      return manifestation_counts(some, r.today, answered_on, tickets);
    };
    r.total = manifestation_counts(kept, r.today, answered_on, tickets);
    for (auto kind : kKinds) {
      const std::string code(manifestation_kind_code(kind));
      r.by_kind.push_back({code, std::string(manifestation_kind_label_pt(kind)),
                           counts([&](const auto& m) { return m.kind == code; })});
    }
    // Each row read once into its service's group (a desk has hundreds of services).
    std::map<std::optional<std::int64_t>, std::vector<const store::ManifestationReportRow*>>
        of_service;
    for (const auto* m : kept) of_service[m->service_id].push_back(m);
    std::map<std::int64_t, std::string> service_names;
    for (const auto& s : services) service_names[s.id] = s.name;
    for (const auto& [id, some] : of_service) {
      std::string label = "A unidade em geral (sem serviço)";
      if (id) {
        auto it = service_names.find(*id);
        label = it == service_names.end() ? "Serviço " + std::to_string(*id) : it->second;
      }
      r.by_service.push_back({id ? std::to_string(*id) : "", label,
                              manifestation_counts(some, r.today, answered_on, tickets)});
    }
    std::stable_sort(r.by_service.begin(), r.by_service.end(),
                     [](const ManifestationLine& x, const ManifestationLine& y) {
                       return x.counts.received > y.counts.received;
                     });
    for (int month = q.first_day / 100; month <= q.last_day / 100;
         month = month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1) {
      r.months.push_back({std::to_string(month), std::to_string(month), counts([&](const auto& m) {
                            return month_of(m.registered_on) == month;
                          })});
    }
  });
  return r;
}

}  // namespace guiche::app
