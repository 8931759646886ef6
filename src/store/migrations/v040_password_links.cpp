// Version 40: "Esqueci minha senha" (issue 19, item 8; app/accounts/password_link.cpp).
// A person who forgot their password asks for a link by e-mail; the link's
// token is random, and only its SHA-256 is kept here, so the table never
// holds what opens an account. A link lasts an hour and serves once; the
// index by person and instant counts a person's recent links (at most three
// an hour). Versions 38 and 39 are other changes'.
namespace guiche::store {

extern const char* const kMigrationV040PasswordLinks = R"SQL(
CREATE TABLE password_links (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX password_links_person ON password_links (person_id, created_at);
)SQL";

}  // namespace guiche::store
