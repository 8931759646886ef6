#include "app/reports/incident_report.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>
#include <set>

#include "app/reports/report_access.hpp"
#include "app/reports/report_period.hpp"
#include "domain/error.hpp"
#include "domain/incidents/status_notice.hpp"
#include "domain/report_day.hpp"
#include "store/incident_report_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/status_component_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

// The middle value (the mean of the two middle ones when even).
std::optional<std::int64_t> incident_median(std::vector<std::int64_t> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const auto mid = v.size() / 2;
  return v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

std::optional<std::int64_t> incident_mean(const std::vector<std::int64_t>& v) {
  if (v.empty()) return std::nullopt;
  return std::accumulate(v.begin(), v.end(), std::int64_t{0}) / static_cast<std::int64_t>(v.size());
}

std::int64_t ms_between(Instant from, Instant to) {
  return to_millis(to) - to_millis(from);
}

// Admins, the leadership and ASCOM read every notice.
bool reads_every_notice(const Person& p) {
  return p.has_role(Role::admin) || p.has_role(Role::leadership) ||
         p.has_role(Role::communications);
}

// A unit manager: the units they manage and those below them.
bool manages_unit(const Person& p, const std::vector<Unit>& units, std::int64_t unit) {
  for (auto managed : p.units_with(Role::unit_manager)) {
    if (unit_is_within(units, unit, managed)) return true;
  }
  return false;
}

IncidentOutcome outcome_of(const std::string& state) {
  const auto s = parse_notice_state(state);
  if (!s) return IncidentOutcome::in_analysis;
  switch (*s) {
    case NoticeState::not_confirmed:
      return IncidentOutcome::not_confirmed;
    case NoticeState::confirmed_organization:
    case NoticeState::confirmed_general:
      return IncidentOutcome::confirmed;
    case NoticeState::restored:
      return IncidentOutcome::restored;
    default:
      return IncidentOutcome::in_analysis;
  }
}

}  // namespace

IncidentReportQuery parse_incident_report_query(const QueryLookup& value, int today) {
  const auto base = parse_report_query(
      [&value](const char* name) -> std::optional<std::string> {
        const std::string n = name;
        if (n == "from" || n == "to" || n == "unit") return value(name);
        return std::nullopt;
      },
      today);
  IncidentReportQuery q;
  q.first_day = base.first_day;
  q.last_day = base.last_day;
  q.unit_id = base.unit_id;
  // The organization is read as the unit is: a positive id.
  if (auto org = value("organization"); org && !org->empty()) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(org->data(), org->data() + org->size(), id);
    if (ec != std::errc() || end != org->data() + org->size() || id <= 0) {
      throw invalid_field("organization", "Escolha uma opção da lista.");
    }
    q.organization_id = id;
  }
  return q;
}

std::string incident_outcome_label(IncidentOutcome o) {
  switch (o) {
    case IncidentOutcome::in_analysis:
      return "Em análise";
    case IncidentOutcome::not_confirmed:
      return "Não confirmado";
    case IncidentOutcome::confirmed:
      return "Confirmado, em curso";
    case IncidentOutcome::restored:
      return "Restabelecido";
  }
  return "";
}

IncidentFigures incident_figures(const std::vector<IncidentLine>& lines) {
  IncidentFigures f;
  std::vector<std::int64_t> to_confirmation, to_restoration, duration;
  std::set<std::int64_t> organizations;
  for (const auto& l : lines) {
    ++f.reported;
    switch (l.outcome) {
      case IncidentOutcome::in_analysis:
        ++f.in_analysis;
        break;
      case IncidentOutcome::not_confirmed:
        ++f.not_confirmed;
        break;
      case IncidentOutcome::confirmed:
        ++f.confirmed;
        break;
      case IncidentOutcome::restored:
        ++f.confirmed;
        ++f.restored;
        break;
    }
    f.linked_tickets += l.linked_tickets;
    organizations.insert(l.affected_organizations.begin(), l.affected_organizations.end());
    if (l.to_confirmation_ms) to_confirmation.push_back(*l.to_confirmation_ms);
    if (l.to_restoration_ms) to_restoration.push_back(*l.to_restoration_ms);
    if (l.duration_ms) {
      duration.push_back(*l.duration_ms);
      f.duration_total_ms += *l.duration_ms;
    }
  }
  f.organizations_affected = static_cast<std::int64_t>(organizations.size());
  f.to_confirmation_median_ms = incident_median(to_confirmation);
  f.to_confirmation_mean_ms = incident_mean(to_confirmation);
  f.to_restoration_median_ms = incident_median(to_restoration);
  f.to_restoration_mean_ms = incident_mean(to_restoration);
  f.duration_median_ms = incident_median(duration);
  return f;
}

std::vector<Unit> IncidentReports::units_for(const Actor& a) {
  std::vector<Unit> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = store::load_units(c);
    if (!may_see_incident_report(a.person)) return;
    const bool all = reads_every_notice(a.person);
    for (const auto& u : units) {
      if (all || manages_unit(a.person, units, u.id)) {
        out.push_back(u);
      }
    }
  });
  return out;
}

std::vector<Organization> IncidentReports::organizations() {
  std::vector<Organization> out;
  ctx_.db.read([&](store::Connection& c) { out = store::load_organizations(c); });
  return out;
}

IncidentReport IncidentReports::report(const Actor& a, const IncidentReportQuery& q) {
  if (!may_see_incident_report(a.person)) {
    throw forbidden(
        "O relatório de incidentes é da diretoria, dos gestores de unidade, da comunicação "
        "(ASCOM) e da administração.");
  }
  check_report_period(q.first_day, q.last_day);
  IncidentReport r;
  r.query = q;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = store::load_units(c);
    const auto organizations = store::load_organizations(c);
    std::map<std::int64_t, StatusComponent> components;
    for (auto& component : store::load_status_components(c)) {
      components.emplace(component.id, std::move(component));
    }
    // Admins, the leadership and ASCOM read every notice; a unit manager
    // those of the components of their units.
    const bool every_unit = reads_every_notice(a.person);
    auto unit_allowed = [&](std::int64_t unit) {
      return every_unit || manages_unit(a.person, units, unit);
    };
    if (q.unit_id) {
      const bool known = std::any_of(units.begin(), units.end(), [&](const Unit& u) {
        return u.id == *q.unit_id && unit_allowed(u.id);
      });
      if (!known) throw not_found("Unidade não encontrada.");
    }
    if (q.organization_id &&
        std::none_of(organizations.begin(), organizations.end(),
                     [&](const Organization& o) { return o.id == *q.organization_id; })) {
      throw not_found("Órgão não encontrado.");
    }
    std::vector<std::int64_t> clients;
    for (const auto& o : organizations) {
      if (o.is_client) clients.push_back(o.id);
    }

    const Instant from = report_day_start(q.first_day);
    const Instant to = report_day_start(report_day_add(q.last_day, 1));
    const auto rows = store::incidents_reported_between(c, from, to);
    const auto component_ids = store::incident_components_between(c, from, to);
    // The notices this reader may see and asked for.
    std::vector<const store::IncidentReportRow*> kept;
    std::map<std::int64_t, std::vector<std::int64_t>> concerned;
    for (const auto& row : rows) {
      const auto it = component_ids.find(row.id);
      const std::vector<std::int64_t> none;
      const auto& of_notice = it == component_ids.end() ? none : it->second;
      bool visible = false;
      bool in_unit = !q.unit_id;
      std::set<std::int64_t> orgs;
      for (auto id : of_notice) {
        auto comp = components.find(id);
        if (comp == components.end()) continue;
        visible = visible || unit_allowed(comp->second.responsible_unit_id);
        in_unit = in_unit || unit_is_within(units, comp->second.responsible_unit_id, *q.unit_id);
        orgs.insert(comp->second.organization_ids.begin(), comp->second.organization_ids.end());
      }
      if (!visible || !in_unit) continue;
      std::vector<std::int64_t> concerns;
      if (row.organization_id) {
        concerns = {*row.organization_id};
      } else if (!orgs.empty()) {
        concerns.assign(orgs.begin(), orgs.end());
      } else {
        concerns = clients;
      }
      if (q.organization_id &&
          std::find(concerns.begin(), concerns.end(), *q.organization_id) == concerns.end()) {
        continue;
      }
      concerned[row.id] = std::move(concerns);
      kept.push_back(&row);
    }
    const auto milestones = store::incident_milestones_between(c, from, to);
    const auto tickets = store::incident_ticket_counts_between(c, from, to);

    std::map<std::string, std::int64_t> per_component;
    std::map<std::int64_t, std::int64_t> per_organization;
    for (const auto* row : kept) {
      IncidentLine l;
      l.id = row->id;
      l.title = row->title;
      l.outcome = outcome_of(row->state);
      l.reported_at = row->reported_at;
      l.first_published_at = row->first_published_at;
      if (auto it = component_ids.find(row->id); it != component_ids.end()) {
        for (auto id : it->second) {
          if (auto comp = components.find(id); comp != components.end()) {
            l.components.push_back(comp->second.name);
            ++per_component[comp->second.name];
          }
        }
      }
      l.scope = "Geral";
      if (row->organization_id) {
        for (const auto& o : organizations) {
          if (o.id == *row->organization_id) l.scope = o.acronym.empty() ? o.name : o.acronym;
        }
      }
      if (auto it = milestones.find(row->id); it != milestones.end()) {
        for (const auto& m : it->second) {
          if (m.action == "restore") {
            if (!l.restored_at) l.restored_at = m.at;
          } else if (!l.confirmed_at) {
            l.confirmed_at = m.at;
          }
        }
      }
      if (l.confirmed_at) {
        l.to_confirmation_ms = ms_between(l.reported_at, *l.confirmed_at);
        l.affected_organizations = concerned[row->id];
        for (auto id : l.affected_organizations) ++per_organization[id];
      }
      if (l.confirmed_at && l.restored_at) {
        l.to_restoration_ms = ms_between(*l.confirmed_at, *l.restored_at);
      }
      if (l.restored_at) l.duration_ms = ms_between(l.reported_at, *l.restored_at);
      if (auto it = tickets.find(row->id); it != tickets.end()) l.linked_tickets = it->second;
      r.incidents.push_back(std::move(l));
    }
    r.total = incident_figures(r.incidents);

    for (int month = q.first_day / 100; month <= q.last_day / 100;
         month = month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1) {
      std::vector<IncidentLine> of_month;
      for (const auto& l : r.incidents) {
        if (report_day(l.reported_at) / 100 == month) of_month.push_back(l);
      }
      r.months.push_back({month, incident_figures(of_month)});
    }
    for (const auto& [id, n] : per_organization) {
      std::string label = "Órgão " + std::to_string(id);
      for (const auto& o : organizations) {
        if (o.id == id) label = o.acronym.empty() ? o.name : o.acronym + " — " + o.name;
      }
      r.by_organization.push_back({std::to_string(id), label, n});
    }
    for (const auto& [name, n] : per_component) r.by_component.push_back({name, name, n});
    for (auto* lines : {&r.by_organization, &r.by_component}) {
      std::stable_sort(lines->begin(), lines->end(),
                       [](const CountLine& x, const CountLine& y) { return x.count > y.count; });
    }
  });
  return r;
}

}  // namespace guiche::app
