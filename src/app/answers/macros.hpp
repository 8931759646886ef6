#pragma once
// Macros (issue 19, item 2): one action that applies several steps to a
// ticket — a reply from an answer template, minutes of work, a status (or
// the resolution, from a solution template) or a route — each step through
// the use case that does it by hand (app/tickets/ticket_work.hpp), with its
// rules, all in one ledger write: for one ticket, all or nothing. The use is
// an internal event (macro_applied) before the steps' own. Offered and kept
// as answer templates are (app/answers/answer_scope.hpp).
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "app/tickets/ticket_work.hpp"
#include "domain/answer_template.hpp"

namespace guiche::app {

class Macros {
 public:
  Macros(DeskContext& context, TicketLedger& ledger, TicketWork& work)
      : ctx_(context), ledger_(ledger), work_(work) {}

  // The active macros offered to `a`, by name.
  std::vector<TicketMacro> offered(const Actor& a);
  // Every macro `a` keeps, inactive ones too.
  std::vector<TicketMacro> kept(const Actor& a);
  TicketMacro get(const Actor& a, std::int64_t id);
  // Creates (id 0) or changes a macro `a` may keep. Its templates must be of
  // the right kind and offered where the macro is (shared, or its unit's).
  TicketMacro save(const Actor& a, TicketMacro m);

  Ticket apply(const Actor& a, std::int64_t macro_id, std::int64_t ticket_id);
  Ticket apply_in(LedgerWrite& w, const Actor& a, std::int64_t macro_id, std::int64_t ticket_id);

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
  TicketWork& work_;
};

}  // namespace guiche::app
