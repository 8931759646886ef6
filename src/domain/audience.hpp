#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/authorization.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/service.hpp"

namespace guiche {

struct AudienceDecision {
  bool admitted = true;
  std::string reason;  // pt-BR, recorded on the ticket when not admitted
};

// Decides whether `requester` is within the service's audience on `day`
// (docs/domain.md, "Authorized requesters and audiences"). A refusal never rejects the request: the
// caller registers it and routes it to client relations with the reason.
AudienceDecision check_audience(const Service& service, const Person& requester,
                                const std::optional<Organization>& organization,
                                const std::vector<AuthorizedRequester>& records, Date day);

}  // namespace guiche
