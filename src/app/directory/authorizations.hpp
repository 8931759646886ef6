#pragma once
// The authorized-requester list (docs/domain.md, "Authorized requesters and audiences"):
// org managers keep it, the central de serviços confirms each change, a
// grant may expire, and revoking keeps the record with its reason.
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/authorization.hpp"

namespace guiche::app {

struct AuthorizationRequest {
  std::int64_t organization_id = 0;
  std::int64_t person_id = 0;
  AuthorizationDocument document_type = AuthorizationDocument::oficio;
  std::string document_number;
  Date valid_from{};
  std::optional<Date> expires_on{};  // "válida até": the last day it holds
};

class Authorizations {
 public:
  explicit Authorizations(DeskContext& context) : ctx_(context) {}

  AuthorizedRequester authorize_requester(const Actor& a, const AuthorizationRequest& r);
  AuthorizedRequester decide_authorization(const Actor& a, std::int64_t id, bool approve);
  // The reason is required and kept in the history.
  AuthorizedRequester revoke_authorization(const Actor& a, std::int64_t id, Date last_day,
                                           const std::string& reason);
  std::vector<AuthorizedRequester> authorizations(const Actor& a, std::int64_t organization_id);

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
