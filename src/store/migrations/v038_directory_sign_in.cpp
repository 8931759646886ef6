// Version 38: signing in through a directory (issue 16, items 1 and 2).
// `external_identities` links a person to an account of an identity issuer
// (an LDAP directory now, OpenID providers later): a person is known by
// (issuer, subject), never by a login, e-mail or CPF alone
// (app/accounts/auth/external_people.hpp). `directory_group_mappings` is
// what an admin maps the directory's groups to: an organization, a role
// (in a unit, for unit-scoped roles), or both; `group_dn` is kept
// normalized (lowercase, no spaces around the commas), as the sign-in
// compares it (domain/directory_groups.hpp). A mapping may also make the
// group's members authorized requesters of its organization (issue 16, item
// 5), by the document that set the rule; the records it makes are ordinary
// rows of `authorizations`, and `directory_authorizations` says which rule
// made each, so leaving the group revokes only those. All small tables.
namespace guiche::store {

extern const char* const kMigrationV038DirectorySignIn = R"SQL(
CREATE TABLE external_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id),
  created_at BIGINT NOT NULL,
  last_sign_in_at BIGINT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX external_identities_person ON external_identities (person_id);
CREATE TABLE directory_group_mappings (
  id {{id}},
  group_dn TEXT NOT NULL,
  organization_id BIGINT REFERENCES organizations(id),
  role TEXT,
  unit_id BIGINT REFERENCES units(id),
  authorizes_requesters INTEGER NOT NULL DEFAULT 0,
  document_type TEXT,
  document_number TEXT,
  created_by BIGINT NOT NULL REFERENCES people(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX directory_group_mappings_group ON directory_group_mappings (group_dn, id);
CREATE TABLE directory_authorizations (
  authorization_id BIGINT PRIMARY KEY REFERENCES authorizations(id),
  mapping_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people(id)
);
CREATE INDEX directory_authorizations_person ON directory_authorizations (person_id);
)SQL";

}  // namespace guiche::store
