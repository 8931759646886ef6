#pragma once
#include <optional>
#include <string_view>

// Channel lived here; the include keeps the files that still look for it here compiling.
#include "domain/channel.hpp"

namespace guiche {

// The lifecycle of a ticket: docs/domain.md, "Statuses".
enum class Status {
  new_,
  triage,
  assigned,
  in_progress,
  pending_requester,
  pending_third_party,
  resolved,
  closed,
  reopened,
  cancelled,
};

std::string_view status_code(Status s);
std::string_view status_label_pt(Status s);
std::optional<Status> parse_status(std::string_view code);
inline bool status_is_final(Status s) {
  return s == Status::closed || s == Status::cancelled;
}
// Open = someone at the desk still owes the requester something.
inline bool status_is_open(Status s) {
  return !status_is_final(s) && s != Status::resolved;
}

// Who is acting, as far as the lifecycle is concerned.
enum class Side { requester, agent, system };

// Whether `side` may move a ticket from `from` to `to` (the transition table;
// scope checks — which agent, which requester — are the application layer's).
bool may_transition(Status from, Status to, Side side);

}  // namespace guiche
