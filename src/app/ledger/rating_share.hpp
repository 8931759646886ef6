#pragma once
// What a ticket adds to the satisfaction report's roll-ups
// (store/rating_rollup_rows.hpp). The rules its definitions state
// (web/i18n/pt-BR/relatorios_satisfacao.json) are these:
//
// - Asked: a resolved ticket (resolved, or closed after a resolution). Every
//   resolution's notice carries the survey (app/notices/notices.cpp: the
//   "avaliar" link; on WhatsApp the list of stars), so every resolved ticket
//   was asked. Cancelled tickets were not.
// - Counted on the day of its last resolution, in hora de Brasília: a reopen
//   takes the ticket, its stars and comment out (the survey judged the
//   resolution being reopened: domain/ticket_projection.cpp) until it is
//   resolved again. So the ratings of a period are those of the tickets
//   resolved in it, and the response rate never exceeds 100 %.
// - Its unit, service, severity, channel and category are those of the
//   reports' share (app/ledger/report_share.hpp), so the filters select the
//   same tickets in every report.
#include <optional>

#include "domain/ticket.hpp"
#include "store/rating_rollup_rows.hpp"
#include "store/report_rollup_rows.hpp"

namespace guiche::app {

std::optional<store::TicketRatingShare> rating_share_of(const Ticket& ticket,
                                                        const store::TicketReportShare& report);
// Moves the ticket's share from what is stored to what `ticket` and its
// reports' share `report` say, in the caller's transaction.
void refresh_rating_share(store::Connection& c, const Ticket& ticket,
                          const store::TicketReportShare& report);

}  // namespace guiche::app
