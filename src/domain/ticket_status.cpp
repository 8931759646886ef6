#include "domain/ticket_status.hpp"

#include <array>

namespace guiche {
namespace {

struct StatusInfo {
  Status status;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<StatusInfo, 10> kStatuses{{
    {Status::new_, "new", "novo"},
    {Status::triage, "triage", "em triagem"},
    {Status::assigned, "assigned", "atribuído"},
    {Status::in_progress, "in_progress", "em atendimento"},
    {Status::pending_requester, "pending_requester", "pendente com o solicitante"},
    {Status::pending_third_party, "pending_third_party", "aguardando terceiro"},
    {Status::resolved, "resolved", "resolvido"},
    {Status::closed, "closed", "fechado"},
    {Status::reopened, "reopened", "reaberto"},
    {Status::cancelled, "cancelled", "cancelado"},
}};

struct Transition {
  Status from;
  Status to;
  Side side;
};

using S = Status;
constexpr std::array kTransitions{
    // Triage and routing by the central de serviços (or whoever holds the ticket).
    Transition{S::new_, S::triage, Side::agent},
    Transition{S::new_, S::assigned, Side::agent},
    Transition{S::triage, S::assigned, Side::agent},
    Transition{S::assigned, S::assigned, Side::agent},  // re-routing / re-assigning
    Transition{S::in_progress, S::assigned, Side::agent},
    Transition{S::reopened, S::assigned, Side::agent},
    // Work.
    Transition{S::assigned, S::in_progress, Side::agent},
    Transition{S::reopened, S::in_progress, Side::agent},
    Transition{S::in_progress, S::pending_requester, Side::agent},
    Transition{S::pending_requester, S::in_progress, Side::agent},
    Transition{S::pending_requester, S::in_progress, Side::requester},  // the answer
    Transition{S::in_progress, S::pending_third_party, Side::agent},
    Transition{S::pending_third_party, S::in_progress, Side::agent},
    // Resolution; afterwards the requester may ask to reopen within the
    // window, or the system closes the ticket when it ends.
    Transition{S::assigned, S::resolved, Side::agent},
    Transition{S::in_progress, S::resolved, Side::agent},
    Transition{S::pending_requester, S::resolved, Side::agent},
    Transition{S::pending_third_party, S::resolved, Side::agent},
    Transition{S::reopened, S::resolved, Side::agent},
    Transition{S::resolved, S::reopened, Side::requester},
    Transition{S::resolved, S::closed, Side::system},
    // Cancelling: the desk at any open stage; the requester before work starts.
    Transition{S::new_, S::cancelled, Side::agent},
    Transition{S::triage, S::cancelled, Side::agent},
    Transition{S::assigned, S::cancelled, Side::agent},
    Transition{S::in_progress, S::cancelled, Side::agent},
    Transition{S::pending_requester, S::cancelled, Side::agent},
    Transition{S::pending_third_party, S::cancelled, Side::agent},
    Transition{S::reopened, S::cancelled, Side::agent},
    Transition{S::new_, S::cancelled, Side::requester},
    Transition{S::triage, S::cancelled, Side::requester},
};

}  // namespace

std::string_view status_code(Status s) {
  return kStatuses[static_cast<int>(s)].code;
}
std::string_view status_label_pt(Status s) {
  return kStatuses[static_cast<int>(s)].label;
}

std::optional<Status> parse_status(std::string_view code) {
  for (const auto& info : kStatuses) {
    if (info.code == code) return info.status;
  }
  return std::nullopt;
}

bool may_transition(Status from, Status to, Side side) {
  for (const auto& t : kTransitions) {
    if (t.from == from && t.to == to && t.side == side) return true;
  }
  return false;
}

}  // namespace guiche
