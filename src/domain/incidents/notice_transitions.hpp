#pragma once
// Who may do what to a status notice, and the state it leads to (norm
// NPI-007, section 5; docs/domain.md "Incident communication"). A pure
// function of the notice's kind and state, the action and the actor's
// standing, specified by the cases of tests/domain/data/notice_transitions.cases.
//
// The technical state belongs to the staff of the units responsible for the
// notice's components ("the team"); ASCOM (communications) acknowledges
// reports and publishes; leadership confirms an incident and announces its
// restoration in its own name. A message the team's action prepares is a
// draft until ASCOM publishes it; ASCOM's and leadership's own messages are
// published as they are written.
#include <optional>
#include <string>
#include <string_view>

#include "domain/incidents/status_notice.hpp"

namespace guiche {

enum class NoticeAction {
  report,                // a new incident (reported)
  schedule,              // a new planned maintenance (scheduled)
  acknowledge,           // 6.1 to the reporter
  not_confirm,           // 6.2
  confirm_organization,  // 6.6
  confirm_general,       // 6.3
  update,                // a public update of an open incident or maintenance
  leadership_confirm,    // leadership confirms, in its own name
  restore,               // 6.4
  leadership_restore,    // leadership announces the restoration, in its own name
  reschedule,            // a maintenance moves (its own message)
  start,                 // the maintenance began
  complete,              // the maintenance ended
  cancel,                // the maintenance will not happen (its own message)
  publish,               // ASCOM publishes the drafts
  // The desk's own reminder (app/incidents/notice_reminders.hpp): before a
  // maintenance starts, to its audience; to ASCOM when an incident goes quiet.
  // Nobody's action: decide_notice_action refuses it to every standing.
  remind,
  // The desk's bookkeeping of the tickets (SAs) that tell of the notice
  // (app/incidents/notice_tickets.hpp): events of the timeline, never public,
  // with no message; they leave the state as it is.
  link_ticket,      // an SA is linked to the notice
  unlink_ticket,    // ... or unlinked
  resolve_tickets,  // once restored, its still-open SAs are resolved with one note
};

// The bookkeeping actions above: taken by their own use cases, never as a step.
bool is_ticket_bookkeeping(NoticeAction a);

std::string_view notice_action_code(NoticeAction a);
std::optional<NoticeAction> parse_notice_action(std::string_view code);
// "Confirmar o recebimento", "Restabelecer"...
std::string_view notice_action_label_pt(NoticeAction a);

// What the actor is, for this notice.
struct NoticeStanding {
  bool team = false;            // staff of a unit responsible for one of its components
  bool communications = false;  // ASCOM
  bool leadership = false;      // presidency, board, managers
  bool client_manager = false;  // a client organization's manager
  bool staff = false;           // any agent of the desk
  bool monitoring = false;      // the monitoring intake (Alertmanager, Zabbix)
};

struct NoticeDecision {
  enum class Outcome { allowed, forbidden, conflict };
  Outcome outcome = Outcome::forbidden;
  NoticeState next = NoticeState::reported;
  std::string reason;  // pt-BR, when refused
};

// `state` is ignored for the actions that create a notice (report, schedule).
NoticeDecision decide_notice_action(NoticeKind kind, NoticeState state, NoticeAction action,
                                    const NoticeStanding& who);

// The message an action writes (a key of app/incidents/notice_messages.hpp),
// if any.
std::optional<std::string_view> notice_message_key(NoticeAction action);

}  // namespace guiche
