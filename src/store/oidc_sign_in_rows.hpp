#pragma once
// Rows of the OpenID Connect sign-in (migrations v044 and v045;
// app/accounts/auth/oidc_backend.hpp): the sign-ins started at a provider,
// the sessions opened through one, and the e-mail codes that confirm linking
// a provider's account to an existing person.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"
#include "store/personal_data_map.hpp"

namespace guiche::store {

struct OidcSignInRow {
  std::string state_sha256;
  std::string provider;
  std::string nonce;
  std::string code_verifier;
  std::string return_to;
  std::optional<std::int64_t> link_person_id;
  Instant created_at{};
  Instant expires_at{};
};

// Also sweeps the rows expired by `row.created_at`.
void insert_oidc_sign_in(Connection& c, const OidcSignInRow& row);
// Marks the sign-in of `state_sha256` used and returns it, when it exists,
// is unused and has not expired at `now`; nullopt otherwise (a second use of
// a state finds nothing).
std::optional<OidcSignInRow> use_oidc_sign_in(Connection& c, const std::string& state_sha256,
                                              Instant now);

// What a session opened through a provider keeps to be checked again and
// signed out there: the provider's tokens, or the directory's login.
struct ExternalSessionKeep {
  std::string id_token;         // sealed
  std::string refresh_token;    // sealed, may be empty
  std::string access_token;     // sealed, may be empty
  std::string directory_login;  // provider "ldap": the login, looked up again
};

struct ExternalSessionRow {
  std::string session_hash;
  std::int64_t person_id = 0;
  std::string provider;
  ExternalSessionKeep kept;
  Instant checked_at{};
};
void insert_external_session(Connection& c, const ExternalSessionRow& row);
std::optional<ExternalSessionRow> find_external_session(Connection& c,
                                                        const std::string& session_hash);
void mark_external_session_checked(Connection& c, const std::string& session_hash,
                                   const std::string& refresh_token, Instant now);
void delete_external_session(Connection& c, const std::string& session_hash);

struct ExternalLinkCodeRow {
  std::int64_t id = 0;
  std::string token_sha256;
  std::string code_mac;
  std::int64_t person_id = 0;
  std::string provider, issuer, subject;
  int attempts = 0;
  Instant created_at{};
  Instant expires_at{};
  // For the session the code opens once typed back (migration v045).
  ExternalSessionKeep session;
};
void insert_external_link_code(Connection& c, const ExternalLinkCodeRow& row);
// The unused, unexpired code of the browser's token.
std::optional<ExternalLinkCodeRow> find_external_link_code(Connection& c,
                                                           const std::string& token_sha256,
                                                           Instant now);
void count_external_link_attempt(Connection& c, std::int64_t id);
void use_external_link_code(Connection& c, std::int64_t id, Instant now);
// How many codes were sent to the person since `since` (at most a few an hour).
std::int64_t external_link_codes_since(Connection& c, std::int64_t person_id, Instant since);

// The person's links to provider accounts: (issuer, subject) pairs.
std::vector<std::pair<std::string, std::string>> external_identities_of(Connection& c,
                                                                        std::int64_t person_id);
// Removes the person's link; false when it was not theirs.
bool delete_external_identity(Connection& c, std::int64_t person_id, const std::string& issuer,
                              const std::string& subject);

// LGPD: the person's pending sign-ins, provider sessions and link codes go.
void erase_oidc_sign_in_rows(Connection& c, ErasureScope& s);

}  // namespace guiche::store
