#pragma once
// Tickets (SAs) linked to status notices (docs/domain.md, "Tickets linked to
// notices"): the desk links an SA to the notice of the incident it tells of,
// from the ticket or from the notice; a requester about to register a
// request for a service with an open, published incident is shown it first
// ("already known: follow it here") and may still register; once the
// service is restored, every still-open linked SA is resolved with one note
// through the ticket use cases, so each requester is told on their own
// channel by the ticket notices (app/notices). Who may do each is decided
// by domain/incidents/notice_transitions.hpp (link_ticket, unlink_ticket,
// resolve_tickets); each is an event of the notice's timeline, never public,
// and linking or unlinking an event of the ticket's history too.
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/incidents/status_notices.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "app/tickets/ticket_work.hpp"

namespace guiche::app {

// What became of one linked ticket when the notice's tickets were resolved.
struct LinkedTicketOutcome {
  enum class Result { resolved, already_done, failed };
  LinkedTicket ticket;  // as it stands afterwards
  Result result = Result::failed;
  std::string reason;  // pt-BR, when it failed
};

struct ResolveLinkedReport {
  std::vector<LinkedTicketOutcome> tickets;  // by ticket id
  int resolved = 0;
  int failed = 0;
};

class NoticeTickets {
 public:
  NoticeTickets(DeskContext& context, TicketLedger& ledger, TicketWork& work,
                StatusNotices& notices)
      : ctx_(context), ledger_(ledger), work_(work), notices_(notices) {}

  // Idempotent: linking a linked ticket, or unlinking one that is not,
  // changes nothing. The ticket must be one `a` may see.
  NoticeView link_ticket(const Actor& a, std::int64_t notice_id, std::int64_t ticket_id);
  NoticeView unlink_ticket(const Actor& a, std::int64_t notice_id, std::int64_t ticket_id);

  // Once the notice is restored (a maintenance: completed), resolves each
  // linked ticket still open with `note` as its resolution, as `a` through
  // TicketWork (a ticket still waiting for triage is first taken by `a`, as
  // "assign to me" does); what could not be resolved is told back, with why.
  // `time_spent_minutes`: recorded on each ticket; the work was the
  // incident's, so one minute by default.
  ResolveLinkedReport resolve_linked_tickets(const Actor& a, std::int64_t notice_id,
                                             const std::string& note, int time_spent_minutes = 1);

  // The notices a ticket is linked to, newest first (desk staff; a ticket
  // they may see).
  std::vector<StatusNotice> ticket_notices(const Actor& a, std::int64_t ticket_id);
  // The open notices a ticket may be linked to, newest first (desk staff).
  std::vector<StatusNotice> linkable_notices(const Actor& a);
  // "Already known": the open, published incidents (and maintenance in
  // progress) of the components that are `service_id`, as the status page
  // shows them to `viewer` (general ones; scoped ones to their organization
  // and the staff). Newest first.
  std::vector<StatusNotice> known_incidents(const std::optional<Person>& viewer,
                                            std::int64_t service_id);

 private:
  NoticeView change_link(const Actor& a, std::int64_t notice_id, std::int64_t ticket_id, bool link);

  DeskContext& ctx_;
  TicketLedger& ledger_;
  TicketWork& work_;
  StatusNotices& notices_;
};

}  // namespace guiche::app
