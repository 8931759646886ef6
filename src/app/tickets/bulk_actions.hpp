#pragma once
// Bulk actions on a queue (issue 19, item 4): one action — assign, route,
// change status, link to an incident notice, apply a macro — on tickets the
// agent chose, each through the use case that does it to one ticket by hand,
// with its own authorization and its own ledger write and events; a ticket
// the agent could not change alone is skipped, and the report names every
// ticket skipped with why (pt-BR).
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/ticket_status.hpp"

namespace guiche::app {

class TicketWork;
class NoticeTickets;
class Macros;

struct BulkAction {
  enum class Kind { assign, route, status, notice, macro };
  Kind kind = Kind::assign;
  std::optional<std::int64_t> assignee_id;  // assign: none lets the tickets go
  std::int64_t unit_id = 0;                 // route
  Status status = Status::in_progress;      // status
  std::string reason;                       // status, optional
  std::int64_t notice_id = 0;               // notice
  std::int64_t macro_id = 0;                // macro
};
std::optional<BulkAction::Kind> parse_bulk_kind(const std::string& code);

struct BulkOutcome {
  std::int64_t ticket_id = 0;
  std::string protocol;  // empty when the ticket is not one the agent may see
  bool done = false;
  std::string reason;  // pt-BR, when skipped
};

struct BulkReport {
  std::vector<BulkOutcome> tickets;  // in the order asked
  int done = 0;
  int skipped = 0;
};

class BulkActions {
 public:
  static constexpr std::size_t kMaxTickets = 100;

  BulkActions(DeskContext& context, TicketWork& work, NoticeTickets& notices, Macros& macros)
      : ctx_(context), work_(work), notices_(notices), macros_(macros) {}

  // Refuses (validation) an empty choice or one over kMaxTickets; repeated
  // ids count once.
  BulkReport apply(const Actor& a, const std::vector<std::int64_t>& ticket_ids,
                   const BulkAction& action);

 private:
  DeskContext& ctx_;
  TicketWork& work_;
  NoticeTickets& notices_;
  Macros& macros_;
};

}  // namespace guiche::app
