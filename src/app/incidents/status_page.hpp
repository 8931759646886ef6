#pragma once
// What the public status page, its feeds and its JSON API show (docs/domain.md,
// "Incident communication"): the components and their current state, the
// open incidents and the planned maintenance with their public timelines,
// and what was published in the last 90 days. Only published messages are
// shown (drafts and the reporter's receipt never are); an incident scoped to
// one organization is shown only to that organization's people and to the
// desk's staff. No sign-in needed.
#include <optional>
#include <string>
#include <vector>

#include "app/desk_context.hpp"
#include "domain/incidents/notice_event.hpp"
#include "domain/incidents/status_component.hpp"
#include "domain/incidents/status_notice.hpp"
#include "domain/person.hpp"

namespace guiche::app {

struct PublicUpdate {
  std::int64_t id = 0;  // the event's
  NoticeState state = NoticeState::reported;
  std::string title;
  std::string text;
  Instant at{};  // when it was published
};

struct PublicNotice {
  StatusNotice notice;
  NoticeState state = NoticeState::reported;  // the public one
  std::vector<std::string> component_names;
  std::string organization_name;      // of a scoped incident
  std::vector<PublicUpdate> updates;  // newest first
  bool open = false;
};

// Statuspage's component states: operational, partial_outage (an incident
// confirmed for one organization, shown to it), major_outage,
// under_maintenance.
struct ComponentStatus {
  StatusComponent component;
  std::string status = "operational";
};

struct StatusSummary {
  std::vector<ComponentStatus> components;
  std::vector<PublicNotice> incidents;     // open ones first, then the last 90 days'
  std::vector<PublicNotice> maintenances;  // scheduled and in progress, then past ones
  Instant updated_at{};                    // the newest publication, or now
};

class StatusPage {
 public:
  explicit StatusPage(DeskContext& context) : ctx_(context) {}

  // `viewer`: the signed-in person, if any.
  StatusSummary summary(const std::optional<Person>& viewer);
  // One notice as the page shows it; not found when unpublished or not for the viewer.
  PublicNotice notice(const std::optional<Person>& viewer, std::int64_t id);
  // General notices' published updates, newest first (the Atom feeds have no
  // sign-in), of one component when given.
  std::vector<std::pair<PublicNotice, PublicUpdate>> feed(std::optional<std::int64_t> component_id,
                                                          int limit);

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
