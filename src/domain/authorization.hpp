#pragma once
// Authorized-requester records: the dated documents (contrato, ofício or SA)
// that let a person request for a client organization (docs/domain.md,
// "Authorized requesters and audiences").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace guiche {

enum class AuthorizationDocument { contract, oficio, service_request };
std::string_view document_code(AuthorizationDocument d);
std::optional<AuthorizationDocument> parse_document(std::string_view code);

// pending: proposed by an org manager, waits for the central de serviços.
enum class AuthorizationState { pending, confirmed, rejected };
std::string_view authorization_state_code(AuthorizationState s);
std::optional<AuthorizationState> parse_authorization_state(std::string_view code);

struct AuthorizedRequester {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::int64_t person_id = 0;
  AuthorizationDocument document_type = AuthorizationDocument::oficio;
  std::string document_number;
  std::int64_t entered_by = 0;
  Date valid_from{};
  std::optional<Date> valid_until;  // last day it holds; set by revocation
  // "Válida até": the last day the grant itself holds, chosen when granting.
  std::optional<Date> expires_on{};
  AuthorizationState state = AuthorizationState::pending;
  std::optional<std::int64_t> decided_by;
  // A revocation an org manager asked for, waiting for confirmation.
  std::optional<Date> revocation_requested_until;
  std::optional<std::int64_t> revocation_requested_by;
  std::optional<std::int64_t> revoked_by;
  // Why it was revoked (or its revocation asked for); kept in the history.
  std::string revocation_reason{};

  // Whether this record lets the person request on `day`.
  bool is_effective_on(Date day) const;
  // Whether the grant's own expiry date has passed on `day`.
  bool is_expired_on(Date day) const;
};

}  // namespace guiche
