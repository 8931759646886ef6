// Version 44: signing in with OpenID Connect providers (issue 16, items 3 and
// 4; app/accounts/auth/oidc_backend.hpp). The people are linked by the
// external_identities of v038, keyed by (issuer, subject).
// - oidc_sign_ins: a sign-in started at a provider, until its callback: the
//   SHA-256 of the `state` sent (the key), the nonce the ID token must carry
//   (unique: a nonce serves one sign-in), PKCE's code verifier, where to go
//   after, and, for a signed-in person linking an account, who. Used once
//   (used_at), for ten minutes; swept by expiry.
// - external_sessions: what a session opened through a provider keeps for
//   the sign-out at the provider and the re-check (item 4): the ID token and
//   the refresh and access tokens, each sealed with a key derived from the
//   client secret (never stored), and when the provider last said yes; for a
//   session opened through the directory (provider 'ldap'), the login typed,
//   looked up again at each re-check.
// - external_link_codes: linking a provider's account to an existing person
//   whose e-mail it shares, confirmed by a code sent to that e-mail: the
//   salted HMAC of the code (app/whatsapp/identity_code.hpp) and the SHA-256 of the browser's
//   token, tries counted.
// Versions 39 and 41-43 are other changes'.
namespace guiche::store {

extern const char* const kMigrationV044OidcSignIn = R"SQL(
CREATE TABLE oidc_sign_ins (
  state_sha256 TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  nonce TEXT NOT NULL UNIQUE,
  code_verifier TEXT NOT NULL,
  return_to TEXT NOT NULL,
  link_person_id BIGINT REFERENCES people(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX oidc_sign_ins_expiry ON oidc_sign_ins (expires_at);
CREATE TABLE external_sessions (
  session_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id),
  provider TEXT NOT NULL,
  id_token TEXT NOT NULL,
  refresh_token TEXT NOT NULL,
  access_token TEXT NOT NULL,
  directory_login TEXT NOT NULL DEFAULT '',
  checked_at BIGINT NOT NULL
);
CREATE INDEX external_sessions_person ON external_sessions (person_id);
CREATE TABLE external_link_codes (
  id {{id}},
  token_sha256 TEXT NOT NULL UNIQUE,
  code_mac TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id),
  provider TEXT NOT NULL,
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX external_link_codes_person ON external_link_codes (person_id, created_at);
)SQL";

}  // namespace guiche::store
