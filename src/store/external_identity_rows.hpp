#pragma once
// Rows of external_identities (migration v038): which person an account of an
// identity issuer (a directory, later an OpenID provider) is.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/personal_data_map.hpp"

namespace guiche::store {

std::optional<std::int64_t> person_of_external_identity(Connection& c, const std::string& issuer,
                                                        const std::string& subject);
void insert_external_identity(Connection& c, const std::string& issuer, const std::string& subject,
                              std::int64_t person_id, Instant now);
void touch_external_identity(Connection& c, const std::string& issuer, const std::string& subject,
                             Instant now);
// Whether the person signs in through an identity issuer (a directory): their
// password is the issuer's, never one chosen here.
bool has_external_identity(Connection& c, std::int64_t person_id);
// LGPD: an anonymized person's links go, so a later sign-in is a new person.
void erase_external_identities(Connection& c, ErasureScope& s);

}  // namespace guiche::store
