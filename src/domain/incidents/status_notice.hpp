#pragma once
// A status notice (comunicado, docs/domain.md "Incident communication"): an
// incident or a planned maintenance of one or more components, general or
// scoped to one organization, with its states after norm NPI-007 and the
// public state the status page shows (the state of its last published
// message: drafts are never public).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace guiche {

enum class NoticeKind { incident, maintenance };

enum class NoticeState {
  // Incidents.
  reported,                // a possible incident, told by a client, the staff or monitoring
  acknowledged,            // ASCOM told the reporter it is looking (message 6.1)
  not_confirmed,           // the team found the service operating normally (6.2)
  confirmed_organization,  // confirmed for the scope's organization only (6.6)
  confirmed_general,       // confirmed for everyone (6.3)
  restored,                // the service is back (6.4)
  // Planned maintenance (6.5).
  scheduled,
  in_progress,
  completed,
  cancelled,
};

// Who told of it first (norm NPI-007, 5.2.1.1).
enum class ReporterKind { client, staff, monitoring };

std::string_view notice_kind_code(NoticeKind k);
std::optional<NoticeKind> parse_notice_kind(std::string_view code);
std::string_view notice_state_code(NoticeState s);
std::optional<NoticeState> parse_notice_state(std::string_view code);
std::string_view notice_state_label_pt(NoticeState s);
std::string_view reporter_kind_code(ReporterKind k);
std::optional<ReporterKind> parse_reporter_kind(std::string_view code);

// No more transitions but the leadership's announcement after a restoration.
bool notice_state_is_final(NoticeState s);

struct StatusNotice {
  std::int64_t id = 0;
  NoticeKind kind = NoticeKind::incident;
  NoticeState state = NoticeState::reported;
  // What the status page shows: the state of the last published message;
  // none until something is published.
  std::optional<NoticeState> public_state;
  std::string title;   // "Instabilidade no SIGEFES"
  std::string impact;  // "acesso e lançamento da folha"
  std::vector<std::int64_t> component_ids;
  // None: general. Set: the incident concerns this organization only.
  std::optional<std::int64_t> organization_id;
  ReporterKind reporter_kind = ReporterKind::staff;
  std::optional<std::int64_t> reported_by;  // none for monitoring
  // Maintenance window (planned), or when the incident started.
  std::optional<Instant> starts_at;
  std::optional<Instant> ends_at;
  Instant created_at{};
  Instant updated_at{};
  std::optional<Instant> first_published_at;
  // Every monitoring alert behind the notice has resolved: a hint for the
  // team, never a step of its own (publishing stays a human act).
  std::optional<Instant> monitoring_resolved_at;
};

}  // namespace guiche
