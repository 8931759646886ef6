// Version 2: sign-in sessions, personal API tokens, idempotency keys.
// Secrets are stored only as SHA-256 hashes: a copy of the database does not
// let anyone sign in.
namespace guiche::store {

extern const char* const kMigrationV002Sessions = R"SQL(
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE api_tokens (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX api_tokens_person ON api_tokens(person_id);

CREATE TABLE idempotency_keys (
  person_id BIGINT NOT NULL REFERENCES people(id),
  idempotency_key TEXT NOT NULL,
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (person_id, idempotency_key)
);
)SQL";

}  // namespace guiche::store
