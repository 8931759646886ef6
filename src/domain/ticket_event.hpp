#pragma once
// The append-only history of a ticket: the truth the ticket row is derived from.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "domain/channel.hpp"
#include "domain/ticket_status.hpp"
#include "domain/time.hpp"

namespace guiche {

enum class EventKind {
  created,
  triaged,
  routed,
  assigned,
  status_changed,
  public_reply,
  internal_note,
  attachment_added,
  time_logged,
  resolved,
  evaluated,
  reopened,
  closed,
  cancelled,
  linked,
  // The SLA clock of a target reached its warning fraction or its deadline
  // (data: target, level "warning" | "breach"); once per target and ticket.
  sla_warning,
  // The ticket was linked to a status notice (comunicado) or unlinked from
  // it (data: notice_id, notice_title); internal, like links between tickets.
  notice_linked,
  notice_unlinked,
  // Equipment custody (domain/equipment_custody.hpp), internal: an asset
  // entered (data: asset_number, kind, brand_model, serial_number, condition,
  // accessories, delivered_by_id?, delivered_by_name, received_by_id,
  // received_by_name), a maintenance step (asset_number, text), its return
  // (asset_number, taken_by_id?, taken_by_name, note). The table
  // equipment_custody (migration v021) is their projection.
  equipment_entered,
  equipment_maintained,
  equipment_returned,
  // A file the desk's policy refused was kept apart (internal; data as
  // attachment_added plus "reason", pt-BR), and an admin released one, which
  // then counts as attached (data as attachment_added; public when the file is).
  attachment_held,
  attachment_released,
  // Merging duplicates (app/tickets/ticket_merge.hpp). On the duplicate,
  // public: it was closed as a duplicate of another ticket (data: into_id,
  // into_protocol, status_before). On the surviving ticket, internal: it took
  // the duplicates of one merge in (data: from, a list of {id, protocol,
  // requester_id}). On both, an
  // undo (data: other_id, other_protocol, side "duplicate" | "survivor", and
  // on the duplicate the status it returns to); public on the duplicate.
  merged,
  merge_received,
  merge_undone,
  // A macro was applied (app/answers/macros.hpp), internal (data: macro_id,
  // macro_name); its steps follow as their own events in the same write.
  macro_applied,
};

std::string_view event_kind_code(EventKind k);
std::optional<EventKind> parse_event_kind(std::string_view code);

struct TicketEvent {
  std::int64_t ticket_id = 0;
  std::int64_t seq = 0;  // 1, 2, ... per ticket
  EventKind kind = EventKind::created;
  std::optional<std::int64_t> actor_id;  // none for the system
  Channel channel = Channel::portal;
  Instant at{};
  bool is_public = true;  // internal notes and internal attachments are not
  nlohmann::json data = nlohmann::json::object();
};

}  // namespace guiche
