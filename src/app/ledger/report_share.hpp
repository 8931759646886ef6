#pragma once
// What a ticket adds to the reports' roll-ups (store/report_rollup_rows.hpp),
// from its row and its SLA timeline. The rules the reports' definitions state
// (web/i18n/pt-BR/relatorios.json) are these:
//
// - Registered on the day of registration; in the backlog until the day it
//   was resolved, closed or cancelled (a reopen puts it back: its last
//   resolution counts).
// - The resolution target falls due on the day it was met (the resolution
//   before the deadline), or on the day its deadline passed (breached, whether
//   resolved late or still open). An open clock that still runs falls due on
//   its deadline's day, neither met nor breached until then; a paused clock
//   has no deadline (the pause moves it) and falls due on no day unless it had
//   already breached before the pause. Pauses never breach: the clock does not
//   run (sla/clock.hpp). A cancelled ticket never falls due.
// - First-response and resolution times are the clock's business time (pauses
//   and closed hours left out), counted on the day of the response or the
//   resolution.
// - Reopened: a resolved ticket that had been reopened at least once, counted
//   on the day of its last resolution.
#include "domain/ticket.hpp"
#include "sla/clock.hpp"
#include "store/report_rollup_rows.hpp"

namespace guiche::app {

store::TicketReportShare report_share_of(const Ticket& ticket, const sla::SlaTimeline& timeline);
// `share` with what comes from the ticket's row brought up to date and the
// clock's verdicts kept (a change that moves no clock).
store::TicketReportShare with_ticket_fields(store::TicketReportShare share, const Ticket& ticket);

}  // namespace guiche::app
