#pragma once
// The SLA configuration (staff read it, admins change it), and the work that
// follows the clock: recomputing every cached clock after the configuration
// or a calendar changed, and recording the warnings and breaches that are due.
#include <nlohmann/json.hpp>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "app/sla/sla_clocks.hpp"
#include "sla/policy.hpp"

namespace guiche::app {

class SlaAdmin {
 public:
  SlaAdmin(DeskContext& context, TicketLedger& ledger, SlaClocks& clocks)
      : ctx_(context), ledger_(ledger), clocks_(clocks) {}

  sla::SlaConfiguration sla_configuration(const Actor& a);
  // Admins only; recomputes every clock.
  sla::SlaConfiguration update_sla_configuration(const Actor& a, const nlohmann::json& document);
  // Recomputes the cached clock of every ticket not closed or cancelled; call
  // after the SLA configuration or a calendar changes. Returns how many.
  int recompute_sla_clocks();
  // Records the SLA warnings and breaches that are due (one sla_warning event
  // per target, level and ticket, ever); returns how many were recorded.
  int record_sla_warnings();

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
  SlaClocks& clocks_;
};

}  // namespace guiche::app
