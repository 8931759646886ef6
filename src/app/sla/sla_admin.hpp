#pragma once
// The SLA configuration (staff read it, admins change it: that restarts the
// recompute of the cached clocks, app/sla/sla_recompute.hpp), and recording
// the warnings and breaches that are due.
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
  // Admins only; (re)starts the recompute of every clock in the same
  // transaction and returns without waiting for it.
  sla::SlaConfiguration update_sla_configuration(const Actor& a, const nlohmann::json& document);
  // Records the SLA warnings and breaches that are due (one sla_warning event
  // per target, level and ticket, ever); returns how many were recorded.
  int record_sla_warnings();

 private:
  DeskContext& ctx_;
  TicketLedger& ledger_;
  SlaClocks& clocks_;
};

}  // namespace guiche::app
