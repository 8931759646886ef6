#pragma once
// Registering a request, whatever channel it came by (portal, phone on
// behalf of a requester, e-mail, API): the service's audience decides whether
// it waits for triage at the central de serviços or goes to client relations
// (docs/domain.md, "Authorized requesters and audiences"); the first estimate of its deadline is
// what the SLA clock computes at registration.
#include <optional>
#include <string>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "app/sla/sla_clocks.hpp"
#include "domain/category.hpp"
#include "domain/service.hpp"
#include "domain/ticket.hpp"

namespace guiche::app {

// A request's subject is stored whole, through every channel; pages shorten
// it only where room is short (queue rows). The bound stops a hostile client:
// about 1,000 characters of any script.
inline constexpr std::size_t kMaxSubjectBytes = 4000;

struct RegisterRequest {
  std::int64_t requester_id = 0;
  std::string service_code;  // as typed: "sup tec" names SUP-TEC (domain/service_code.hpp)
  std::string subject;
  std::string description;
  nlohmann::json form_answers = nlohmann::json::object();
  std::optional<Category> category;  // default: the service's
  int impact = 3;
  int urgency = 3;
  // The channel the request arrived by, when it is not the caller's own:
  // only the central de serviços registers what came by phone or e-mail.
  std::optional<Channel> channel;
  // A retry with the same key (per caller) returns the ticket the first
  // attempt registered instead of a second one.
  std::optional<std::string> idempotency_key;
  // Channels that cannot fill the service's form (e-mail) leave required
  // fields for the central to complete at triage.
  bool form_may_be_incomplete = false;
  // A stricter audience than the service's, imposed by the channel.
  std::optional<Audience> audience;
  // Files that came with the request and the desk's file policy did not
  // accept ("name (reason)", pt-BR; kept held): recorded on the created event
  // so the registration receipt names them (e-mail).
  std::vector<std::string> files_not_accepted;
};

// What a registration decided before anything is written: the created event
// (its protocol still provisional) and the clock it starts.
struct RegistrationDraft {
  TicketEvent created;
  sla::SlaTimeline timeline;
  Instant at;
  WriteLookups lookups;  // read with the draft, for the receipt and the webhooks
};

class Intake {
 public:
  Intake(DeskContext& context, TicketLedger& ledger, SlaClocks& clocks)
      : ctx_(context), ledger_(ledger), clocks_(clocks) {}

  Ticket register_request(const Actor& a, const RegisterRequest& r);
  // The registration inside a transaction the caller runs (the mail intake
  // records the message and its ticket together). The request's texts are
  // checked by the caller.
  Ticket register_in(LedgerWrite& w, const Actor& a, const RegisterRequest& r);

 private:
  // Reads only: the service, the requester and the audience's verdict.
  RegistrationDraft draft_registration(store::Connection& c, const Actor& a,
                                       const RegisterRequest& r, Instant now);
  Ticket write_registration(LedgerWrite& w, const Actor& a, const RegisterRequest& r,
                            RegistrationDraft draft);

  DeskContext& ctx_;
  TicketLedger& ledger_;
  SlaClocks& clocks_;
};

}  // namespace guiche::app
