#pragma once
// What every service of the desk shares: the database, the clock, the
// settings, and the in-memory parts a node keeps (attachment store, business
// calendars, credential cache, live-change hub). Built once by Desk and
// handed by reference to each service; it decides no use case itself.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/credential_cache.hpp"
#include "app/accounts/login_throttle.hpp"
#include "app/actor.hpp"
#include "app/calendars/calendar_book.hpp"
#include "app/desk_config.hpp"
#include "app/live/ticket_events_hub.hpp"
#include "app/sla/parsed_configurations.hpp"
#include "domain/ticket.hpp"
#include "domain/time.hpp"
#include "domain/unit.hpp"
#include "store/attachment_blobs.hpp"
#include "store/database.hpp"

namespace guiche::app {

struct DeskContext {
  DeskContext(store::Database& database, const Clock& desk_clock, DeskConfig desk_config);

  store::Database& db;
  const Clock& clock;
  const DeskConfig config;
  store::AttachmentBlobs blobs;
  CalendarBook calendars;
  ParsedConfigurations sla_configurations;
  CredentialCache credentials;
  LoginThrottle throttle;
  TicketEventsHub events;
  // Tells this process's rows in live_changes from other nodes'.
  const std::string node_id;

  Instant now() const { return clock.now(); }
  // The civil date at the desk for an instant (registration date, protocol year).
  Date local_date(Instant t) const;
  // The unit tree for access decisions, from the credential cache when fresh.
  std::shared_ptr<const std::vector<Unit>> unit_tree(store::Connection& c);
  // The ticket if it exists and `a` may see it (reads share this one check).
  std::optional<Ticket> visible_ticket(store::Connection& c, const Actor& a,
                                       std::int64_t ticket_id);
  // People, roles, tokens or units changed: forget what the cache holds.
  void directory_changed() { credentials.clear(); }
};

// Every use case starts here: an inactive person, or one who must still
// change the first-access password, may do nothing else.
void require_active(const Actor& a);

}  // namespace guiche::app
