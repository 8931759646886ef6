#include "web/status/status_json.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "app/incidents/notice_time.hpp"

namespace guiche::web {
namespace {

std::string iso(const StatusJsonPage& page, Instant t) {
  return app::local_iso_text(page.time_zone, t);
}

nlohmann::json page_json(const StatusJsonPage& page, const app::StatusSummary& s) {
  return {{"id", "guiche"},
          {"name", page.name},
          {"url", page.url},
          {"time_zone", page.time_zone},
          {"updated_at", iso(page, s.updated_at)}};
}

// Statuspage's words for our states.
std::string incident_status(NoticeState s) {
  switch (s) {
    case NoticeState::reported:
    case NoticeState::acknowledged:
      return "investigating";
    case NoticeState::confirmed_organization:
    case NoticeState::confirmed_general:
      return "identified";
    case NoticeState::scheduled:
      return "scheduled";
    case NoticeState::in_progress:
      return "in_progress";
    case NoticeState::completed:
    case NoticeState::cancelled:
      return "completed";
    case NoticeState::not_confirmed:
    case NoticeState::restored:
      return "resolved";
  }
  return "resolved";
}

std::string impact(const app::PublicNotice& n) {
  if (n.notice.kind == NoticeKind::maintenance) return "maintenance";
  if (n.state == NoticeState::not_confirmed) return "none";
  return n.notice.organization_id ? "minor" : "major";
}

bool resolved(const app::PublicNotice& n) {
  const auto word = incident_status(n.state);
  return word == "resolved" || word == "completed";
}

nlohmann::json notice_json(const StatusJsonPage& page, const app::PublicNotice& n) {
  const std::string id = std::to_string(n.notice.id);
  nlohmann::json updates = nlohmann::json::array();
  for (const auto& u : n.updates) {
    updates.push_back({{"id", std::to_string(u.id)},
                       {"status", incident_status(u.state)},
                       {"body", u.title + "\n\n" + u.text},
                       {"incident_id", id},
                       {"created_at", iso(page, u.at)},
                       {"updated_at", iso(page, u.at)},
                       {"display_at", iso(page, u.at)}});
  }
  nlohmann::json components = nlohmann::json::array();
  for (std::size_t i = 0; i < n.notice.component_ids.size(); ++i) {
    components.push_back({{"id", std::to_string(n.notice.component_ids[i])},
                          {"name", i < n.component_names.size() ? n.component_names[i] : ""}});
  }
  const Instant created = n.notice.first_published_at.value_or(n.notice.created_at);
  const Instant updated = n.updates.empty() ? created : n.updates.front().at;
  nlohmann::json out = {
      {"id", id},
      {"name", n.notice.title},
      {"status", incident_status(n.state)},
      {"impact", impact(n)},
      {"created_at", iso(page, created)},
      {"updated_at", iso(page, updated)},
      {"started_at", iso(page, n.notice.starts_at.value_or(created))},
      {"resolved_at", resolved(n) ? nlohmann::json(iso(page, updated)) : nlohmann::json(nullptr)},
      {"monitoring_at", nullptr},
      {"shortlink", page.url + "/comunicados/" + id},
      {"page_id", "guiche"},
      {"incident_updates", updates},
      {"components", components}};
  if (n.notice.kind == NoticeKind::maintenance) {
    out["scheduled_for"] = n.notice.starts_at ? nlohmann::json(iso(page, *n.notice.starts_at))
                                              : nlohmann::json(nullptr);
    out["scheduled_until"] =
        n.notice.ends_at ? nlohmann::json(iso(page, *n.notice.ends_at)) : nlohmann::json(nullptr);
  }
  return out;
}

// Statuspage lists group components beside their members, which name them.
nlohmann::json components_json(const StatusJsonPage& page, const app::StatusSummary& s) {
  std::vector<std::string> group_names;
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& c : s.components) {
    if (!members.contains(c.component.group_name)) group_names.push_back(c.component.group_name);
    members[c.component.group_name].push_back(std::to_string(c.component.id));
  }
  auto group_id = [&](const std::string& name) {
    const auto at = std::find(group_names.begin(), group_names.end(), name) - group_names.begin();
    return "grupo-" + std::to_string(at + 1);
  };
  nlohmann::json out = nlohmann::json::array();
  int position = 0;
  for (const auto& name : group_names) {
    out.push_back({{"id", group_id(name)},
                   {"name", name},
                   {"status", "operational"},
                   {"group", true},
                   {"group_id", nullptr},
                   {"components", members[name]},
                   {"page_id", "guiche"},
                   {"position", ++position}});
  }
  for (const auto& c : s.components) {
    out.push_back({{"id", std::to_string(c.component.id)},
                   {"name", c.component.name},
                   {"status", c.status},
                   {"description", c.component.description},
                   {"position", ++position},
                   {"group", false},
                   {"group_id", group_id(c.component.group_name)},
                   {"page_id", "guiche"},
                   {"only_show_if_degraded", false},
                   {"showcase", true},
                   {"created_at", iso(page, s.updated_at)},
                   {"updated_at", iso(page, s.updated_at)}});
  }
  return out;
}

}  // namespace

nlohmann::json status_indicator_json(const StatusJsonPage& page, const app::StatusSummary& s) {
  int worst = 0;
  for (const auto& c : s.components) {
    if (c.status == "major_outage") worst = std::max(worst, 3);
    if (c.status == "partial_outage") worst = std::max(worst, 2);
    if (c.status == "under_maintenance") worst = std::max(worst, 1);
  }
  static const char* indicators[] = {"none", "maintenance", "minor", "major"};
  static const char* descriptions[] = {"Todos os sistemas operando normalmente", "Em manutenção",
                                       "Indisponibilidade parcial", "Indisponibilidade"};
  return {{"page", page_json(page, s)},
          {"status", {{"indicator", indicators[worst]}, {"description", descriptions[worst]}}}};
}

nlohmann::json status_summary_json(const StatusJsonPage& page, const app::StatusSummary& s) {
  nlohmann::json out = status_indicator_json(page, s);
  out["components"] = components_json(page, s);
  out["incidents"] = nlohmann::json::array();
  for (const auto& n : s.incidents) {
    if (!resolved(n)) out["incidents"].push_back(notice_json(page, n));
  }
  out["scheduled_maintenances"] = nlohmann::json::array();
  for (const auto& n : s.maintenances) {
    if (!resolved(n)) out["scheduled_maintenances"].push_back(notice_json(page, n));
  }
  return out;
}

nlohmann::json status_incidents_json(const StatusJsonPage& page, const app::StatusSummary& s) {
  nlohmann::json out = {{"page", page_json(page, s)}, {"incidents", nlohmann::json::array()}};
  for (const auto& n : s.incidents) out["incidents"].push_back(notice_json(page, n));
  return out;
}

nlohmann::json status_maintenances_json(const StatusJsonPage& page, const app::StatusSummary& s) {
  nlohmann::json out = {{"page", page_json(page, s)},
                        {"scheduled_maintenances", nlohmann::json::array()}};
  for (const auto& n : s.maintenances) {
    out["scheduled_maintenances"].push_back(notice_json(page, n));
  }
  return out;
}

}  // namespace guiche::web
