#include "app/incidents/status_page.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/incidents/notice_standing.hpp"
#include "domain/error.hpp"
#include "store/notice_event_rows.hpp"
#include "store/organization_rows.hpp"
#include "store/status_component_rows.hpp"
#include "store/status_notice_rows.hpp"

namespace guiche::app {
namespace {

constexpr auto kHistory = std::chrono::days{90};
constexpr int kMostNotices = 200;

bool sees(const std::optional<Person>& viewer, const StatusNotice& n) {
  if (!n.public_state) return false;
  if (!n.organization_id) return true;
  if (!viewer || !viewer->active) return false;
  return viewer->organization_id == n.organization_id || is_desk_staff(*viewer);
}

bool is_open(NoticeState s) {
  return s == NoticeState::confirmed_organization || s == NoticeState::confirmed_general ||
         s == NoticeState::scheduled || s == NoticeState::in_progress ||
         s == NoticeState::reported || s == NoticeState::acknowledged;
}

// The names the status page gives organizations ("SESA").
std::map<std::int64_t, std::string> organization_labels(store::Connection& c) {
  std::map<std::int64_t, std::string> out;
  for (const auto& o : store::load_organizations(c)) {
    out.emplace(o.id, o.acronym.empty() ? o.name : o.acronym);
  }
  return out;
}

PublicNotice public_notice(const StatusNotice& n,
                           const std::map<std::int64_t, StatusComponent>& components,
                           const std::map<std::int64_t, std::string>& organizations,
                           const std::vector<NoticeEvent>& published) {
  PublicNotice p;
  p.notice = n;
  p.state = *n.public_state;
  p.open = is_open(p.state);
  for (auto id : n.component_ids) {
    auto it = components.find(id);
    if (it != components.end()) p.component_names.push_back(it->second.name);
  }
  if (n.organization_id) {
    auto it = organizations.find(*n.organization_id);
    if (it != organizations.end()) p.organization_name = it->second;
  }
  for (const auto& e : published) {
    p.updates.push_back({e.id, e.state_after, e.message ? e.message->title : "",
                         e.message ? e.message->text : "", *e.published_at});
  }
  return p;
}

// The notices as the public sees them, their messages read in one query.
std::vector<PublicNotice> public_notices(
    store::Connection& c, const std::vector<StatusNotice>& notices,
    const std::map<std::int64_t, StatusComponent>& components) {
  std::vector<std::int64_t> ids;
  for (const auto& n : notices) ids.push_back(n.id);
  auto events = store::published_events_of_notices(c, ids);
  const auto organizations = organization_labels(c);
  std::vector<PublicNotice> out;
  for (const auto& n : notices)
    out.push_back(public_notice(n, components, organizations, events[n.id]));
  return out;
}

std::map<std::int64_t, StatusComponent> components_by_id(store::Connection& c) {
  std::map<std::int64_t, StatusComponent> out;
  for (auto& s : store::load_status_components(c)) out.emplace(s.id, std::move(s));
  return out;
}

// The worse of two component states, as Statuspage orders them.
int severity(const std::string& status) {
  if (status == "major_outage") return 3;
  if (status == "partial_outage") return 2;
  if (status == "under_maintenance") return 1;
  return 0;
}

std::string component_effect(NoticeState s) {
  switch (s) {
    case NoticeState::confirmed_general:
      return "major_outage";
    case NoticeState::confirmed_organization:
      return "partial_outage";
    case NoticeState::in_progress:
      return "under_maintenance";
    default:
      return "operational";
  }
}

}  // namespace

StatusSummary StatusPage::summary(const std::optional<Person>& viewer) {
  StatusSummary s;
  const Instant now = ctx_.now();
  s.updated_at = now;
  ctx_.db.read([&](store::Connection& c) {
    const auto components = components_by_id(c);
    std::map<std::int64_t, std::string> status;
    std::vector<StatusNotice> notices = store::open_notices(c, kMostNotices);
    std::vector<std::int64_t> seen;
    for (const auto& n : notices) seen.push_back(n.id);
    for (auto& n : store::published_notices_since(c, now - kHistory, kMostNotices)) {
      if (std::find(seen.begin(), seen.end(), n.id) == seen.end()) notices.push_back(n);
    }
    std::erase_if(notices, [&](const StatusNotice& n) { return !sees(viewer, n); });
    std::optional<Instant> newest;
    for (auto& p : public_notices(c, notices, components)) {
      const auto& n = p.notice;
      if (!p.updates.empty() && (!newest || p.updates.front().at > *newest)) {
        newest = p.updates.front().at;
      }
      for (auto id : n.component_ids) {
        const auto effect = component_effect(p.state);
        if (severity(effect) > severity(status[id])) status[id] = effect;
      }
      (n.kind == NoticeKind::incident ? s.incidents : s.maintenances).push_back(std::move(p));
    }
    if (newest) s.updated_at = *newest;
    for (const auto& [id, component] : components) {
      if (!component.active) continue;
      ComponentStatus cs{component, status.contains(id) ? status[id] : "operational"};
      if (severity(cs.status) == 0) cs.status = "operational";
      s.components.push_back(std::move(cs));
    }
  });
  std::sort(s.components.begin(), s.components.end(), [](const auto& a, const auto& b) {
    return std::tie(a.component.group_name, a.component.name) <
           std::tie(b.component.group_name, b.component.name);
  });
  auto order = [](const PublicNotice& a, const PublicNotice& b) {
    if (a.open != b.open) return a.open;
    const Instant at = a.updates.empty() ? a.notice.updated_at : a.updates.front().at;
    const Instant bt = b.updates.empty() ? b.notice.updated_at : b.updates.front().at;
    return at > bt;
  };
  std::sort(s.incidents.begin(), s.incidents.end(), order);
  std::sort(s.maintenances.begin(), s.maintenances.end(), order);
  return s;
}

PublicNotice StatusPage::notice(const std::optional<Person>& viewer, std::int64_t id) {
  std::optional<PublicNotice> p;
  ctx_.db.read([&](store::Connection& c) {
    auto n = store::load_notice(c, id);
    if (n && sees(viewer, *n)) p = public_notices(c, {*n}, components_by_id(c)).front();
  });
  if (!p) throw not_found("Comunicado não encontrado.");
  return *p;
}

std::vector<std::pair<PublicNotice, PublicUpdate>> StatusPage::feed(
    std::optional<std::int64_t> component_id, int limit) {
  std::vector<std::pair<PublicNotice, PublicUpdate>> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto components = components_by_id(c);
    // Scoped notices are skipped, so read a little more than asked.
    const auto events = store::published_notice_events(c, std::nullopt, limit * 4);
    std::vector<StatusNotice> shown;
    std::set<std::int64_t> read;
    for (const auto& e : events) {
      if (!read.insert(e.notice_id).second) continue;
      auto n = store::load_notice(c, e.notice_id);
      if (n && sees(std::nullopt, *n)) shown.push_back(*n);
    }
    std::map<std::int64_t, PublicNotice> notices;
    for (auto& p : public_notices(c, shown, components)) notices.emplace(p.notice.id, std::move(p));
    for (const auto& e : events) {
      if (static_cast<int>(out.size()) >= limit) break;
      auto it = notices.find(e.notice_id);
      if (it == notices.end()) continue;
      const auto& ids = it->second.notice.component_ids;
      if (component_id && std::find(ids.begin(), ids.end(), *component_id) == ids.end()) continue;
      for (const auto& u : it->second.updates) {
        if (u.id == e.id) out.emplace_back(it->second, u);
      }
    }
  });
  return out;
}

}  // namespace guiche::app
