#pragma once
// What a ticket's logged time adds to the volume report's time roll-ups
// (store/time_rollup_rows.hpp). The rules its definition states
// (web/reports/report_tables.cpp, the table "tempo") are these:
//
// - Each time entry counts its minutes, and so does the time given with a
//   resolution, on the day it was logged in hora de Brasília
//   (domain/logged_time.hpp). A reopen or a cancellation takes nothing back:
//   the work was done.
// - Its unit, service, severity, channel and category are those of the
//   reports' share (app/ledger/report_share.hpp), the ticket's current ones,
//   so the filters select the same tickets in every report: a ticket routed
//   to another unit takes its time there.
#include <cstdint>
#include <vector>

#include "domain/ticket_event.hpp"
#include "store/database.hpp"
#include "store/report_rollup_rows.hpp"

namespace guiche::app {

// The ticket's share counted afresh from all its `events`, under the
// dimensions of its reports' share `report` (a change that moves the clock,
// the recount, a rebuild).
void refresh_time_share(store::Connection& c, std::int64_t ticket_id,
                        const store::TicketReportShare& report,
                        const std::vector<TicketEvent>& events);
// The stored share plus the time `added` logs, under `report`'s dimensions
// (a change that moves no clock: the events before it are not read again).
void add_to_time_share(store::Connection& c, std::int64_t ticket_id,
                       const store::TicketReportShare& report,
                       const std::vector<TicketEvent>& added);

}  // namespace guiche::app
