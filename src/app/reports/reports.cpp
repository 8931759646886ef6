#include "app/reports/reports.hpp"

#include <algorithm>

#include "app/sla/sla_clocks.hpp"
#include "domain/error.hpp"
#include "domain/histogram_percentile.hpp"
#include "domain/report_day.hpp"
#include "store/organization_rows.hpp"
#include "store/report_recount_rows.hpp"
#include "store/service_rows.hpp"
#include "store/time_rollup_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

// The longest period a report reads: a little over two years of days.
constexpr int kMaxReportDays = 800;

std::optional<double> percent_of(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

ComplianceLine compliance_line(const std::string& key, const std::string& label,
                               const store::ReportCounts& n,
                               const std::map<int, std::int64_t>* first_response,
                               const std::map<int, std::int64_t>* resolution) {
  ComplianceLine line;
  line.key = key;
  line.label = label;
  line.counts = n;
  line.met_percent = percent_of(n.met, n.met + n.breached);
  line.reopen_percent = percent_of(n.reopened, n.resolved);
  if (first_response) {
    line.first_response_p50_ms = histogram_percentile(*first_response, 50);
    line.first_response_p90_ms = histogram_percentile(*first_response, 90);
  }
  if (resolution) {
    line.resolution_p50_ms = histogram_percentile(*resolution, 50);
    line.resolution_p90_ms = histogram_percentile(*resolution, 90);
  }
  return line;
}

template <typename Map>
const typename Map::mapped_type* find_in(const Map& m, const typename Map::key_type& k) {
  auto it = m.find(k);
  return it == m.end() ? nullptr : &it->second;
}

std::string unit_label(const std::vector<Unit>& units, std::int64_t id) {
  if (id == 0) return "Sem unidade";
  for (const auto& u : units) {
    if (u.id == id) return u.code + " — " + u.name;
  }
  return "Unidade " + std::to_string(id);
}

std::string service_label(const std::vector<Service>& services, std::int64_t id) {
  for (const auto& s : services) {
    if (s.id == id) return s.name;
  }
  return "Serviço " + std::to_string(id);
}

std::vector<CountLine> count_lines(const std::map<std::string, store::ReportCounts>& groups,
                                   const std::function<std::string(const std::string&)>& label) {
  std::vector<CountLine> out;
  for (const auto& [key, n] : groups) {
    if (n.registered != 0) out.push_back({key, label(key), n.registered});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const CountLine& a, const CountLine& b) { return a.count > b.count; });
  return out;
}

// The counts of every dimension read once, summed by one of them.
std::map<std::string, store::ReportCounts> regroup(const std::vector<store::DimensionCounts>& rows,
                                                   store::ReportGroup group) {
  std::map<std::string, store::ReportCounts> out;
  for (const auto& d : rows) {
    std::string key;
    switch (group) {
      case store::ReportGroup::unit:
        key = std::to_string(d.unit_id);
        break;
      case store::ReportGroup::service:
        key = std::to_string(d.service_id);
        break;
      case store::ReportGroup::severity:
        key = d.severity;
        break;
      case store::ReportGroup::channel:
        key = d.channel;
        break;
      case store::ReportGroup::category:
        key = d.category;
        break;
      default:
        break;
    }
    out[key] += d.counts;
  }
  return out;
}

}  // namespace

bool may_see_reports(const Person& p) {
  return p.active &&
         (p.has_role(Role::admin) || p.has_role(Role::leadership) ||
          p.has_role(Role::unit_manager) || (p.has_role(Role::org_manager) && p.organization_id));
}

ReportScope report_scope(const Person& p, const std::vector<Unit>& units) {
  ReportScope scope;
  if (!may_see_reports(p)) return scope;
  if (p.has_role(Role::admin) || p.has_role(Role::leadership)) {
    scope.all = true;
    return scope;
  }
  if (!p.has_role(Role::unit_manager)) {  // an organization's manager
    scope.all = true;
    scope.organization_id = p.organization_id;
    return scope;
  }
  for (const auto& u : units) {
    for (auto managed : p.units_with(Role::unit_manager)) {
      if (unit_is_within(units, u.id, managed)) {
        scope.unit_ids.push_back(u.id);
        break;
      }
    }
  }
  return scope;
}

std::string report_channel_label(const std::string& code) {
  static const std::map<std::string, std::string> kLabels = {{"portal", "Portal"},
                                                             {"email", "E-mail"},
                                                             {"phone", "Telefone"},
                                                             {"whatsapp", "WhatsApp"},
                                                             {"api", "API"}};
  auto it = kLabels.find(code);
  return it == kLabels.end() ? code : it->second;
}

std::vector<std::string> Reports::severities() {
  std::vector<std::string> out;
  ctx_.db.read([&](store::Connection& c) {
    for (const auto& band : SlaClocks(ctx_).configuration(c).severities) {
      if (std::find(out.begin(), out.end(), band.name) == out.end()) out.push_back(band.name);
    }
  });
  return out;
}

int Reports::today() const {
  return report_day(ctx_.now());
}

std::vector<Unit> Reports::units_for(const Actor& a) {
  std::vector<Unit> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = store::load_units(c);
    const auto scope = report_scope(a.person, units);
    for (const auto& u : units) {
      if (scope.all ||
          std::find(scope.unit_ids.begin(), scope.unit_ids.end(), u.id) != scope.unit_ids.end()) {
        out.push_back(u);
      }
    }
  });
  return out;
}

std::vector<Organization> Reports::organizations_for(const Actor& a) {
  std::vector<Organization> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto scope = report_scope(a.person, store::load_units(c));
    if (!may_see_reports(a.person)) return;
    for (auto& o : store::load_organizations(c)) {
      if (!scope.organization_id || o.id == *scope.organization_id) out.push_back(std::move(o));
    }
  });
  return out;
}

store::ReportRowFilter Reports::filter_for(const Actor& a, const ReportQuery& q,
                                           const std::vector<Unit>& units) {
  if (!may_see_reports(a.person)) {
    throw forbidden(
        "Os relatórios são da diretoria, dos gestores de unidade e de órgão e da administração.");
  }
  if (q.first_day == 0 || q.last_day == 0 || q.last_day < q.first_day) {
    throw invalid_field("de", "O período vai de uma data até outra igual ou posterior.");
  }
  if (report_days_between(q.first_day, q.last_day) >= kMaxReportDays) {
    throw invalid_field("ate", "O período vai até dois anos.");
  }
  if (q.target_percent < 1 || q.target_percent > 100) {
    throw invalid_field("meta", "A meta é uma porcentagem de 1 a 100.");
  }
  const auto scope = report_scope(a.person, units);
  store::ReportRowFilter f;
  f.first_day = q.first_day;
  f.last_day = q.last_day;
  f.service_id = q.service_id;
  f.severity = q.severity;
  f.channel = q.channel;
  f.category = q.category;
  f.all_units = scope.all && !q.unit_id;
  if (!f.all_units) {
    for (const auto& u : units) {
      const bool allowed = scope.all || std::find(scope.unit_ids.begin(), scope.unit_ids.end(),
                                                  u.id) != scope.unit_ids.end();
      if (allowed && (!q.unit_id || unit_is_within(units, u.id, *q.unit_id))) {
        f.unit_ids.push_back(u.id);
      }
    }
    if (q.unit_id && f.unit_ids.empty()) throw not_found("Unidade não encontrada.");
  }
  // An organization's manager reads their organization's figures whether or
  // not the query names it, and never another's.
  f.organization_id = scope.organization_id ? scope.organization_id : q.organization_id;
  if (q.organization_id && q.organization_id != f.organization_id) {
    throw not_found("Órgão não encontrado.");
  }
  return f;
}

SlaComplianceReport Reports::sla_compliance(const Actor& a, const ReportQuery& q,
                                            const std::optional<store::BreachCursor>& after,
                                            int page_size) {
  SlaComplianceReport r;
  r.query = q;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = store::load_units(c);
    const auto f = filter_for(a, q, units);
    r.query.organization_id = f.organization_id;
    r.counting_percent = store::report_recount_percent(c);
    const auto services = store::load_services(c);
    const auto config = SlaClocks(ctx_).configuration(c);
    using store::ReportGroup;
    const auto dims = store::sum_report_figures_by_dimensions(c, f);
    const auto total = regroup(dims, ReportGroup::none);
    // Each target's times read once, by severity and service, then summed
    // three ways.
    using Histograms = std::map<std::string, std::map<int, std::int64_t>>;
    Histograms fr_total, res_total, fr_sev, res_sev, fr_svc, res_svc;
    for (int target : {0, 1}) {
      auto& total_h = target == 0 ? fr_total : res_total;
      auto& sev_h = target == 0 ? fr_sev : res_sev;
      auto& svc_h = target == 0 ? fr_svc : res_svc;
      for (const auto& [key, h] :
           store::sum_report_durations(c, f, ReportGroup::severity_service, target)) {
        const auto bar = key.rfind('|');
        const std::string severity = key.substr(0, bar);
        const std::string service = key.substr(bar + 1);
        for (const auto& [bucket, n] : h) {
          total_h[""][bucket] += n;
          sev_h[severity][bucket] += n;
          svc_h[service][bucket] += n;
        }
      }
    }
    r.total =
        compliance_line("", "Total", total.empty() ? store::ReportCounts{} : total.begin()->second,
                        find_in(fr_total, std::string()), find_in(res_total, std::string()));

    const auto sev = regroup(dims, ReportGroup::severity);
    // The configuration's order (Crítica first), then any other name (a
    // severity renamed since), then the tickets without a clock.
    std::vector<std::string> order;
    for (const auto& band : config.severities) {
      if (std::find(order.begin(), order.end(), band.name) == order.end())
        order.push_back(band.name);
    }
    for (const auto& [name, n] : sev) {
      if (std::find(order.begin(), order.end(), name) == order.end() && !name.empty()) {
        order.push_back(name);
      }
    }
    order.push_back("");
    for (const auto& name : order) {
      auto n = find_in(sev, name);
      if (!n || (n->due == 0 && n->resolved == 0 && n->first_responses == 0)) continue;
      r.by_severity.push_back(compliance_line(name, name.empty() ? "Sem prazo (projetos)" : name,
                                              *n, find_in(fr_sev, name), find_in(res_sev, name)));
    }

    const auto svc = regroup(dims, ReportGroup::service);
    for (const auto& [key, n] : svc) {
      if (n.due == 0 && n.resolved == 0 && n.first_responses == 0) continue;
      r.by_service.push_back(compliance_line(key, service_label(services, std::stoll(key)), n,
                                             find_in(fr_svc, key), find_in(res_svc, key)));
    }
    std::stable_sort(r.by_service.begin(), r.by_service.end(),
                     [](const ComplianceLine& x, const ComplianceLine& y) {
                       return x.counts.due > y.counts.due;
                     });

    const int size = std::clamp(page_size, 1, 500);
    auto rows = store::breached_tickets(c, f, after, size + 1);
    if (static_cast<int>(rows.size()) > size) {
      rows.resize(static_cast<std::size_t>(size));
      r.next = store::BreachCursor{rows.back().deadline, rows.back().ticket_id};
    }
    for (auto& row : rows) {
      BreachedTicket b;
      b.service = service_label(services, row.service_id);
      b.unit = unit_label(units, row.unit_id);
      b.row = std::move(row);
      r.breached.push_back(std::move(b));
    }
  });
  return r;
}

VolumeReport Reports::volume(const Actor& a, const ReportQuery& q) {
  VolumeReport r;
  r.query = q;
  const int today = this->today();
  ctx_.db.read([&](store::Connection& c) {
    const auto units = store::load_units(c);
    auto f = filter_for(a, q, units);
    r.query.organization_id = f.organization_id;
    r.counting_percent = store::report_recount_percent(c);
    const auto services = store::load_services(c);
    using store::ReportGroup;

    // The days from the period's start to today (or its end, if later): the
    // backlog at a day's end is today's open tickets less what came in, net,
    // after that day.
    auto through = f;
    through.last_day = std::max(f.last_day, today);
    // One reading of the days by channel gives both the days and their channels.
    std::map<int, store::ReportCounts> by_day;
    std::map<int, std::map<std::string, std::int64_t>> channel_day;
    for (const auto& [key, n] : store::sum_report_figures(c, through, ReportGroup::day_channel)) {
      const auto bar = key.find('|');
      if (bar == std::string::npos) continue;
      const int day = std::stoi(key.substr(0, bar));
      by_day[day] += n;
      if (n.registered != 0 && day <= f.last_day) {
        channel_day[day][key.substr(bar + 1)] = n.registered;
      }
    }
    const auto open_days = store::open_tickets_by_day(c, f);
    for (const auto& [day, n] : open_days) r.open_now += n;

    std::int64_t net_after = 0;  // registered − ended after the day being looked at
    for (auto it = by_day.rbegin(); it != by_day.rend() && it->first > f.last_day; ++it) {
      net_after += it->second.registered - it->second.ended;
    }
    std::vector<VolumeDay> days;
    for (int d = f.last_day;; d = report_day_add(d, -1)) {
      VolumeDay v;
      v.day = d;
      if (auto n = find_in(by_day, d)) {
        v.registered = n->registered;
        v.ended = n->ended;
      }
      if (auto ch = find_in(channel_day, d)) v.registered_by_channel = *ch;
      if (d <= today) v.backlog = r.open_now - net_after;
      net_after += v.registered - v.ended;
      r.registered += v.registered;
      r.ended += v.ended;
      days.push_back(std::move(v));
      if (d == f.first_day) break;
    }
    std::reverse(days.begin(), days.end());
    r.days = std::move(days);
    for (const auto& v : r.days) {
      if (r.weeks.empty() || report_weekday(v.day) == 1) r.weeks.push_back({v.day, 0, {}});
      r.weeks.back().registered += v.registered;
      for (const auto& [code, n] : v.registered_by_channel) {
        r.weeks.back().registered_by_channel[code] += n;
      }
    }

    const auto dims = store::sum_report_figures_by_dimensions(c, f);
    r.by_channel = count_lines(regroup(dims, ReportGroup::channel),
                               [](const std::string& k) { return report_channel_label(k); });
    r.by_service = count_lines(regroup(dims, ReportGroup::service), [&](const std::string& k) {
      return service_label(services, std::stoll(k));
    });
    r.by_category = count_lines(regroup(dims, ReportGroup::category), [](const std::string& k) {
      auto cat = parse_category(k);
      return cat ? std::string(category_label_pt(*cat)) : k;
    });
    r.by_unit = count_lines(regroup(dims, ReportGroup::unit),
                            [&](const std::string& k) { return unit_label(units, std::stoll(k)); });

    // The time logged, by unit and service, each in its list's order.
    auto order_of = [](const auto& list, std::int64_t id) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].id == id) return i;
      }
      return list.size();
    };
    for (const auto& line : store::sum_logged_time(c, f)) {
      r.time_logged.push_back({line.unit_id, unit_label(units, line.unit_id), line.service_id,
                               service_label(services, line.service_id), line.logged});
      r.time_total += line.logged;
    }
    std::sort(r.time_logged.begin(), r.time_logged.end(), [&](const auto& a, const auto& b) {
      const auto ua = order_of(units, a.unit_id), ub = order_of(units, b.unit_id);
      if (ua != ub) return ua < ub;
      return order_of(services, a.service_id) < order_of(services, b.service_id);
    });

    // Aging: today's open tickets by whole days since registration.
    struct Bucket {
      int up_to_days;
      const char* key;
      const char* label;
    };
    const Bucket buckets[] = {{1, "ate-1", "Até 1 dia"},
                              {3, "2-3", "2 a 3 dias"},
                              {7, "4-7", "4 a 7 dias"},
                              {30, "8-30", "8 a 30 dias"},
                              {-1, "mais-30", "Mais de 30 dias"}};
    std::vector<std::int64_t> counts(std::size(buckets), 0);
    for (const auto& [day, n] : open_days) {
      const int age = report_days_between(day, today);
      std::size_t i = 0;
      while (buckets[i].up_to_days >= 0 && age > buckets[i].up_to_days) ++i;
      counts[i] += n;
    }
    for (std::size_t i = 0; i < std::size(buckets); ++i) {
      r.aging.push_back({buckets[i].key, buckets[i].label, counts[i]});
    }
  });
  return r;
}

}  // namespace guiche::app
