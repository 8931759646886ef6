#pragma once
// Rows of the authorizations table: the dated records that make a person an
// authorized requester of an organization.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/authorization.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

std::int64_t insert_authorization(Connection& c, const AuthorizedRequester& a, Instant now);
void update_authorization(Connection& c, const AuthorizedRequester& a);
std::optional<AuthorizedRequester> load_authorization(Connection& c, std::int64_t id);
std::vector<AuthorizedRequester> authorizations_of_person(Connection& c, std::int64_t person_id);
std::vector<AuthorizedRequester> authorizations_of_organization(Connection& c,
                                                                std::int64_t organization_id);

}  // namespace guiche::store
