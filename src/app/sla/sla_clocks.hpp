#pragma once
// Where a ticket's SLA clocks stand, computed from its events on the
// business calendar its policy names (the desk's, or the requester
// organization's). Reads only: the ticket ledger caches what this computes
// (ticket_sla, which the queues sort by), in the transaction of the change.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/desk_context.hpp"
#include "domain/organization.hpp"
#include "domain/service.hpp"
#include "domain/ticket_event.hpp"
#include "sla/clock.hpp"
#include "sla/policy.hpp"
#include "store/sla_rows.hpp"

namespace guiche::app {

// The (target, level) pairs of the SLA warnings a ticket's events record.
using FiredWarnings = std::set<std::pair<std::string, std::string>>;
FiredWarnings fired_warnings(const std::vector<TicketEvent>& events);

// Rows the caller has read already, so the clock does not read them again
// (a registration's draft: app/intake/intake.cpp).
struct KnownRows {
  const Service* service = nullptr;
  // Set when the requester's organization is known, even to be none.
  const std::optional<Organization>* organization = nullptr;
};

class SlaClocks {
 public:
  explicit SlaClocks(DeskContext& context) : ctx_(context) {}

  // The SLA configuration in force (the defaults until an admin saves one).
  sla::SlaConfiguration configuration(store::Connection& c) const;
  sla::SlaTimeline timeline(store::Connection& c, const sla::SlaConfiguration& config,
                            const std::vector<TicketEvent>& events, Instant now, bool explain,
                            KnownRows known = {}) const;
  // The ticket's timeline now, from its stored events.
  sla::SlaTimeline timeline_of(store::Connection& c, std::int64_t ticket_id, Instant now,
                               bool explain) const;
  // What the cache keeps of a timeline: each target's state, deadline and
  // next warning or breach not yet recorded.
  static std::vector<store::TicketSlaRow> cache_rows(const sla::SlaTimeline& timeline,
                                                     const std::vector<TicketEvent>& events);

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
