#pragma once
// Merging duplicates and splitting a message off (issue 19, item 3).
//
// Merge: the same outage reported by twenty people becomes one ticket. Each
// duplicate is closed as such (a public `merged` event naming the surviving
// ticket), the surviving ticket records each one it took in (internal), and
// the duplicate's requester follows the surviving ticket: its public news
// reach them on the duplicate's channel (app/notices/follower_notices.hpp),
// without opening another person's request to them. Both histories stay.
// All the duplicates of one merge go in one transaction, or none.
//
// A merge is undone, duplicate by duplicate, while the surviving ticket is
// still open: the duplicate returns to the status it had, its SLA clock
// resumes without counting the merged stretch (sla/clock.cpp), and its
// requester stops following the other ticket.
//
// Split: one message of a ticket becomes a new request of the same
// requester, service and channel, linked both ways (split_into / split_from);
// it waits for triage like any new request.
#include <cstdint>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/intake/intake.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "domain/ticket.hpp"

namespace guiche::app {

// At most this many duplicates in one merge (a page of a queue).
inline constexpr std::size_t kMaxMergedAtOnce = 100;

struct MergeResult {
  Ticket survivor;
  std::vector<Ticket> merged;
};

class TicketMerges {
 public:
  TicketMerges(DeskContext& context, TicketLedger& ledger, Intake& intake)
      : ctx_(context), ledger_(ledger), intake_(intake) {}

  // Merges `duplicate_ids` into `survivor_id`; `a` must work every one of them.
  MergeResult merge(const Actor& a, std::int64_t survivor_id,
                    const std::vector<std::int64_t>& duplicate_ids, const std::string& note = "");
  // Undoes the merge of `duplicate_id` (while the ticket it went into is open).
  MergeResult undo(const Actor& a, std::int64_t duplicate_id);
  // A new request from the public message `event_seq` of `ticket_id`, with
  // `subject` (default: the original's).
  Ticket split(const Actor& a, std::int64_t ticket_id, std::int64_t event_seq,
               const std::string& subject = "");

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
  Intake& intake_;
};

}  // namespace guiche::app
