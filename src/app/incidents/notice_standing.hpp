#pragma once
// What a person is for a status notice (domain/incidents/notice_transitions.hpp):
// "the team" are the analysts, attendants and unit managers of a unit
// responsible for one of the notice's components or of a unit below it, and
// the managers of the units above it; ASCOM and leadership by their roles; "staff" anyone of
// the desk; a client manager the manager of a client organization.
#include <vector>

#include "domain/incidents/notice_transitions.hpp"
#include "domain/incidents/status_component.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/unit.hpp"

namespace guiche::app {

// `components`: the notice's; `organization`: the person's, if any.
NoticeStanding notice_standing(const Person& p, const std::vector<StatusComponent>& components,
                               const std::vector<Unit>& units,
                               const std::optional<Organization>& organization);

// Anyone of the desk's own staff: agents, admins, ASCOM and leadership. They
// read every notice, drafts included, and report incidents as "staff".
bool is_desk_staff(const Person& p);

// Monitoring speaks for itself (app/incidents, the Alertmanager intake).
NoticeStanding monitoring_standing();

}  // namespace guiche::app
